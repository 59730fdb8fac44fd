import { requestJson } from "./portalAccess";

/** A customer role (docs/customer-roles-features.md). */
export type CustomerRole = "Administrator" | "User" | "Viewer";

export const CUSTOMER_ROLES: readonly CustomerRole[] = ["Administrator", "User", "Viewer"];

export interface FeatureState {
  name: string;
  label: string;
  enabled: boolean;
}

/** One of the signed-in user's customers (GET /realms/{realm}/customer-admin/customers). */
export interface MyCustomer {
  id: string;
  alias: string;
  name: string;
  role: CustomerRole | null;
  canManageTeam: boolean;
  features: string[];
  /** The realm's feature catalog with this customer's state. */
  featureCatalog?: FeatureState[];
  /** The vendor lets this customer's Administrators manage its service accounts. */
  serviceAccounts?: boolean;
  /** The vendor lets this customer's Administrators set up their own SAML identity provider. */
  saml?: boolean;
}

export type SamlSourceKind = "metadataUrl" | "metadataXml" | "manual";

/** What the Administrator gives: one source and its values (the server validates each). */
export interface SamlRequest {
  source: SamlSourceKind;
  metadataUrl?: string;
  metadataXml?: string;
  entityId?: string;
  ssoUrl?: string;
  binding?: "POST" | "REDIRECT";
  signingCertificate?: string;
}

/** The customer's own SAML identity provider (GET .../saml). */
export interface CustomerSamlProvider {
  configured: boolean;
  alias?: string;
  state?: "testing" | "on";
  enabled?: boolean;
  source?: SamlSourceKind | null;
  entityId?: string | null;
  ssoUrl?: string | null;
  metadataUrl?: string | null;
  binding?: "POST" | "REDIRECT";
  domain?: string | null;
  tested?: boolean;
  testedAs?: string | null;
  /** Seconds since the epoch. */
  testedAt?: number | null;
  /** What the customer's IdP needs about us. */
  spEntityId?: string;
  acsUrl?: string;
}

/** Only the chosen source's values, trimmed; blanks left out. */
export function samlRequest(form: SamlRequest): SamlRequest {
  const keep: Record<SamlSourceKind, (keyof SamlRequest)[]> = {
    metadataUrl: ["metadataUrl"],
    metadataXml: ["metadataXml"],
    manual: ["entityId", "ssoUrl", "binding", "signingCertificate"],
  };
  const out: Record<string, string> = { source: form.source };
  for (const key of keep[form.source]) {
    const value = form[key]?.trim();
    if (value) {
      out[key] = value;
    }
  }
  return out as unknown as SamlRequest;
}

/** A customer service account (a confidential client with only the client-credentials grant). */
export interface ServiceAccount {
  id: string;
  clientId: string;
  name: string;
  description?: string | null;
  status: "active" | "revoked";
  /** Seconds since the epoch. */
  createdAt?: number | null;
  revokedAt?: number | null;
  /** Only in the answer that created it: shown once. */
  secret?: string;
}

export interface TeamMember {
  id: string;
  username: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  role: CustomerRole | null;
  serviceAccount?: boolean;
}

export interface TeamInvitation {
  id: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  role: CustomerRole;
  status: "PENDING" | "EXPIRED";
  /** Seconds since the epoch. */
  expiresAt?: number | null;
}

export interface InvitationRequest {
  email: string;
  firstName?: string;
  lastName?: string;
  role: CustomerRole;
}

/**
 * The customer self-service API (`/realms/{realm}/customer-admin`, authorised by the signed-in user's own token;
 * no admin rights). Every refusal arrives as an ApiError carrying the error contract.
 */
export class TeamClient {
  readonly #base: string;
  readonly #token: () => Promise<string>;

  constructor(selfServiceUrl: string, token: () => Promise<string>) {
    this.#base = selfServiceUrl.replace(/\/+$/, "");
    this.#token = token;
  }

  customers(): Promise<MyCustomer[]> {
    return this.#call("GET", "customers");
  }

  customer(id: string): Promise<MyCustomer> {
    return this.#call("GET", `customers/${enc(id)}`);
  }

  members(customerId: string): Promise<TeamMember[]> {
    return this.#call("GET", `customers/${enc(customerId)}/members`);
  }

