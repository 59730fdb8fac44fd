/** What the server tells the app (GET config.json next to index.html); no inline script carries it. */
export interface ConsoleConfig {
  /** The realm the console is served from and signs in to. */
  realm: string;
  /** Keycloak's master (administration) realm: its admins may pick any realm. */
  masterRealm: string;
  /** Keycloak's frontend URL (keycloak-js signs in there). */
  authServerUrl: string;
  /** Keycloak's admin URL (the admin REST API). */
  adminBaseUrl: string;
  /** The console's public sign-in client. */
  clientId: string;
  /** The console's absolute path, ending in "/": /realms/{realm}/portal-access/console/ */
  consoleBaseUrl: string;
  /** The locale Keycloak resolved for this request (realm default, Accept-Language). */
  locale?: string;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  // relative to <base href>, which the server sets to the console path
  const response = await fetch(new URL("config.json", document.baseURI), {
    credentials: "omit",
    cache: "no-store",
    headers: { Accept: "application/json" },
  });
  if (!response.ok) {
    throw new Error(`config.json answered ${response.status}`);
  }
  return (await response.json()) as ConsoleConfig;
}

/** The router's basename: the console path without its trailing slash. */
export function routerBasename(config: ConsoleConfig): string {
  return config.consoleBaseUrl.replace(/\/+$/, "");
}
