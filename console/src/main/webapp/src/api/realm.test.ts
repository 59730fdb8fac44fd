import { describe, expect, it } from "vitest";

import deRealm from "../i18n/locales/de/realm.json";
import enRealm from "../i18n/locales/en/realm.json";
import { fieldErrors, normaliseField } from "../pages/realm/fieldErrors";
import { countEntryLines } from "../pages/realm/DenylistPage";
import { createRealmApis, entryLine, entryProbe, ImportRefused, parseService, RealmApiError, type Uploader } from "./realm";

interface Call {
  method: string;
  url: string;
  body?: string;
  headers: Record<string, string>;
}

/** A fake server: `routes` answers "METHOD path" (path after /admin/realms/r/) with [status, body]. */
function fakeServer(routes: Record<string, [number, unknown] | ((call: Call) => [number, unknown])>) {
  const calls: Call[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const call = { method: init?.method ?? "GET", url, body: init?.body as string | undefined, headers: init?.headers as Record<string, string> };
    calls.push(call);
    const path = url.replace("https://kc.example/admin/realms/r/", "");
    const route = routes[`${call.method} ${path}`];
    const [status, body] = typeof route === "function" ? route(call) : (route ?? [404, { error: "http_404" }]);
    return new Response(body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body), { status });
  }) as typeof fetch;
  return { calls, fetchImpl };
}

const NO_SEGMENT: [number, unknown] = [404, { error: "notFound", errorMessage: "No Portal Access admin API at denylist" }];

describe("where the denylist and partner APIs are", () => {
  it("uses the old roots while the new ones are missing, and asks only once", async () => {
    const server = fakeServer({
      "GET portal-access/denylist/count": NO_SEGMENT,
      "GET denylist/count": [200, { count: 7 }],
      "GET denylist/count?search=acme": [200, { count: 2 }],
      "GET portal-access/partner": [404, { error: "notFound", errorMessage: "No Portal Access admin API at partner" }],
      "GET partner-access": [200, { enabled: true, staffGroup: "partner-staff", staffGroupId: "g1" }],
    });
    const apis = createRealmApis("https://kc.example/", async () => "tok", server.fetchImpl);
    expect(await apis.denylist.count("r")).toBe(7);
    expect(await apis.denylist.count("r", "acme")).toBe(2);
    expect((await apis.partner.info("r")).staffGroupId).toBe("g1");
    expect(server.calls.filter((c) => c.url.includes("portal-access/denylist")).length).toBe(1);
    expect(server.calls[0].headers.Authorization).toBe("Bearer tok");
  });

  it("uses the new roots once they answer", async () => {
    const server = fakeServer({
      "GET portal-access/denylist/count": [200, { count: 3 }],
      "GET portal-access/denylist?first=20&max=10&search=x": [200, [{ id: "1", value: "x.example", kind: "DOMAIN" }]],
      "GET portal-access/partner": [200, { enabled: false, staffGroup: "s", staffGroupId: null }],
    });
    const apis = createRealmApis("https://kc.example", async () => "tok", server.fetchImpl);
    expect(await apis.denylist.list("r", { search: "x", first: 20, max: 10 })).toHaveLength(1);
    expect(await apis.denylist.root("r")).toBe("portal-access/denylist");
    expect(await apis.partner.root("r")).toBe("portal-access/partner");
  });
});

