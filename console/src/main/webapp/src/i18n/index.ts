import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";

import de from "./locales/de.json";
import deTeam from "./locales/de/team.json";
import en from "./locales/en.json";
import enTeam from "./locales/en/team.json";

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

// one file per area (src/i18n/locales/{en,de}/<area>.json), merged under the area's name
export const resources = {
  en: { translation: { ...en, team: enTeam } },
  de: { translation: { ...de, team: deTeam } },
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
