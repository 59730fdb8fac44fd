import type { ConsoleConfig } from "../config";

/** The realm's login theme as the team page uses it (TeamTheme on the server). */
export interface TeamTheme {
  name?: string;
  /** The theme's own stylesheets (same origin), loaded after PatternFly's so its colours win. */
  stylesheets: string[];
  /** The theme's logo, when it has one; otherwise the realm's display name is the brand. */
  logoUrl?: string | null;
}

/** team/config.json: the console's configuration plus what the team page needs. */
export interface TeamConfig extends ConsoleConfig {
  displayName: string;
  /** The customer self-service API: /realms/{realm}/customer-admin */
  selfServiceUrl: string;
  /** The partner API (/realms/{realm}/portal-access/partner) when the server has it; its "me" tells whether this is a partner realm. */
  partnerUrl?: string;
  theme: TeamTheme;
}

/** Puts the theme's stylesheets into the page (after the app's own, so the portal's colours win). */
export function applyTheme(theme: TeamTheme | undefined, doc: Document = document): void {
  for (const href of theme?.stylesheets ?? []) {
    const link = doc.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.dataset.theme = theme?.name ?? "";
    doc.head.appendChild(link);
  }
}
