import { ApiError, toErrorContract } from "../errors/errorContract";

/** What the signed-in admin may do in a realm (GET /admin/realms/{realm}/portal-access/me). */
export interface Rights {
  viewRealm: boolean;
  manageRealm: boolean;
  viewUsers: boolean;
  manageUsers: boolean;
  queryOrganizations: boolean;
  viewOrganizations: boolean;
  manageOrganizations: boolean;
  /** Fine-grained admin permissions decide which organizations this admin sees (possibly not all). */
  delegatedOrganizations: boolean;
}

export interface Me {
  realm: {
    name: string;
    displayName?: string | null;
    organizationsEnabled: boolean;
    adminPermissionsEnabled: boolean;
  };
  user: { id: string; username: string; realm: string };
  rights: Rights;
  locale: string;
}

export function seesOrganizations(rights: Rights): boolean {
  return rights.viewOrganizations || rights.delegatedOrganizations;
}

/**
 * The one typed client of the project's own endpoints, under /admin/realms/{realm}/portal-access. Every refusal
 * arrives as an {@link ApiError} carrying the error contract.
 */
export class PortalAccessClient {
  readonly #adminBaseUrl: string;
  readonly #token: () => Promise<string>;

  constructor(adminBaseUrl: string, token: () => Promise<string>) {
    this.#adminBaseUrl = adminBaseUrl.replace(/\/+$/, "");
    this.#token = token;
  }

  /** The realm, the signed-in admin and their rights; 403 (`portalaccess_no_access`) without any. */
  me(realm: string): Promise<Me> {
    return this.#request<Me>("GET", realm, "me");
  }

  /** Any endpoint under the root, for the areas' API modules (`src/api/<area>.ts`); `path` without a leading "/". */
  request<T>(method: string, realm: string, path: string, body?: unknown): Promise<T> {
    return this.#request<T>(method, realm, path, body);
  }

  #request<T>(method: string, realm: string, path: string, body?: unknown): Promise<T> {
    return requestJson<T>(
      method,
      `${this.#adminBaseUrl}/admin/realms/${encodeURIComponent(realm)}/portal-access/${path}`,
      this.#token,
      body,
    );
  }
}

/**
 * The shared fetch helper of every typed client (this one, the team page's): a JSON request with the bearer token,
 * the parsed answer, or an {@link ApiError} carrying the error contract.
 */
export async function requestJson<T>(
  method: string,
  url: string,
  token: () => Promise<string>,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    Authorization: `Bearer ${await token()}`,
  };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError({ error: "network_error", errorMessage: e instanceof Error ? e.message : String(e) });
  }
  const text = await response.text();
  let data: unknown = text;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
  }
  if (!response.ok) {
    throw new ApiError(toErrorContract(response.status, data));
  }
  return (text ? data : undefined) as T;
}
