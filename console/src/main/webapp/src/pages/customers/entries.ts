import type { ErrorContract } from "../../errors/errorContract";

/**
 * The refusals of a settings write that belong to one entry of a list field, by index: the server names each bad
 * entry `<field>[<i>]` (e.g. `domainRestriction.entries[2]`), in `errors` when several are bad.
 */
export function entryErrors(error: ErrorContract | undefined, field: string): Map<number, ErrorContract> {
  const out = new Map<number, ErrorContract>();
  if (!error) {
    return out;
  }
  const prefix = `${field}[`;
  for (const candidate of [error, ...(error.errors ?? [])]) {
    const name = candidate.field ?? "";
    if (!name.startsWith(prefix)) {
      continue;
    }
    const index = Number.parseInt(name.slice(prefix.length), 10);
    if (Number.isInteger(index) && index >= 0 && name === `${prefix}${index}]` && !out.has(index)) {
      out.set(index, candidate);
    }
  }
  return out;
}

/** The refusal of a field itself (not of one of its entries), from the top level or `errors`. */
export function fieldError(error: ErrorContract | undefined, field: string): ErrorContract | undefined {
  if (!error) {
    return undefined;
  }
  return [error, ...(error.errors ?? [])].find((e) => e.field === field);
}

/** A settings refusal with the fields of one section's document made relative to it, or undefined when none is about it. */
export function errorsOutside(error: ErrorContract | undefined, fields: string[]): ErrorContract | undefined {
  if (!error) {
    return undefined;
  }
  const mine = (e: ErrorContract) => !!e.field && fields.some((f) => e.field === f || e.field!.startsWith(`${f}[`) || e.field!.startsWith(`${f}.`));
  const all = [error, ...(error.errors ?? [])];
  return all.every(mine) ? undefined : error;
}

/** The entries as they are stored: trimmed, blanks dropped (the server canonicalises the rest). */
export function cleanEntries(entries: string[]): string[] {
  return entries.map((e) => e.trim()).filter((e) => e !== "");
}

/**
 * What the editor knows about the entries as they are typed, before the server checks them: an entry given twice
 * (the engine would store it once) is marked on its second occurrence. Case and surrounding blanks do not count.
 */
export function duplicateEntries(entries: string[]): Map<number, ErrorContract> {
  const seen = new Map<string, number>();
  const out = new Map<number, ErrorContract>();
  entries.forEach((raw, i) => {
    const entry = raw.trim().toLowerCase();
    if (entry === "") {
      return;
    }
    const first = seen.get(entry);
    if (first === undefined) {
      seen.set(entry, i);
    } else {
      out.set(i, { error: "duplicateEntry", messageKey: "customersDuplicateEntry", params: [raw.trim(), String(first + 1)] });
    }
  });
  return out;
}
