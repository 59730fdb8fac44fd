import type { Member } from "../../api/customers";

/**
 * The members who are the customer's only Administrator (a set of one, or empty): they can neither leave nor
 * change role until another Administrator is appointed. Only meaningful when `members` is the whole list.
 */
export function lastAdministrators(members: Member[]): Set<string> {
  const administrators = members.filter((m) => m.role === "Administrator" && !m.serviceAccount);
  return new Set(administrators.length === 1 ? [administrators[0].id] : []);
}
