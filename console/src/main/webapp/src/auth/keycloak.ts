import Keycloak from "keycloak-js";

import type { ConsoleConfig } from "../config";

/** The signed-in user, from the ID token. */
export interface SignedInUser {
  username: string;
  displayName: string;
  /** The user's locale (Keycloak's locale mapper), if they chose one. */
  locale?: string;
}

export interface Auth {
  user: SignedInUser;
  /** A valid access token, refreshed when it is about to expire. */
  token(): Promise<string>;
  signOut(): Promise<void>;
}

interface IdTokenClaims {
  preferred_username?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  locale?: string;
}

/**
 * Signs in with the authorization code flow and PKCE (S256) through the console's public client; a page that is
 * not signed in goes to Keycloak's login page and comes back to the same URL (deep links survive sign-in).
 */
export async function signIn(config: ConsoleConfig, uiLocale: string): Promise<Auth> {
  const keycloak = new Keycloak({
    url: config.authServerUrl,
    realm: config.realm,
    clientId: config.clientId,
  });
  await keycloak.init({
    onLoad: "login-required",
    pkceMethod: "S256",
    // no hidden iframes: nothing to frame, nothing for the CSP to allow
    checkLoginIframe: false,
    locale: uiLocale,
  });
  const claims = (keycloak.idTokenParsed ?? {}) as IdTokenClaims;
  const username = claims.preferred_username ?? "";
  const fullName = claims.name ?? [claims.given_name, claims.family_name].filter(Boolean).join(" ");
  return {
    user: { username, displayName: fullName || username, locale: claims.locale },
    async token() {
      try {
        await keycloak.updateToken(30);
      } catch {
        // the session ended (signed out elsewhere, expired): sign in again, back to this page
        await keycloak.login();
      }
      if (!keycloak.token) {
        throw new Error("not signed in");
      }
      return keycloak.token;
    },
    async signOut() {
      await keycloak.logout({ redirectUri: new URL(config.consoleBaseUrl, window.location.origin).toString() });
    },
  };
}
