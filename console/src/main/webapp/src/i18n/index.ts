import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";

import de from "./locales/de.json";
import en from "./locales/en.json";

export const SUPPORTED_LANGUAGES = ["en", "de"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** The first candidate (a language tag such as "de-CH") the console has messages for; English otherwise. */
export function pickLanguage(candidates: ReadonlyArray<string | undefined | null>): Language {
  for (const candidate of candidates) {
    if (!candidate) {
      continue;
    }
    const primary = candidate.toLowerCase().split(/[-_]/)[0];
    const match = SUPPORTED_LANGUAGES.find((l) => l === primary);
    if (match) {
      return match;
    }
  }
  return "en";
}

/**
 * Each area's own messages (`locales/{en,de}/<area>.json`, e.g. customers.json) merged into the catalogue, so the
 * areas keep their messages in files of their own. An area file's top-level keys are its namespaces ("customers",
 * and "errors" for the message keys of its refusals).
 */
const areaBundles = {
  en: import.meta.glob<Record<string, unknown>>("./locales/en/*.json", { eager: true, import: "default" }),
  de: import.meta.glob<Record<string, unknown>>("./locales/de/*.json", { eager: true, import: "default" }),
};

export function mergeMessages(base: object, ...areas: object[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const area of areas) {
    for (const [key, value] of Object.entries(area)) {
      const present = out[key];
      out[key] =
        present && typeof present === "object" && value && typeof value === "object"
          ? mergeMessages(present, value)
          : value;
    }
  }
  return out;
}

export const resources = {
  en: { translation: mergeMessages(en, ...Object.values(areaBundles.en)) },
  de: { translation: mergeMessages(de, ...Object.values(areaBundles.de)) },
} as const;

/** A ready i18next instance with the console's messages (no network: the bundles are part of the build). */
export async function createI18n(language: Language): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: "en",
    supportedLngs: [...SUPPORTED_LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
