import { useEffect, useMemo, useState } from "react";

import type { CustomersApi } from "../../api/customers";
import { type ErrorContract, errorFromUnknown } from "../../errors/errorContract";
import { duplicateEntries, entryErrors } from "./entries";

export interface EntryChecks {
  /** Refusals by entry index (the editor's own index, blanks included). */
  errors: Map<number, ErrorContract>;
  /** Entries the server found valid. */
  checked: Set<number>;
  /** Entries being checked. */
  pending: Set<number>;
  /** The check itself failed (no connection, no right to change the customer). */
  failed?: ErrorContract;
}

const FIELD = "domainRestriction.entries";

/**
 * The engine's verdict on each entry while it is typed: a moment after typing stops, the non-blank entries go to
 * the server as a check only ({@link CustomersApi.checkSettings}: nothing is stored), and each refusal comes back
 * by index with the engine's reason. A repeated entry is marked at once.
 */
export function useEntryCheck(api: CustomersApi, customerId: string, entries: string[], enabled: boolean): EntryChecks {
  const [server, setServer] = useState<{ for: string[]; errors: Map<number, ErrorContract>; failed?: ErrorContract }>();
  const key = entries.join("\n");

  useEffect(() => {
    if (!enabled) {
      return;
    }
    let live = true;
    const positions = entries.map((e, i) => (e.trim() === "" ? -1 : i)).filter((i) => i >= 0);
    if (positions.length === 0) {
      setServer({ for: entries, errors: new Map() });
      return;
    }
    const timer = setTimeout(() => {
      api
        .checkSettings(customerId, { domainRestriction: { entries: positions.map((i) => entries[i].trim()) } })
        .then(
          (violations) => {
            const byIndex = entryErrors({ error: "check", errors: violations }, FIELD);
            const mapped = new Map<number, ErrorContract>();
            byIndex.forEach((v, sent) => mapped.set(positions[sent], { ...v, field: `${FIELD}[${positions[sent]}]` }));
            if (live) setServer({ for: entries, errors: mapped });
          },
          (e) => live && setServer({ for: entries, errors: new Map(), failed: errorFromUnknown(e) }),
        );
    }, 500);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // entries by value: a new array with the same entries is no change
  }, [api, customerId, key, enabled]);

  return useMemo(() => {
    const errors = duplicateEntries(entries);
    const current = server && server.for.join("\n") === key;
    const checked = new Set<number>();
    const pending = new Set<number>();
    entries.forEach((e, i) => {
      if (e.trim() === "" || errors.has(i)) {
        return;
      }
      if (!enabled || !current) {
        if (enabled) pending.add(i);
        return;
      }
      const refusal = server!.errors.get(i);
      if (refusal) {
        errors.set(i, refusal);
      } else if (!server!.failed) {
        checked.add(i);
      }
    });
    return { errors, checked, pending, failed: current ? server!.failed : undefined };
  }, [key, server, enabled]);
}
