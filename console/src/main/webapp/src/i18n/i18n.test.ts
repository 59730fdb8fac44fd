import { describe, expect, it } from "vitest";

import { accessLabels } from "../pages/access";
import { createI18n, pickLanguage } from "./index";
import de from "./locales/de.json";
import en from "./locales/en.json";

function keys(bundle: object, prefix = ""): string[] {
  return Object.entries(bundle).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("messages", () => {
  it("has every English key in German and no other", () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
  });

  it("uses the same placeholders in both languages", () => {
    const placeholders = (bundle: object, key: string) =>
      (key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], bundle) as string)
        .match(/\{\{\w+\}\}/g)
        ?.sort() ?? [];
    for (const key of keys(en)) {
      expect(placeholders(de, key), key).toEqual(placeholders(en, key));
    }
  });
});

describe("counts", () => {
  it("says one or many in the reader's language, with the number formatted for it", async () => {
    const en = await createI18n("en");
    expect(en.t("realm.denylist.count", { count: 1 })).toBe("1 entry");
    expect(en.t("realm.denylist.count", { count: 12345 })).toBe("12,345 entries");
    expect(en.t("realm.selfReg.refused", { count: 1 })).toBe("Nothing was saved: 1 value needs correcting (marked by its field).");
    const de = await createI18n("de");
    expect(de.t("realm.denylist.count", { count: 1 })).toBe("1 Eintrag");
    expect(de.t("realm.denylist.count", { count: 12345 })).toBe("12.345 Einträge");
  });

  it("has a plural for every singular", () => {
    for (const bundle of [en, de]) {
      const all = new Set(keys(bundle));
      for (const key of all) {
        if (key.endsWith("_one")) {
          expect(all.has(key.replace(/_one$/, "_other")), key).toBe(true);
        }
      }
    }
  });
});

describe("pickLanguage", () => {
  it("takes the first supported primary language", () => {
    expect(pickLanguage([undefined, "fr-FR", "de-CH", "en"])).toBe("de");
    expect(pickLanguage(["EN_gb"])).toBe("en");
    expect(pickLanguage(["fr", null])).toBe("en");
    expect(pickLanguage([])).toBe("en");
  });
});

describe("accessLabels", () => {
  const none = {
    viewRealm: false,
    manageRealm: false,
    viewUsers: false,
    manageUsers: false,
    queryOrganizations: false,
    viewOrganizations: false,
    manageOrganizations: false,
    delegatedOrganizations: false,
  };

  it("names the strongest right of each kind", () => {
    expect(accessLabels({ ...none, viewRealm: true, manageRealm: true, viewOrganizations: true, manageOrganizations: true })).toEqual([
      "manageRealm",
      "manageOrganizations",
    ]);
    expect(accessLabels({ ...none, viewRealm: true })).toEqual(["viewRealm"]);
    expect(accessLabels({ ...none, queryOrganizations: true, delegatedOrganizations: true })).toEqual(["delegatedOrganizations"]);
    expect(accessLabels(none)).toEqual([]);
  });
});
