import { useMemo } from "react";

import { useConsole } from "../ConsoleContext";
import { ApiError, type ErrorContract, toErrorContract } from "../errors/errorContract";

/**
 * The realm pages' calls (issue 14): the denylist, partner access, and the realm documents self-registration and
 * customer-access. Everything under /admin/realms/{realm}/; the denylist and partner APIs are reached at their new
 * root (portal-access/denylist, portal-access/partner) when the server has it, at the old one otherwise
 * ({@link ApiRoots}).
 */

/** A refusal with the whole answer kept: a settings document lists every bad field in `errors`. */
export class RealmApiError extends ApiError {
  readonly body: unknown;

  constructor(contract: ErrorContract, body: unknown) {
    super(contract);
    this.name = "RealmApiError";
    this.body = body;
  }

  /** Every violation the answer names: `errors` of a settings document, else the answer itself. */
  get violations(): ErrorContract[] {
    return violationsOf(this.contract, this.body);
  }
}

export function violationsOf(contract: ErrorContract, body: unknown): ErrorContract[] {
  const list = body && typeof body === "object" ? (body as { errors?: unknown }).errors : undefined;
  if (Array.isArray(list) && list.length > 0) {
    return list.map((e) => toErrorContract(contract.status, e));
  }
  return [contract];
}

export type Fetch = typeof fetch;

export interface RequestOptions {
  /** A JSON body. */
  json?: unknown;
  /** A text body, with its content type. */
  text?: string;
  contentType?: string;
  accept?: string;
}

/** The HTTP part: bearer token, JSON or text, every refusal as a {@link RealmApiError}. */
export class AdminHttp {
  readonly #base: string;
  readonly #token: () => Promise<string>;
  readonly #fetch: Fetch;

  constructor(adminBaseUrl: string, token: () => Promise<string>, fetchImpl?: Fetch) {
    this.#base = adminBaseUrl.replace(/\/+$/, "");
    this.#token = token;
    this.#fetch = fetchImpl ?? ((input, init) => fetch(input, init));
  }

  url(realm: string, path: string): string {
    return `${this.#base}/admin/realms/${encodeURIComponent(realm)}/${path}`;
  }

  token(): Promise<string> {
    return this.#token();
  }

  async request<T>(method: string, realm: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      Accept: options.accept ?? "application/json",
      Authorization: `Bearer ${await this.#token()}`,
    };
    let body: string | undefined;
    if (options.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(options.json);
    } else if (options.text !== undefined) {
      headers["Content-Type"] = options.contentType ?? "text/plain";
      body = options.text;
    }
    let response: Response;
    try {
      response = await this.#fetch(this.url(realm, path), { method, headers, body });
    } catch (e) {
      throw new RealmApiError({ error: "network_error", errorMessage: e instanceof Error ? e.message : String(e) }, undefined);
    }
    const text = await response.text();
    const data = parseBody(text);
    if (!response.ok) {
      throw new RealmApiError(toErrorContract(response.status, data), data);
    }
    return (text ? data : undefined) as T;
  }
}

export function parseBody(text: string): unknown {
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Where a feature's API is: its new root under portal-access when the server has it (the answer of the project's
 * admin root for an unknown segment is 404 `notFound`), the old root otherwise. Asked once per realm and feature.
 */
export class ApiRoots {
  readonly #http: AdminHttp;
  readonly #known = new Map<string, Promise<string>>();

  constructor(http: AdminHttp) {
    this.#http = http;
  }

  resolve(realm: string, newRoot: string, probe: string, oldRoot: string): Promise<string> {
    const key = `${realm}\u0000${newRoot}`;
    let root = this.#known.get(key);
    if (!root) {
      root = this.#http.request("GET", realm, `${newRoot}${probe}`).then(
        () => newRoot,
        (e: unknown) => {
          if (e instanceof RealmApiError && e.contract.status === 404 && !isFeatureAnswer(e)) {
            return oldRoot;
          }
          // another refusal (403, 409 partner access off...): the new root exists and answered
          if (e instanceof RealmApiError && e.contract.status !== undefined) {
            return newRoot;
          }
          this.#known.delete(key);
          throw e;
        },
      );
      this.#known.set(key, root);
    }
    return root;
  }
}

