import type { FeatureDefinition } from "../../api/customers";

/**
 * What switching one feature of a customer does, computed from the realm's catalogue as the server does it: a
 * feature comes with everything it requires (transitively), and goes with everything that requires it. The page
 * shows it before the change; the server resolves the same way when the list is written.
 */
export interface FeatureChange {
  /** The customer's features after the change, in catalogue order. */
  next: string[];
  /** Features switched on with it (besides the one clicked). */
  added: string[];
  /** Features switched off with it (besides the one clicked). */
  removed: string[];
}

function byName(catalog: FeatureDefinition[]): Map<string, FeatureDefinition> {
  return new Map(catalog.map((f) => [f.name, f]));
}

/** Everything `name` needs, directly or through another feature (not `name` itself); unknown names are skipped. */
export function requiredBy(catalog: FeatureDefinition[], name: string): string[] {
  const features = byName(catalog);
  const found = new Set<string>();
  const walk = (current: string) => {
    for (const required of features.get(current)?.requires ?? []) {
      if (required !== name && features.has(required) && !found.has(required)) {
        found.add(required);
        walk(required);
      }
    }
  };
  walk(name);
  return inCatalogOrder(catalog, found);
}

/** Every feature that needs `name`, directly or through another feature (not `name` itself). */
export function dependentsOf(catalog: FeatureDefinition[], name: string): string[] {
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const feature of catalog) {
      if (feature.name === name || found.has(feature.name)) {
        continue;
      }
      if ((feature.requires ?? []).some((r) => r === name || found.has(r))) {
        found.add(feature.name);
        grew = true;
      }
    }
  }
  return inCatalogOrder(catalog, found);
}

function inCatalogOrder(catalog: FeatureDefinition[], names: Set<string>): string[] {
  return catalog.map((f) => f.name).filter((n) => names.has(n));
}

/** Switching `name` on (`on`) or off for a customer who has `enabled`. */
export function switchFeature(catalog: FeatureDefinition[], enabled: string[], name: string, on: boolean): FeatureChange {
  const current = new Set(enabled);
  const next = new Set(current);
  if (on) {
    next.add(name);
    requiredBy(catalog, name).forEach((r) => next.add(r));
  } else {
    next.delete(name);
    dependentsOf(catalog, name).forEach((d) => next.delete(d));
  }
  const ordered = inCatalogOrder(catalog, next);
  // names the catalogue does not know (a stale stored value) stay where they are: the server reports them
  const unknown = enabled.filter((n) => next.has(n) && !byName(catalog).has(n));
  return {
    next: [...ordered, ...unknown],
    added: ordered.filter((n) => n !== name && !current.has(n)),
    removed: enabled.filter((n) => n !== name && !next.has(n)),
  };
}

/** The label of a feature (its name when the catalogue has none). */
export function featureLabel(catalog: FeatureDefinition[], name: string): string {
  return catalog.find((f) => f.name === name)?.label || name;
}
