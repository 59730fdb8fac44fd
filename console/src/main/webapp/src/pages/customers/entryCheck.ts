import { useMemo } from "react";

import type { ErrorContract } from "../../errors/errorContract";
import { duplicateEntries } from "./entries";

export interface EntryChecks {
  /** Refusals by entry index. */
  errors: Map<number, ErrorContract>;
  /** Entries confirmed valid. */
  checked: Set<number>;
  /** Entries being checked. */
  pending: Set<number>;
}

/**
 * The entries' checks while they are typed. The engine's reasons come with the server's answer to Save (each bad
 * entry named by its index, shown by the entry); before that, the editor marks what it can know itself.
 */
export function useEntryCheck(_customerId: string, entries: string[]): EntryChecks {
  return useMemo(() => ({ errors: duplicateEntries(entries), checked: new Set<number>(), pending: new Set<number>() }), [entries]);
}