/** A 404 of the feature itself (unknown tenant...) rather than of the project's root (no such segment). */
function isFeatureAnswer(e: RealmApiError): boolean {
  return !(e.contract.error === "notFound" && (e.contract.errorMessage ?? "").startsWith("No Portal Access admin API"))
    && e.contract.error !== "http_404";
}

// ---- denylist -------------------------------------------------------------------------------------------------

export type EntryKind = "DOMAIN" | "SUBDOMAINS" | "ADDRESS";

export interface DenylistEntry {
  id: string;
  value: string;
  kind: EntryKind;
  createdBy?: string;
  createdAt?: number;
  note?: string | null;
}

export interface CheckResult {
  verdict: "denied" | "allowed" | "invalid";
  denied: boolean;
  email?: string;
  entry?: string | null;
  /** The rule engine's reason when the address cannot be parsed. */
  error?: string;
  errorMessage?: string;
  checkNanos?: number;
}

export interface ImportResult {
  received: number;
  added: number;
  skipped: number;
}

export interface LineError {
  line: number;
  value: string;
  error: string;
  errorMessage?: string;
  messageKey?: string;
}

/** An import refused because of its lines: nothing was stored. */
export class ImportRefused extends RealmApiError {
  readonly lines: LineError[];

  constructor(contract: ErrorContract, body: unknown, lines: LineError[]) {
    super(contract, body);
    this.name = "ImportRefused";
    this.lines = lines;
  }
}

export interface ImportProgress {
  stage: "upload" | "server";
  /** 0..1 of the upload; the server's part has no measure. */
  fraction: number;
}

/** Sends a body with upload progress (fetch has none for uploads); an XMLHttpRequest in the browser. */
export type Uploader = (
  url: string,
  headers: Record<string, string>,
  body: string,
  onProgress: (fraction: number) => void,
  onUploaded: () => void,
) => Promise<{ status: number; text: string }>;

export const xhrUploader: Uploader = (url, headers, body, onProgress, onUploaded) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    for (const [k, v] of Object.entries(headers)) {
      xhr.setRequestHeader(k, v);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) {
        onProgress(e.loaded / e.total);
      }
    };
    xhr.upload.onload = () => onUploaded();
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new RealmApiError({ error: "network_error" }, undefined));
    xhr.send(body);
  });

/**
 * The probe the check endpoint validates for an entry as it is typed: an address entry is an address; a domain
 * `acme.com` is checked as `probe@acme.com`, `*.acme.com` as `probe@sub.acme.com`. The engine parses the domain
 * part the same way for entries and addresses, so its reason (invalidDomain, invalidPunycode, invalidCharacter,
 * multipleAt, emptyLocalPart...) is the one the add will give.
 */
export function entryProbe(value: string): string | undefined {
  const v = value.trim();
  if (v === "") {
    return undefined;
  }
  if (v.includes("@")) {
    return v;
  }
  if (v.startsWith("*.")) {
    return `probe@sub.${v.slice(2)}`;
  }
  return `probe@${v}`;
}

/** One line per entry, as the import reads it (CSV: value, then an optional quoted note). */
export function entryLine(value: string, note?: string): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);
  const v = value.trim();
  const n = (note ?? "").trim();
  return n ? `${quote(v)},${quote(n)}` : quote(v);
}

export class DenylistApi {
  static readonly NEW_ROOT = "portal-access/denylist";
  static readonly OLD_ROOT = "denylist";

  readonly #http: AdminHttp;
  readonly #roots: ApiRoots;
  readonly #upload: Uploader;

  constructor(http: AdminHttp, roots: ApiRoots, upload: Uploader = xhrUploader) {
    this.#http = http;
    this.#roots = roots;
    this.#upload = upload;
  }

  /** The one place that knows where the denylist is. */
  root(realm: string): Promise<string> {
    return this.#roots.resolve(realm, DenylistApi.NEW_ROOT, "/count", DenylistApi.OLD_ROOT);
  }