  invitations(customerId: string): Promise<TeamInvitation[]> {
    return this.#call("GET", `customers/${enc(customerId)}/invitations`);
  }

  invite(customerId: string, invitation: InvitationRequest): Promise<TeamInvitation> {
    return this.#call("POST", `customers/${enc(customerId)}/invitations`, withoutBlanks(invitation));
  }

  resend(customerId: string, invitationId: string): Promise<TeamInvitation> {
    return this.#call("POST", `customers/${enc(customerId)}/invitations/${enc(invitationId)}/resend`);
  }

  cancelInvitation(customerId: string, invitationId: string): Promise<void> {
    return this.#call("DELETE", `customers/${enc(customerId)}/invitations/${enc(invitationId)}`);
  }

  changeRole(customerId: string, userId: string, role: CustomerRole): Promise<TeamMember> {
    return this.#call("PUT", `customers/${enc(customerId)}/members/${enc(userId)}`, { role });
  }

  removeMember(customerId: string, userId: string): Promise<void> {
    return this.#call("DELETE", `customers/${enc(customerId)}/members/${enc(userId)}`);
  }

  serviceAccounts(customerId: string): Promise<ServiceAccount[]> {
    return this.#call("GET", `customers/${enc(customerId)}/service-accounts`);
  }

  createServiceAccount(customerId: string, name: string, description?: string): Promise<ServiceAccount> {
    const body: Record<string, string> = { name: name.trim() };
    if (description?.trim()) {
      body.description = description.trim();
    }
    return this.#call("POST", `customers/${enc(customerId)}/service-accounts`, body);
  }

  revokeServiceAccount(customerId: string, serviceAccountId: string): Promise<void> {
    return this.#call("DELETE", `customers/${enc(customerId)}/service-accounts/${enc(serviceAccountId)}`);
  }

  saml(customerId: string): Promise<CustomerSamlProvider> {
    return this.#call("GET", `customers/${enc(customerId)}/saml`);
  }

  saveSaml(customerId: string, request: SamlRequest): Promise<CustomerSamlProvider> {
    return this.#call("PUT", `customers/${enc(customerId)}/saml`, samlRequest(request));
  }

  removeSaml(customerId: string): Promise<void> {
    return this.#call("DELETE", `customers/${enc(customerId)}/saml`);
  }

  startSamlTest(customerId: string): Promise<{ url: string; expiresIn: number }> {
    return this.#call("POST", `customers/${enc(customerId)}/saml/test`);
  }

  turnSaml(customerId: string, enabled: boolean): Promise<CustomerSamlProvider> {
    return this.#call("PUT", `customers/${enc(customerId)}/saml/enabled`, { enabled });
  }

  #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return requestJson<T>(method, `${this.#base}/${path}`, this.#token, body);
  }
}

function enc(value: string): string {
  return encodeURIComponent(value);
}

/** Empty optional fields are left out rather than sent as "". */
export function withoutBlanks(invitation: InvitationRequest): InvitationRequest {
  const out: InvitationRequest = { email: invitation.email.trim(), role: invitation.role };
  if (invitation.firstName?.trim()) {
    out.firstName = invitation.firstName.trim();
  }
  if (invitation.lastName?.trim()) {
    out.lastName = invitation.lastName.trim();
  }
  return out;
}

/** The rules the page shows where they apply (the server enforces them). */
export interface TeamRules {
  administrators: number;
  /** No Administrator yet: the first person to join becomes Administrator, whatever the invitation says. */
  firstJoinerBecomesAdministrator: boolean;
  /** This member is the customer's only Administrator: they can be neither demoted nor removed. */
  isLastAdministrator(member: TeamMember): boolean;
}

export function teamRules(members: readonly TeamMember[]): TeamRules {
  const administrators = members.filter((m) => m.role === "Administrator").length;
  return {
    administrators,
    firstJoinerBecomesAdministrator: administrators === 0,
    isLastAdministrator: (member) => member.role === "Administrator" && administrators === 1,
  };
}

/** A member's display name: first and last name, else the username. */
export function displayName(person: { firstName?: string | null; lastName?: string | null; username?: string; email?: string | null }): string {
  const name = [person.firstName, person.lastName].filter((p) => p && p.trim()).join(" ");
  return name || person.username || person.email || "";
}