describe("denylist", () => {
  const server = fakeServer({
    "GET portal-access/denylist/count": [200, { count: 0 }],
    "GET portal-access/denylist/check?email=a%40spam.example": [200, { email: "a@spam.example", denied: true, entry: "spam.example", verdict: "denied" }],
    "GET portal-access/denylist/check?email=probe%40xn--zz.com": [400, { field: "email", error: "invalidPunycode", errorMessage: "bad", verdict: "invalid", denied: true }],
    "GET portal-access/denylist/check?email=probe%40sub.ok.example": [200, { denied: false, verdict: "allowed" }],
    "GET portal-access/denylist/check?email=a%40%40b.example": [400, { field: "email", error: "multipleAt", verdict: "invalid", denied: true }],
    "POST portal-access/denylist/delete": (c) => [200, { removed: (JSON.parse(c.body!) as { values: string[] }).values.length }],
  });
  const apis = createRealmApis("https://kc.example", async () => "tok", server.fetchImpl);

  it("checks an address: denied with the entry, or invalid with the engine's reason", async () => {
    expect(await apis.denylist.check("r", "a@spam.example")).toMatchObject({ verdict: "denied", entry: "spam.example" });
    expect(await apis.denylist.check("r", "a@@b.example")).toMatchObject({ verdict: "invalid", error: "multipleAt", denied: true });
  });

  it("validates an entry as typed through the check endpoint", async () => {
    expect(await apis.denylist.validateEntry("r", "xn--zz.com")).toMatchObject({ error: "invalidPunycode", field: "value" });
    expect(await apis.denylist.validateEntry("r", "*.ok.example")).toBeUndefined();
    expect(await apis.denylist.validateEntry("r", "a@@b.example")).toMatchObject({ error: "multipleAt" });
    expect(await apis.denylist.validateEntry("r", "  ")).toBeUndefined();
  });

  it("deletes by value in one call", async () => {
    expect(await apis.denylist.remove("r", ["a.example", "b.example"])).toBe(2);
  });

  it("builds probes and import lines", () => {
    expect(entryProbe("acme.com")).toBe("probe@acme.com");
    expect(entryProbe("*.acme.com")).toBe("probe@sub.acme.com");
    expect(entryProbe(" bad@acme.com ")).toBe("bad@acme.com");
    expect(entryLine("acme.com")).toBe("acme.com");
    expect(entryLine("acme.com", 'ticket 4, "urgent"')).toBe('acme.com,"ticket 4, ""urgent"""');
    expect(countEntryLines("\uFEFF# comment\nacme.com\n\n  \nb.example,note\r\n")).toBe(2);
  });

  it("imports with upload progress, and lists every bad line when refused", async () => {
    const stages: string[] = [];
    const ok: Uploader = async (url, headers, body, onProgress, onUploaded) => {
      expect(url).toBe("https://kc.example/admin/realms/r/portal-access/denylist/import");
      expect(headers["Content-Type"]).toBe("text/csv; charset=utf-8");
      expect(body).toBe("a.example\nb.example");
      onProgress(0.5);
      onUploaded();
      return { status: 200, text: JSON.stringify({ received: 2, added: 1, skipped: 1 }) };
    };
    const withUpload = createRealmApis("https://kc.example", async () => "tok", server.fetchImpl, ok);
    const result = await withUpload.denylist.importText("r", "a.example\nb.example", (p) => stages.push(`${p.stage}:${p.fraction}`), "text/csv");
    expect(result).toEqual({ received: 2, added: 1, skipped: 1 });
    expect(stages).toEqual(["upload:0", "upload:0.5", "server:1"]);

    const refused: Uploader = async () => ({
      status: 400,
      text: JSON.stringify({ error: "invalidLines", errorMessage: "2 line(s)", lines: [{ line: 2, value: "a@@b", error: "multipleAt" }, { line: 4, value: "@x", error: "emptyLocalPart" }] }),
    });
    const bad = createRealmApis("https://kc.example", async () => "tok", server.fetchImpl, refused);
    const e = await bad.denylist.addAll("r", [{ value: "ok.example" }, { value: "a@@b" }]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportRefused);
    expect((e as ImportRefused).lines.map((l) => l.line)).toEqual([2, 4]);
    expect((e as ImportRefused).contract.status).toBe(400);
  });
});

describe("realm documents", () => {
  it("keeps every violation of a refused document", async () => {
    const server = fakeServer({
      "PUT portal-access/settings/self-registration": [
        400,
        {
          error: "invalidDomain",
          field: "companies[0].domains[1]",
          errors: [
            { error: "invalidDomain", field: "companies[0].domains[1]", errorMessage: "bad domain" },
            { error: "unknownService", field: "anyone.defaultServices[0]" },
            { error: "mystery", field: "somethingElse" },
          ],
        },
      ],
      "GET portal-access/settings/customer-access": [404, { error: "notFound", errorMessage: "No settings document customer-access" }],
    });
    const apis = createRealmApis("https://kc.example", async () => "tok", server.fetchImpl);
    const e = await apis.documents
      .saveSelfRegistration("r", { mode: "COMPANIES", anyone: { methods: [], grantPortalAccess: false, defaultServices: [], directoryLoginUrl: null }, companies: [] })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RealmApiError);
    const errors = fieldErrors((e as RealmApiError).violations);
    expect(errors.at("companies[0].domains[1]")?.errorMessage).toBe("bad domain");
    expect(errors.under("companies[0]")).toHaveLength(1);
    expect(errors.at("anyone.defaultServices[0]")?.error).toBe("unknownService");
    expect(errors.unplaced.map((x) => x.field)).toEqual(["somethingElse"]);
    const missing = await apis.documents.customerAccess("r").catch((x: unknown) => x);
    expect((missing as RealmApiError).contract.status).toBe(404);
  });

  it("reads a field written as a JSON path or pointer", () => {
    expect(normaliseField("$.companies[1].domains[0]")).toBe("companies[1].domains[0]");
    expect(normaliseField("/companies/1/domains/0")).toBe("companies[1].domains[0]");
    expect(normaliseField("anyone.directoryLoginUrl")).toBe("anyone.directoryLoginUrl");
    expect(fieldErrors([{ error: "x", field: "/anyone/defaultServices/2" }]).at("anyone.defaultServices[2]")?.error).toBe("x");
  });

  it("reads services", () => {
    expect(parseService("role:support")).toEqual({ kind: "role", name: "support" });
    expect(parseService("group:/customers/acme")).toEqual({ kind: "group", name: "/customers/acme" });
    expect(parseService("nonsense")).toBeUndefined();
  });
});

describe("realm messages", () => {
  const keys = (bundle: object, prefix = ""): string[] =>
    Object.entries(bundle).flatMap(([key, value]) => (typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));
  const get = (bundle: object, key: string) => key.split(".").reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], bundle) as string;

  it("has every English key in German, with the same placeholders", () => {
    expect(keys(deRealm).sort()).toEqual(keys(enRealm).sort());
    for (const key of keys(enRealm)) {
      const ph = (b: object) => get(b, key).match(/\{\{\w+\}\}/g)?.sort() ?? [];
      expect(ph(deRealm), key).toEqual(ph(enRealm));
    }
  });
});