  async list(realm: string, query: { search?: string; first: number; max: number }): Promise<DenylistEntry[]> {
    const params = new URLSearchParams({ first: String(query.first), max: String(query.max) });
    if (query.search) {
      params.set("search", query.search);
    }
    return this.#http.request("GET", realm, `${await this.root(realm)}?${params}`);
  }

  async count(realm: string, search?: string): Promise<number> {
    const params = search ? `?${new URLSearchParams({ search })}` : "";
    const answer = await this.#http.request<{ count: number }>("GET", realm, `${await this.root(realm)}/count${params}`);
    return answer.count;
  }

  async check(realm: string, email: string): Promise<CheckResult> {
    const path = `${await this.root(realm)}/check?${new URLSearchParams({ email })}`;
    try {
      return await this.#http.request<CheckResult>("GET", realm, path);
    } catch (e) {
      // an address the engine cannot parse: a verdict, refused on every path
      if (e instanceof RealmApiError && e.contract.status === 400 && (e.body as CheckResult | undefined)?.verdict === "invalid") {
        const body = e.body as CheckResult;
        return { ...body, verdict: "invalid", denied: true };
      }
      throw e;
    }
  }

  /** The reason an entry would be refused, from the check endpoint; undefined when it parses. */
  async validateEntry(realm: string, value: string): Promise<ErrorContract | undefined> {
    const probe = entryProbe(value);
    if (probe === undefined) {
      return undefined;
    }
    const result = await this.check(realm, probe);
    if (result.verdict !== "invalid") {
      return undefined;
    }
    return { status: 400, error: result.error ?? "invalid", errorMessage: result.errorMessage, field: "value" };
  }

  /** Adds one entry (201 new, 200 already there). */
  async add(realm: string, value: string, note?: string): Promise<DenylistEntry> {
    return this.#http.request("POST", realm, await this.root(realm), { json: { value, note: note || undefined } });
  }

  /**
   * Adds several entries at once, all or nothing (the import endpoint: one transaction, bad lines by number, which
   * are the entries' positions + 1).
   */
  async addAll(realm: string, entries: { value: string; note?: string }[]): Promise<ImportResult> {
    return this.importText(realm, entries.map((e) => entryLine(e.value, e.note)).join("\n"), () => undefined);
  }

  /** Imports a file's text with upload progress; an {@link ImportRefused} lists every bad line (nothing stored). */
  async importText(realm: string, text: string, onProgress: (p: ImportProgress) => void, contentType = "text/plain"): Promise<ImportResult> {
    const url = this.#http.url(realm, `${await this.root(realm)}/import`);
    const headers = {
      Accept: "application/json",
      Authorization: `Bearer ${await this.#http.token()}`,
      "Content-Type": `${contentType}; charset=utf-8`,
    };
    onProgress({ stage: "upload", fraction: 0 });
    let answer: { status: number; text: string };
    try {
      answer = await this.#upload(
        url,
        headers,
        text,
        (fraction) => onProgress({ stage: "upload", fraction }),
        () => onProgress({ stage: "server", fraction: 1 }),
      );
    } catch (e) {
      throw e instanceof RealmApiError ? e : new RealmApiError({ error: "network_error", errorMessage: String(e) }, undefined);
    }
    const data = parseBody(answer.text);
    if (answer.status >= 200 && answer.status < 300) {
      return data as ImportResult;
    }
    const contract = toErrorContract(answer.status, data);
    const lines = (data as { lines?: LineError[] } | undefined)?.lines;
    if (Array.isArray(lines)) {
      throw new ImportRefused(contract, data, lines);
    }
    throw new RealmApiError(contract, data);
  }

  /** Removes the entries with these values in one transaction. */
  async remove(realm: string, values: string[]): Promise<number> {
    const answer = await this.#http.request<{ removed: number }>("POST", realm, `${await this.root(realm)}/delete`, {
      json: { values },
    });
    return answer.removed;
  }

  /** The whole list as CSV (the format import reads back), streamed by the server a page at a time. */
  async exportCsv(realm: string): Promise<string> {
    return this.#http.request<string>("GET", realm, `${await this.root(realm)}/export`, { accept: "text/csv" });
  }
}

// ---- partner access ---------------------------------------------------------------------------------------------

