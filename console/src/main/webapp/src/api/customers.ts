import { ApiError, type ErrorContract } from "../errors/errorContract";
import type { PortalAccessClient } from "./portalAccess";

/**
 * The customer endpoints of the typed admin API (/admin/realms/{realm}/portal-access/customers/..., see
 * docs/api.md), on top of the one typed client: every refusal arrives as an ApiError with the error contract.
 */

export const CUSTOMER_ROLES = ["Administrator", "User", "Viewer"] as const;
export type CustomerRole = (typeof CUSTOMER_ROLES)[number];

/** A row of the customers list. */
export interface CustomerRow {
  id: string;
  name: string;
  alias: string;
  enabled?: boolean;
  portalAccess: boolean;
  members: number;
  pendingInvitations: number;
  features: { enabled: number; total: number };
  domainRestriction: boolean;
}

export interface NewCustomer {
  name: string;
  alias?: string;
  contactEmail?: string;
  portalUrl?: string;
}

/** POST customers: the customer, and whether the automatic invitation went out (and why not). */
export interface CreatedCustomer extends CustomerRow {
  autoInvite?: { sent: boolean; reason?: string | null };
}

export type JitWithoutInvitation = "refuse" | "join";

/** A customer's settings document (GET|PUT customers/{id}/settings); sections a realm lacks are absent. */
export interface CustomerSettings {
  portalAccess?: { enabled: boolean };
  contactEmail?: string | null;
  portalUrl?: string | null;
  domainRestriction?: { enabled: boolean; entries: string[] };
  jit?: { withoutInvitation: JitWithoutInvitation | string };
  features?: string[];
  partner?: { autoAdd: boolean };
  /** What the customer's Administrators may do themselves (customer roles realms). */
  selfService?: { serviceAccounts: boolean; saml: boolean };
  /** Stored values that did not validate (read as their default). */
  invalid?: { field: string; error: string; errorMessage?: string }[];
}

export interface Member {
  id: string;
  username: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  role?: CustomerRole | null;
  serviceAccount?: boolean;
  managed?: boolean;
}

/** Keycloak's OrganizationInvitationRepresentation plus the role the invitation carries. */
export interface Invitation {
  id: string;
  organizationId?: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  /** Seconds or milliseconds since the epoch, as Keycloak sends them. */
  sentDate?: number | null;
  expiresAt?: number | null;
  status?: string;
  inviteLink?: string;
  role?: CustomerRole | null;
}

export interface NewInvitation {
  email: string;
  firstName?: string;
  lastName?: string;
  role: CustomerRole;
}

export interface ServiceAccount {
  id: string;
  clientId: string;
  name?: string | null;
  description?: string | null;
  status: "active" | "revoked" | string;
  createdAt?: number | null;
  revokedAt?: number | null;
  /** Only in the answer that created it: shown once. */
  secret?: string;
}

export interface FeatureDefinition {
  name: string;
  label?: string | null;
  default?: boolean;
  requires?: string[];
}

/** The realm's feature catalogue (GET settings/features). */
export interface FeatureSettings {
  rolesEnabled: boolean;
  catalog: FeatureDefinition[];
}

export interface Page {
  first: number;
  max: number;
}

function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

const id = encodeURIComponent;

/** The customer calls of one realm. */
export class CustomersApi {
  readonly #client: PortalAccessClient;
  readonly #realm: string;

  constructor(client: PortalAccessClient, realm: string) {
    this.#client = client;
    this.#realm = realm;
  }

  #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.#client.request<T>(method, this.#realm, path, body);
  }

  list(search: string, page: Page): Promise<CustomerRow[]> {
    return this.#call("GET", `customers${query({ search: search.trim(), first: page.first, max: page.max })}`);
  }

  count(search: string): Promise<number> {
    return this.#call("GET", `customers/count${query({ search: search.trim() })}`);
  }

  create(customer: NewCustomer): Promise<CreatedCustomer> {
    return this.#call("POST", "customers", customer);
  }

  settings(customerId: string): Promise<CustomerSettings> {
    return this.#call("GET", `customers/${id(customerId)}/settings`);
  }

  /** Writes the sections given (the server validates the whole document first: 400 with every bad field). */
  updateSettings(customerId: string, settings: CustomerSettings): Promise<CustomerSettings> {
    return this.#call("PUT", `customers/${id(customerId)}/settings`, settings);
  }

  /**
   * Checks sections of a settings document without storing anything (`POST customers/{id}/settings/check`: the
   * PUT's validation, no write, no admin event): `[]` when the server answers `{"valid":true}`, else the
   * violations of its 400, each once.
   */
  async checkSettings(customerId: string, settings: Record<string, unknown>): Promise<ErrorContract[]> {
    try {
      await this.#call("POST", `customers/${id(customerId)}/settings/check`, settings);
      return [];
    } catch (e) {
      if (e instanceof ApiError && e.contract.status === 400) {
        const all = [e.contract, ...(e.contract.errors ?? [])];
        // the top level repeats the first violation: keep each once
        return all.filter((v, i) => all.findIndex((w) => w.field === v.field && w.error === v.error) === i);
      }
      throw e;
    }
  }

  members(customerId: string, page: Page, search = ""): Promise<Member[]> {
    return this.#call("GET", `customers/${id(customerId)}/members${query({ search: search.trim(), first: page.first, max: page.max })}`);
  }

  changeRole(customerId: string, userId: string, role: CustomerRole): Promise<Member> {
    return this.#call("PUT", `customers/${id(customerId)}/members/${id(userId)}/role`, { role });
  }

  removeMember(customerId: string, userId: string): Promise<void> {
    return this.#call("DELETE", `customers/${id(customerId)}/members/${id(userId)}`);
  }

  invitations(customerId: string): Promise<Invitation[]> {
    return this.#call("GET", `customers/${id(customerId)}/invitations`);
  }

  invite(customerId: string, invitation: NewInvitation): Promise<Invitation> {
    return this.#call("POST", `customers/${id(customerId)}/invitations`, invitation);
  }

  resendInvitation(customerId: string, invitationId: string): Promise<unknown> {
    return this.#call("POST", `customers/${id(customerId)}/invitations/${id(invitationId)}/resend`);
  }

  cancelInvitation(customerId: string, invitationId: string): Promise<void> {
    return this.#call("DELETE", `customers/${id(customerId)}/invitations/${id(invitationId)}`);
  }

  serviceAccounts(customerId: string): Promise<ServiceAccount[]> {
    return this.#call("GET", `customers/${id(customerId)}/service-accounts`);
  }

  createServiceAccount(customerId: string, account: { name: string; description?: string }): Promise<ServiceAccount> {
    return this.#call("POST", `customers/${id(customerId)}/service-accounts`, account);
  }

  revokeServiceAccount(customerId: string, serviceAccountId: string): Promise<void> {
    return this.#call("DELETE", `customers/${id(customerId)}/service-accounts/${id(serviceAccountId)}`);
  }

  identityProvider(customerId: string): Promise<{ alias: string | null }> {
    return this.#call("GET", `customers/${id(customerId)}/identity-provider`);
  }

  linkIdentityProvider(customerId: string, alias: string | null): Promise<{ alias: string | null }> {
    return this.#call("PUT", `customers/${id(customerId)}/identity-provider`, { alias });
  }

  /** The realm's customer access document (view-realm): whether a new customer's contact is invited automatically. */
  customerAccessSettings(): Promise<{ autoInvite: boolean }> {
    return this.#call("GET", "settings/customer-access");
  }

  featureSettings(): Promise<FeatureSettings> {
    return this.#call("GET", "settings/features");
  }
}
