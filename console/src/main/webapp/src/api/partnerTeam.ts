import { requestJson } from "./portalAccess";

/** Who the signed-in user is in a partner realm (GET /realms/{realm}/portal-access/partner/me). */
export interface PartnerMe {
  /** Partner access is on in this realm. */
  enabled: boolean;
  /** Member of the realm's partner-administrators group: manages access to every tenant. */
  administrator: boolean;
  /** Member of the realm's partner staff group. */
  partnerUser: boolean;
  portalUrl?: string | null;
}

/** A tenant as a partner administrator sees it. */
export interface PartnerTenant {
  id: string;
  name: string;
  alias: string;
  autoAdd: boolean;
  userCount: number;
}

/** One of the signed-in user's own tenants; openUrl leads to the partner portal with the tenant chosen. */
export interface OwnTenant {
  id: string;
  name: string;
  alias: string;
  openUrl?: string | null;
}

export interface PartnerPerson {
  id: string;
  username: string;
  email?: string | null;
}

export interface TenantUser extends PartnerPerson {
  /** A partner user (staff); otherwise an external user who accepted an invitation. */
  partnerUser: boolean;
}

export interface TenantInvitation {
  id: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  status: "PENDING" | "EXPIRED";
  /** Seconds since the epoch. */
  expiresAt?: number | null;
}

export interface TenantDetail extends PartnerTenant {
  users: TenantUser[];
  invitations: TenantInvitation[];
}

export interface TenantInvitationRequest {
  email: string;
  firstName?: string;
  lastName?: string;
}

/**
 * The partner API of the team page (`/realms/{realm}/portal-access/partner`, the signed-in user's own token): the
 * admin API's rules for partner administrators, one's own tenants for everyone else. Refusals arrive as ApiError.
 */
export class PartnerTeamClient {
  readonly #base: string;
  readonly #token: () => Promise<string>;

  constructor(partnerUrl: string, token: () => Promise<string>) {
    this.#base = partnerUrl.replace(/\/+$/, "");
    this.#token = token;
  }

  me(): Promise<PartnerMe> {
    return this.#call("GET", "me");
  }

  /** Administrators: every tenant (PartnerTenant); everyone else: their own (OwnTenant). */
  tenants<T extends PartnerTenant | OwnTenant>(): Promise<T[]> {
    return this.#call("GET", "tenants");
  }

  tenant(id: string): Promise<TenantDetail> {
    return this.#call("GET", `tenants/${enc(id)}`);
  }

  partnerUsers(): Promise<PartnerPerson[]> {
    return this.#call("GET", "staff");
  }

  grant(tenantId: string, userId: string): Promise<PartnerPerson> {
    return this.#call("POST", `tenants/${enc(tenantId)}/users`, { userId });
  }

  revoke(tenantId: string, userId: string): Promise<void> {
    return this.#call("DELETE", `tenants/${enc(tenantId)}/users/${enc(userId)}`);
  }

  invite(tenantId: string, invitation: TenantInvitationRequest): Promise<TenantInvitation> {
    const body: Record<string, string> = { email: invitation.email.trim() };
    if (invitation.firstName?.trim()) {
      body.firstName = invitation.firstName.trim();
    }
    if (invitation.lastName?.trim()) {
      body.lastName = invitation.lastName.trim();
    }
    return this.#call("POST", `tenants/${enc(tenantId)}/invitations`, body);
  }

  cancelInvitation(tenantId: string, invitationId: string): Promise<void> {
    return this.#call("DELETE", `tenants/${enc(tenantId)}/invitations/${enc(invitationId)}`);
  }

  setAutoAdd(tenantId: string, enabled: boolean): Promise<PartnerTenant & { added: number }> {
    return this.#call("PUT", `tenants/${enc(tenantId)}/auto-add`, { enabled });
  }

  #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return requestJson<T>(method, `${this.#base}/${path}`, this.#token, body);
  }
}

function enc(value: string): string {
  return encodeURIComponent(value);
}

/**
 * The grant typeahead's choices: partner users without access to the tenant yet whose username or email contains
 * the typed text (any case, surrounding blanks ignored), at most `limit`.
 */
export function grantCandidates(partnerUsers: readonly PartnerPerson[], withAccess: readonly { id: string }[], typed: string, limit = 8): PartnerPerson[] {
  const text = typed.trim().toLowerCase();
  if (!text) {
    return [];
  }
  const has = new Set(withAccess.map((u) => u.id));
  return partnerUsers
    .filter((u) => !has.has(u.id))
    .filter((u) => u.username.toLowerCase().includes(text) || (u.email ?? "").toLowerCase().includes(text))
    .slice(0, limit);
}