export interface PartnerInfo {
  enabled: boolean;
  staffGroup: string;
  staffGroupId: string | null;
}

/** The realm document settings/partner-access (tenant-api). */
export interface PartnerSettings {
  enabled: boolean;
  staffGroup: string;
  /** Its members manage tenant access on the team page (portalaccess.partner.adminGroup). */
  adminGroup?: string;
  portalUrl: string | null;
  invalid?: ErrorContract[];
}

export interface TenantSummary {
  id: string;
  name: string;
  alias?: string;
  autoAdd: boolean;
  userCount: number;
}

export interface TenantUser {
  id: string;
  username: string;
  email?: string | null;
  partnerUser?: boolean;
}

export interface TenantInvitation {
  id: string;
  tenantId?: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  sentAt?: number;
  expiresAt?: number;
  status?: string;
}

export interface TenantDetail extends TenantSummary {
  users: TenantUser[];
  invitations: TenantInvitation[];
}

export class PartnerApi {
  static readonly NEW_ROOT = "portal-access/partner";
  static readonly OLD_ROOT = "partner-access";

  readonly #http: AdminHttp;
  readonly #roots: ApiRoots;

  constructor(http: AdminHttp, roots: ApiRoots) {
    this.#http = http;
    this.#roots = roots;
  }

  root(realm: string): Promise<string> {
    return this.#roots.resolve(realm, PartnerApi.NEW_ROOT, "", PartnerApi.OLD_ROOT);
  }

  async info(realm: string): Promise<PartnerInfo> {
    return this.#http.request("GET", realm, await this.root(realm));
  }

  settings(realm: string): Promise<PartnerSettings> {
    return this.#http.request("GET", realm, "portal-access/settings/partner-access");
  }

  saveSettings(realm: string, settings: PartnerSettings): Promise<PartnerSettings> {
    return this.#http.request("PUT", realm, "portal-access/settings/partner-access", { json: withoutInvalid(settings) });
  }

  async staff(realm: string, first: number, max: number): Promise<TenantUser[]> {
    return this.#http.request("GET", realm, `${await this.root(realm)}/staff?first=${first}&max=${max}`);
  }

  async tenants(realm: string, first: number, max: number): Promise<TenantSummary[]> {
    return this.#http.request("GET", realm, `${await this.root(realm)}/tenants?first=${first}&max=${max}`);
  }

  async tenant(realm: string, id: string, first = 0, max = 100): Promise<TenantDetail> {
    return this.#http.request("GET", realm, `${await this.root(realm)}/tenants/${encodeURIComponent(id)}?first=${first}&max=${max}`);
  }

  async setAutoAdd(realm: string, id: string, enabled: boolean): Promise<TenantSummary & { added: number }> {
    return this.#http.request("PUT", realm, `${await this.root(realm)}/tenants/${encodeURIComponent(id)}/auto-add`, {
      json: { enabled },
    });
  }

  async grant(realm: string, id: string, userId: string): Promise<TenantUser> {
    return this.#http.request("POST", realm, `${await this.root(realm)}/tenants/${encodeURIComponent(id)}/users`, {
      json: { userId },
    });
  }

  async revoke(realm: string, id: string, userId: string): Promise<void> {
    await this.#http.request(
      "DELETE",
      realm,
      `${await this.root(realm)}/tenants/${encodeURIComponent(id)}/users/${encodeURIComponent(userId)}`,
    );
  }

  async invite(realm: string, id: string, invitation: { email: string; firstName?: string; lastName?: string }): Promise<TenantInvitation> {
    return this.#http.request("POST", realm, `${await this.root(realm)}/tenants/${encodeURIComponent(id)}/invitations`, {
      json: invitation,
    });
  }

  async cancelInvitation(realm: string, id: string, invitationId: string): Promise<void> {
    await this.#http.request(
      "DELETE",
      realm,
      `${await this.root(realm)}/tenants/${encodeURIComponent(id)}/invitations/${encodeURIComponent(invitationId)}`,
    );
  }
}

// ---- realm documents ----------------------------------------------------------------------------------------------

