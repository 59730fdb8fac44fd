import KeycloakAdminClient from "@keycloak/keycloak-admin-client";
import Resource from "@keycloak/keycloak-admin-client/lib/resources/resource.js";

/** GET /admin/realms/{realm}/organizations/count: Keycloak has it, the admin client's Organizations lacks it. */
class OrganizationCounts extends Resource<{ realm?: string }> {
  constructor(client: KeycloakAdminClient) {
    super(client, {
      path: "/admin/realms/{realm}/organizations",
      getUrlParams: () => ({ realm: client.realmName }),
      getBaseUrl: () => client.baseUrl,
    });
  }

  count = this.makeRequest<{ search?: string; exact?: boolean }, number>({
    method: "GET",
    path: "/count",
  });
}

export interface AdminApi {
  /** Keycloak's admin client, signed in with the console's token. Pass `realm` on each call. */
  client: KeycloakAdminClient;
  /** The organizations of `realm` the admin may see (Keycloak filters by fine-grained permissions). */
  organizationCount(realm: string): Promise<number>;
}

export function createAdminApi(adminBaseUrl: string, loginRealm: string, token: () => Promise<string>): AdminApi {
  const client = new KeycloakAdminClient({ baseUrl: adminBaseUrl, realmName: loginRealm });
  client.registerTokenProvider({ getAccessToken: token });
  const counts = new OrganizationCounts(client);
  return {
    client,
    organizationCount: (realm) => counts.count({ realm }),
  };
}
