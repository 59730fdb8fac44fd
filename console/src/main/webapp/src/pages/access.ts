import type { Rights } from "../api/portalAccess";

/** The strongest right of each kind, as the keys of their labels (overview.right.*). */
export function accessLabels(rights: Rights): string[] {
  const labels: string[] = [];
  if (rights.manageRealm) {
    labels.push("manageRealm");
  } else if (rights.viewRealm) {
    labels.push("viewRealm");
  }
  if (rights.manageOrganizations) {
    labels.push("manageOrganizations");
  } else if (rights.viewOrganizations) {
    labels.push("viewOrganizations");
  } else if (rights.delegatedOrganizations) {
    labels.push("delegatedOrganizations");
  }
  return labels;
}
