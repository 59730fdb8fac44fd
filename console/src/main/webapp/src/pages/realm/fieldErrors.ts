import type { ErrorContract } from "../../errors/errorContract";

/**
 * The violations of a settings document by the field they name (`anyone.directoryLoginUrl`,
 * `companies[1].domains[0]`...), so each is shown by its control; `unplaced` are those no control on the page shows.
 */
export interface FieldErrors {
  all: ErrorContract[];
  /** The first violation of exactly this field. */
  at(field: string): ErrorContract | undefined;
  /** Violations of this field and everything below it (`companies[0]` covers `companies[0].domains[1]`). */
  under(field: string): ErrorContract[];
  /** Violations whose field no control claimed. */
  unplaced: ErrorContract[];
}

/**
 * A field in the form the page's controls use, `companies[1].domains[0]`, also when the server writes it as a JSON
 * path (`$.companies[1].domains[0]`) or a JSON pointer (`/companies/1/domains/0`).
 */
export function normaliseField(field: string | undefined): string | undefined {
  if (!field) {
    return field;
  }
  if (field.startsWith("$.")) {
    return field.slice(2);
  }
  if (field.startsWith("/")) {
    return field
      .slice(1)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), "");
  }
  return field;
}

export function fieldErrors(raw: ErrorContract[], placed: (field: string) => boolean = defaultPlaced): FieldErrors {
  const errors = raw.map((e) => ({ ...e, field: normaliseField(e.field) }));
  return {
    all: errors,
    at: (field) => errors.find((e) => e.field === field),
    under: (field) => errors.filter((e) => e.field === field || (e.field ?? "").startsWith(`${field}.`) || (e.field ?? "").startsWith(`${field}[`)),
    unplaced: errors.filter((e) => !e.field || !placed(e.field)),
  };
}

/** The fields the self-registration page shows by a control. */
const PLACED = [
  /^mode$/,
  /^anyone\.(methods(\[\d+\])?|grantPortalAccess|directoryLoginUrl|defaultServices(\[\d+\])?)$/,
  /^companies$/,
  /^companies\[\d+\]\.(organizationId|methods(\[\d+\])?|grantPortalAccess|domains(\[\d+\])?|services(\[\d+\])?)$/,
];

function defaultPlaced(field: string): boolean {
  return PLACED.some((p) => p.test(field));
}
