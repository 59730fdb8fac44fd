import { afterEach, describe, expect, it, vi } from "vitest";

import { ApiError } from "../errors/errorContract";
import { CustomersApi } from "./customers";
import { PortalAccessClient } from "./portalAccess";

interface Call {
  url: string;
  method: string;
  body?: unknown;
  auth?: string;
}

function fakeFetch(answers: Array<{ status: number; body?: unknown }>) {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    calls.push({ url, method: init.method ?? "GET", body: init.body ? JSON.parse(init.body as string) : undefined, auth: headers.Authorization });
    const answer = answers.shift() ?? { status: 204 };
    const text = answer.body === undefined ? "" : JSON.stringify(answer.body);
    return new Response(answer.status === 204 ? null : text, { status: answer.status });
  });
  return calls;
}

const api = () => new CustomersApi(new PortalAccessClient("https://kc.example/", async () => "tok"), "acme realm");
const root = "https://kc.example/admin/realms/acme%20realm/portal-access";

afterEach(() => vi.unstubAllGlobals());

describe("CustomersApi", () => {
  it("pages and searches the list on the server", async () => {
    const calls = fakeFetch([{ status: 200, body: [] }, { status: 200, body: 42 }]);
    await api().list(" acme.com ", { first: 40, max: 20 });
    expect(await api().count("")).toBe(42);
    expect(calls.map((c) => c.url)).toEqual([`${root}/customers?search=acme.com&first=40&max=20`, `${root}/customers/count`]);
    expect(calls[0].auth).toBe("Bearer tok");
  });

  it("writes with the documented paths and bodies", async () => {
    const calls = fakeFetch([]);
    const a = api();
    await a.create({ name: "Acme", contactEmail: "ann@acme.com" });
    await a.updateSettings("o/1", { domainRestriction: { enabled: true, entries: ["acme.com"] } });
    await a.invite("o1", { email: "ulf@acme.com", role: "Viewer" });
    await a.resendInvitation("o1", "i1");
    await a.cancelInvitation("o1", "i1");
    await a.changeRole("o1", "u1", "User");
    await a.removeMember("o1", "u1");
    await a.createServiceAccount("o1", { name: "ci" });
    await a.revokeServiceAccount("o1", "c1");
    await a.linkIdentityProvider("o1", null);
    expect(calls.map((c) => `${c.method} ${c.url.slice(root.length)}`)).toEqual([
      "POST /customers",
      "PUT /customers/o%2F1/settings",
      "POST /customers/o1/invitations",
      "POST /customers/o1/invitations/i1/resend",
      "DELETE /customers/o1/invitations/i1",
      "PUT /customers/o1/members/u1/role",
      "DELETE /customers/o1/members/u1",
      "POST /customers/o1/service-accounts",
      "DELETE /customers/o1/service-accounts/c1",
      "PUT /customers/o1/identity-provider",
    ]);
    expect(calls[2].body).toEqual({ email: "ulf@acme.com", role: "Viewer" });
    expect(calls[5].body).toEqual({ role: "User" });
    expect(calls[9].body).toEqual({ alias: null });
  });

  it("rejects with the error contract, every violation included", async () => {
    fakeFetch([
      {
        status: 400,
        body: {
          error: "invalidEntry",
          field: "domainRestriction.entries[0]",
          errorMessage: "bad",
          errors: [
            { error: "invalidEntry", field: "domainRestriction.entries[0]", errorMessage: "bad" },
            { error: "invalidEntry", field: "domainRestriction.entries[2]", messageKey: "portalAccessX", params: ["a", 1] },
          ],
        },
      },
    ]);
    const e = await api().updateSettings("o1", {}).catch((x) => x);
    expect(e).toBeInstanceOf(ApiError);
    const contract = (e as ApiError).contract;
    expect(contract.status).toBe(400);
    expect(contract.errors?.map((x) => x.field)).toEqual(["domainRestriction.entries[0]", "domainRestriction.entries[2]"]);
    expect(contract.errors?.[1]).toMatchObject({ messageKey: "portalAccessX", params: ["a", "1"], status: 400 });
  });

  it("checks a document without storing it at the check endpoint: valid is [], a 400 lists each violation once", async () => {
    const calls = fakeFetch([
      {
        status: 400,
        body: {
          error: "invalidDomainRule",
          field: "domainRestriction.entries[1]",
          errorMessage: "'x y' is not a domain",
          errors: [{ error: "invalidDomainRule", field: "domainRestriction.entries[1]", errorMessage: "'x y' is not a domain" }],
        },
      },
      { status: 200, body: { valid: true } },
      { status: 403, body: { error: "forbidden" } },
    ]);
    const a = api();
    expect((await a.checkSettings("o1", { domainRestriction: { entries: ["acme.com", "x y"] } })).map((v) => v.field)).toEqual([
      "domainRestriction.entries[1]",
    ]);
    expect(calls[0].method).toBe("POST");
    expect(calls[0].url).toBe(`${root}/customers/o1/settings/check`);
    expect(calls[0].body).toEqual({ domainRestriction: { entries: ["acme.com", "x y"] } });
    expect(await a.checkSettings("o1", { domainRestriction: { entries: ["acme.com"] } })).toEqual([]);
    await expect(a.checkSettings("o1", {})).rejects.toBeInstanceOf(ApiError);
  });
});
