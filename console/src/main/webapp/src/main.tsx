import "@patternfly/react-core/dist/styles/base.css";
import "./console.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";

import { createAdminApi } from "./api/adminClient";
import { PortalAccessClient } from "./api/portalAccess";
import { App } from "./App";
import { signIn } from "./auth/keycloak";
import { loadConfig } from "./config";
import { createI18n, pickLanguage } from "./i18n";
import { StartupError } from "./shell/StartupError";

async function start() {
  const root = createRoot(document.getElementById("app")!);
  // messages before anything can fail, in the browser's language; the user's own locale once signed in
  const i18n = await createI18n(pickLanguage(navigator.languages));
  try {
    const config = await loadConfig();
    const auth = await signIn(config, i18n.language);
    const language = pickLanguage([auth.user.locale, ...navigator.languages, config.locale]);
    if (language !== i18n.language) {
      await i18n.changeLanguage(language);
    }
    document.documentElement.lang = language;
    document.title = i18n.t("app.title");
    const token = () => auth.token();
    const value = {
      config,
      auth,
      admin: createAdminApi(config.adminBaseUrl, config.realm, token),
      portalAccess: new PortalAccessClient(config.adminBaseUrl, token),
    };
    root.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <App console={value} />
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
