import "@patternfly/react-core/dist/styles/base.css";
import "@patternfly/react-styles/css/components/Table/table.css";
import "../console.css";
import "./team.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";

import { PartnerTeamClient } from "../api/partnerTeam";
import { TeamClient } from "../api/team";
import { signIn } from "../auth/keycloak";
import { loadConfig } from "../config";
import { createI18n, pickLanguage } from "../i18n";
import { StartupError } from "../shell/StartupError";
import { TeamApp } from "./TeamApp";
import { applyTheme, type TeamConfig } from "./teamConfig";

/** The team page: signs in with the realm's own users (client portal-access-team), then the customer self-service API. */
async function start() {
  const root = createRoot(document.getElementById("app")!);
  const i18n = await createI18n(pickLanguage(navigator.languages));
  try {
    const config = (await loadConfig()) as TeamConfig;
    applyTheme(config.theme);
    const auth = await signIn(config, i18n.language);
    const language = pickLanguage([auth.user.locale, ...navigator.languages, config.locale]);
    if (language !== i18n.language) {
      await i18n.changeLanguage(language);
    }
    document.documentElement.lang = language;
    document.title = i18n.t("team.pageTitle", { portal: config.displayName });
    const api = new TeamClient(config.selfServiceUrl, () => auth.token());
    const partner = config.partnerUrl ? new PartnerTeamClient(config.partnerUrl, () => auth.token()) : undefined;
    root.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <TeamApp team={{ config, auth, api, partner }} />
        </I18nextProvider>
      </StrictMode>,
    );
  } catch (e) {
    root.render(
      <I18nextProvider i18n={i18n}>
        <StartupError error={e} />
      </I18nextProvider>,
    );
  }
}

void start();
