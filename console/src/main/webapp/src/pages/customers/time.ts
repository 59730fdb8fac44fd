/** Keycloak sends some instants in seconds (invitations, Time.currentTime) and some in milliseconds. */
export function toDate(epoch: number | null | undefined): Date | undefined {
  if (epoch === null || epoch === undefined || !Number.isFinite(epoch) || epoch <= 0) {
    return undefined;
  }
  return new Date(epoch < 1e12 ? epoch * 1000 : epoch);
}

export function formatInstant(epoch: number | null | undefined, language: string): string {
  const date = toDate(epoch);
  return date ? date.toLocaleString(language, { dateStyle: "medium", timeStyle: "short" }) : "";
}