export type SelfRegistrationMode = "NONE" | "ANYONE" | "COMPANIES";
export type RegistrationMethod = "portal" | "identityProvider" | "email" | "directory";

export const ANYONE_METHODS: RegistrationMethod[] = ["portal", "identityProvider", "email", "directory"];
/** Directory registration is never offered per company (seed 003). */
export const COMPANY_METHODS: RegistrationMethod[] = ["portal", "identityProvider", "email"];

export interface AnyoneSettings {
  methods: RegistrationMethod[];
  grantPortalAccess: boolean;
  /** `role:<realm role>` or `group:<path>`. */
  defaultServices: string[];
  directoryLoginUrl: string | null;
}

export interface CompanySettings {
  organizationId: string;
  alias?: string;
  name?: string;
  methods: RegistrationMethod[];
  grantPortalAccess: boolean;
  domains: string[];
  services: string[];
}

export interface SelfRegistrationSettings {
  mode: SelfRegistrationMode;
  anyone: AnyoneSettings;
  companies: CompanySettings[];
  invalid?: ErrorContract[];
}

export interface CustomerAccessSettings {
  autoInvite: boolean;
  removalSignOut: boolean;
  serviceAccountAudience: string | null;
  portalClients: string[];
  invalid?: ErrorContract[];
}

/**
 * A document without its read-only `invalid` list (stored values its settings cannot read, reported by GET), as a
 * PUT sends it.
 */
export function withoutInvalid<T extends { invalid?: unknown }>(document: T): T {
  const copy = { ...document };
  delete copy.invalid;
  return copy;
}

export class RealmDocuments {
  readonly #http: AdminHttp;

  constructor(http: AdminHttp) {
    this.#http = http;
  }

  selfRegistration(realm: string): Promise<SelfRegistrationSettings> {
    return this.#http.request("GET", realm, "portal-access/settings/self-registration");
  }

  saveSelfRegistration(realm: string, settings: SelfRegistrationSettings): Promise<SelfRegistrationSettings> {
    return this.#http.request("PUT", realm, "portal-access/settings/self-registration", { json: withoutInvalid(settings) });
  }

  customerAccess(realm: string): Promise<CustomerAccessSettings> {
    return this.#http.request("GET", realm, "portal-access/settings/customer-access");
  }

  saveCustomerAccess(realm: string, settings: CustomerAccessSettings): Promise<CustomerAccessSettings> {
    return this.#http.request("PUT", realm, "portal-access/settings/customer-access", { json: withoutInvalid(settings) });
  }
}

/** `role:admin` → {kind: role, name: admin}; `group:/a/b` → {kind: group, name: /a/b}. */
export function parseService(service: string): { kind: "role" | "group"; name: string } | undefined {
  const m = /^(role|group):(.+)$/.exec(service);
  return m ? { kind: m[1] as "role" | "group", name: m[2] } : undefined;
}

/** Whether a refusal is "this server has no such document yet" (the branch that adds it has not landed). */
export function isMissingDocument(e: unknown): boolean {
  return e instanceof RealmApiError && e.contract.status === 404;
}

export interface RealmApis {
  http: AdminHttp;
  denylist: DenylistApi;
  partner: PartnerApi;
  documents: RealmDocuments;
}

export function createRealmApis(adminBaseUrl: string, token: () => Promise<string>, fetchImpl?: Fetch, upload?: Uploader): RealmApis {
  const http = new AdminHttp(adminBaseUrl, token, fetchImpl);
  const roots = new ApiRoots(http);
  return { http, denylist: new DenylistApi(http, roots, upload), partner: new PartnerApi(http, roots), documents: new RealmDocuments(http) };
}

// one set per signed-in console (its Auth), so every page asks for the roots once
const perConsole = new WeakMap<object, RealmApis>();

/** The realm pages' APIs for the signed-in console. */
export function useRealmApis(): RealmApis {
  const { config, auth } = useConsole();
  return useMemo(() => {
    let apis = perConsole.get(auth);
    if (!apis) {
      apis = createRealmApis(config.adminBaseUrl, () => auth.token());
      perConsole.set(auth, apis);
    }
    return apis;
  }, [config.adminBaseUrl, auth]);
}
