import { describe, expect, it } from "vitest";

import type { FeatureDefinition, Member } from "../../api/customers";
import { resources } from "../../i18n";
import de from "../../i18n/locales/de/customers.json";
import en from "../../i18n/locales/en/customers.json";
import { cleanEntries, duplicateEntries, entryErrors, fieldError } from "./entries";
import { dependentsOf, featureLabel, requiredBy, switchFeature } from "./features";
import { lastAdministrators } from "./roles";
import { toDate } from "./time";

// the seed's catalogue (customer-portal realm) plus a chain, to see transitive dependencies
const catalog: FeatureDefinition[] = [
  { name: "deployments", label: "Deployments", default: true, requires: [] },
  { name: "artifacts", label: "Artifacts", default: true, requires: [] },
  { name: "alerts", label: "Alerts", requires: ["deployments"] },
  { name: "support", label: "Support tickets", requires: [] },
  { name: "escalations", label: "Escalations", requires: ["alerts", "support"] },
];

describe("feature dependencies", () => {
  it("enabling a feature brings what it needs, transitively, in catalogue order", () => {
    expect(requiredBy(catalog, "escalations")).toEqual(["deployments", "alerts", "support"]);
    const change = switchFeature(catalog, ["artifacts"], "escalations", true);
    expect(change.next).toEqual(["deployments", "artifacts", "alerts", "support", "escalations"]);
    expect(change.added).toEqual(["deployments", "alerts", "support"]);
    expect(change.removed).toEqual([]);
  });

  it("enabling what is needed already on adds nothing else", () => {
    const change = switchFeature(catalog, ["deployments"], "alerts", true);
    expect(change.next).toEqual(["deployments", "alerts"]);
    expect(change.added).toEqual([]);
  });

  it("disabling a feature takes what needs it, transitively", () => {
    expect(dependentsOf(catalog, "deployments")).toEqual(["alerts", "escalations"]);
    const change = switchFeature(catalog, ["deployments", "artifacts", "alerts", "support", "escalations"], "deployments", false);
    expect(change.next).toEqual(["artifacts", "support"]);
    expect(change.removed).toEqual(["alerts", "escalations"]);
    expect(change.added).toEqual([]);
  });

  it("disabling a feature nothing needs takes only it", () => {
    const change = switchFeature(catalog, ["deployments", "alerts"], "alerts", false);
    expect(change).toEqual({ next: ["deployments"], added: [], removed: [] });
  });

  it("survives a cycle and unknown requirements, keeps unknown stored names", () => {
    const cyclic: FeatureDefinition[] = [
      { name: "a", requires: ["b"] },
      { name: "b", requires: ["a", "ghost"] },
    ];
    expect(requiredBy(cyclic, "a")).toEqual(["b"]);
    expect(dependentsOf(cyclic, "a")).toEqual(["b"]);
    expect(switchFeature(cyclic, ["stale"], "a", true).next).toEqual(["a", "b", "stale"]);
    expect(switchFeature(cyclic, ["a", "b", "stale"], "b", false)).toEqual({ next: ["stale"], added: [], removed: ["a"] });
  });

  it("labels by the catalogue, else the name", () => {
    expect(featureLabel(catalog, "support")).toBe("Support tickets");
    expect(featureLabel(catalog, "nope")).toBe("nope");
  });
});

describe("entry validation display", () => {
  const refusal = {
    status: 400,
    error: "invalidEntry",
    field: "domainRestriction.entries[1]",
    errorMessage: "not a domain",
    errors: [
      { error: "invalidEntry", field: "domainRestriction.entries[1]", errorMessage: "not a domain" },
      { error: "invalidEntry", field: "domainRestriction.entries[3]", messageKey: "portalAccessEntryInvalid", params: ["x"] },
      { error: "required", field: "jit.withoutInvitation" },
      { error: "odd", field: "domainRestriction.entries[2]x" },
    ],
  };

  it("maps the server's refusals to the entries they name", () => {
    const byEntry = entryErrors(refusal, "domainRestriction.entries");
    expect([...byEntry.keys()]).toEqual([1, 3]);
    expect(byEntry.get(1)?.errorMessage).toBe("not a domain");
    expect(byEntry.get(3)?.messageKey).toBe("portalAccessEntryInvalid");
    expect(entryErrors(undefined, "domainRestriction.entries").size).toBe(0);
  });

  it("finds a field's own refusal at the top level or in errors", () => {
    expect(fieldError(refusal, "jit.withoutInvitation")?.error).toBe("required");
    expect(fieldError(refusal, "domainRestriction.enabled")).toBeUndefined();
    expect(fieldError({ error: "x", field: "name" }, "name")?.error).toBe("x");
  });

  it("marks a repeated entry and cleans blanks", () => {
    const dupes = duplicateEntries(["acme.com", " ", "ACME.com ", "*.acme.com"]);
    expect([...dupes.keys()]).toEqual([2]);
    expect(dupes.get(2)?.params).toEqual(["ACME.com", "1"]);
    expect(cleanEntries([" acme.com ", "", "  ", "b.example"])).toEqual(["acme.com", "b.example"]);
  });
});

describe("last administrator", () => {
  const m = (id: string, role: Member["role"], serviceAccount = false): Member => ({ id, username: id, role, serviceAccount });
  it("is the one Administrator, never one of several", () => {
    expect([...lastAdministrators([m("ann", "Administrator"), m("ulf", "User")])]).toEqual(["ann"]);
    expect(lastAdministrators([m("ann", "Administrator"), m("gina", "Administrator")]).size).toBe(0);
    expect(lastAdministrators([m("ulf", "User")]).size).toBe(0);
  });
});

describe("instants", () => {
  it("reads seconds and milliseconds", () => {
    expect(toDate(1_700_000_000)?.toISOString()).toBe("2023-11-14T22:13:20.000Z");
    expect(toDate(1_700_000_000_000)?.toISOString()).toBe("2023-11-14T22:13:20.000Z");
    expect(toDate(null)).toBeUndefined();
  });
});

describe("customers messages", () => {
  const keys = (bundle: object, prefix = ""): string[] =>
    Object.entries(bundle).flatMap(([key, value]) =>
      typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  const at = (bundle: object, key: string) =>
    key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], bundle) as string;

  it("has every English key in German, with the same placeholders", () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
    for (const key of keys(en)) {
      expect(at(de, key).match(/\{\{\w+\}\}/g)?.sort() ?? [], key).toEqual(at(en, key).match(/\{\{\w+\}\}/g)?.sort() ?? []);
    }
  });

  it("is merged into the catalogue next to the shared messages", () => {
    const translation = resources.de.translation as Record<string, Record<string, unknown>>;
    expect(translation.nav.customers).toBe("Kunden");
    expect(translation.nav.overview).toBe("Übersicht");
    expect(translation.errors.customersDuplicateEntry).toBeDefined();
    expect(translation.errors.generic).toBeDefined();
  });
});
