import { afterEach, describe, expect, it, vi } from "vitest";

import { grantCandidates, type PartnerPerson, PartnerTeamClient } from "../api/partnerTeam";
import { displayName, samlRequest, TeamClient, teamRules, type TeamMember, withoutBlanks } from "../api/team";
import { ApiError } from "../errors/errorContract";
import { createI18n } from "../i18n";
import de from "../i18n/locales/de/team.json";
import en from "../i18n/locales/en/team.json";
import { localizeSaml } from "./samlErrors";
import { localize } from "./teamErrors";

function keys(bundle: object, prefix = ""): string[] {
  return Object.entries(bundle).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

const member = (username: string, role: TeamMember["role"]): TeamMember => ({ id: username, username, role });

describe("team messages", () => {
  it("has every English key in German and no other, with the same placeholders", () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
    const at = (bundle: object, key: string) =>
      key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], bundle) as string;
    for (const key of keys(en)) {
      expect(at(de, key).match(/\{\{\w+\}\}/g)?.sort() ?? [], key).toEqual(at(en, key).match(/\{\{\w+\}\}/g)?.sort() ?? []);
    }
  });
});

describe("teamRules", () => {
  it("marks the only Administrator as the last one", () => {
    const rules = teamRules([member("ann", "Administrator"), member("ulf", "User")]);
    expect(rules.administrators).toBe(1);
    expect(rules.isLastAdministrator(member("ann", "Administrator"))).toBe(true);
    expect(rules.isLastAdministrator(member("ulf", "User"))).toBe(false);
    expect(rules.firstJoinerBecomesAdministrator).toBe(false);
  });

  it("has no last Administrator with two, and a first joiner rule with none", () => {
    const two = teamRules([member("ann", "Administrator"), member("bob", "Administrator")]);
    expect(two.isLastAdministrator(member("ann", "Administrator"))).toBe(false);
    expect(teamRules([member("ulf", "User")]).firstJoinerBecomesAdministrator).toBe(true);
    expect(teamRules([]).firstJoinerBecomesAdministrator).toBe(true);
  });
});

describe("displayName and withoutBlanks", () => {
  it("prefers the full name, then the username", () => {
    expect(displayName({ firstName: "Ann", lastName: "Acme", username: "ann" })).toBe("Ann Acme");
    expect(displayName({ firstName: " ", username: "ann" })).toBe("ann");
    expect(displayName({ email: "x@y.example" })).toBe("x@y.example");
  });

  it("leaves out blank optional fields and trims", () => {
    expect(withoutBlanks({ email: " a@b.example ", firstName: "", lastName: " Lee ", role: "Viewer" })).toEqual({
      email: "a@b.example",
      lastName: "Lee",
      role: "Viewer",
    });
  });
});

describe("TeamClient", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("calls the self-service API with the user's token and reads the error contract", async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      if (init.method === "PUT") {
        return new Response(
          JSON.stringify({ field: "role", error: "lastAdministrator", errorMessage: "User ann is the last Administrator" }),
          { status: 409, headers: { "Content-Type": "application/json" } },
        );
      }
      return new Response("[]", { status: 200 });
    });
    const client = new TeamClient("http://kc/realms/acme/customer-admin/", async () => "tok");
    expect(await client.members("c 1")).toEqual([]);
    expect(calls[0].url).toBe("http://kc/realms/acme/customer-admin/customers/c%201/members");
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe("Bearer tok");

    const refused = await client.changeRole("c1", "u1", "Viewer").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).contract).toMatchObject({ status: 409, error: "lastAdministrator", field: "role" });
    expect(JSON.parse(calls[1].init.body as string)).toEqual({ role: "Viewer" });

    await client.resend("c1", "i1");
    expect(calls[2]).toMatchObject({ url: "http://kc/realms/acme/customer-admin/customers/c1/invitations/i1/resend" });
    expect(calls[2].init.method).toBe("POST");
  });
});

describe("localize", () => {
  it("puts the team page's words for a known code in the user's language, keeps the rest", async () => {
    const i18n = await createI18n("de");
    const messages = { t: (k: string) => i18n.t(k) as string, exists: (k: string) => i18n.exists(k) };
    expect(localize({ status: 409, error: "lastAdministrator", errorMessage: "English" }, messages).errorMessage).toBe(
      "Dies ist der letzte Administrator des Kunden: Ernennen Sie zuerst einen weiteren Administrator.",
    );
    const domain = { status: 400, error: "domainNotAllowed", field: "email", errorMessage: "eve@evil.example is not allowed" };
    expect(localize(domain, messages)).toEqual(domain);
  });
});

describe("SAML set-up", () => {
  it("sends only the chosen source's values, trimmed", () => {
    expect(samlRequest({ source: "metadataUrl", metadataUrl: " https://idp.example/md ", entityId: "left over" }))
      .toEqual({ source: "metadataUrl", metadataUrl: "https://idp.example/md" });
    expect(samlRequest({ source: "manual", entityId: "urn:idp", ssoUrl: "https://idp.example/sso", binding: "REDIRECT",
      signingCertificate: "  ", metadataUrl: "x" }))
      .toEqual({ source: "manual", entityId: "urn:idp", ssoUrl: "https://idp.example/sso", binding: "REDIRECT" });
  });

  it("shows the localized refusal with the server's reason, in German too", async () => {
    const i18n = await createI18n("de");
    const messages = { t: (k: string, o?: Record<string, unknown>) => i18n.t(k, o) as string, exists: (k: string) => i18n.exists(k) };
    const shown = localizeSaml({ status: 400, error: "metadataUnreachable", field: "metadataUrl",
      errorMessage: "The metadata URL answered HTTP 404", messageKey: "portalAccessCustomerMetadataUnreachable" }, messages);
    expect(shown.errorMessage).toBe("Die Metadaten konnten von dieser URL nicht abgerufen werden. (The metadata URL answered HTTP 404)");
    expect(shown.field).toBe("metadataUrl");
    expect(shown.messageKey).toBeUndefined();
    const unknown = { status: 400, error: "somethingElse", errorMessage: "as is" };
    expect(localizeSaml(unknown, messages)).toBe(unknown);
  });
});

describe("grantCandidates", () => {
  const staff: PartnerPerson[] = [
    { id: "1", username: "alice", email: "alice@partner.example" },
    { id: "2", username: "bob", email: "Bob@Partner.example" },
    { id: "3", username: "carol", email: null },
  ];

  it("offers partner users without access whose username or email contains the text, any case", () => {
    expect(grantCandidates(staff, [{ id: "1" }], " PARTNER ").map((u) => u.username)).toEqual(["bob"]);
    expect(grantCandidates(staff, [], "car").map((u) => u.username)).toEqual(["carol"]);
  });

  it("offers nothing for blank text and at most the limit", () => {
    expect(grantCandidates(staff, [], "   ")).toEqual([]);
    expect(grantCandidates(staff, [], "a", 2)).toHaveLength(2);
  });
});

describe("PartnerTeamClient", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("calls the partner API with the page's token and sends only non-blank invitation fields", async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, init });
        return new Response(JSON.stringify({ id: "i1", email: "x@y.example", status: "PENDING" }), {
          status: 201,
          headers: { "Content-Type": "application/json" },
        });
      }),
    );
    const client = new PartnerTeamClient("https://kc.example/realms/p/portal-access/partner/", async () => "tok");
    await client.invite("t 1", { email: " x@y.example ", firstName: " ", lastName: "Y" });
    expect(calls[0].url).toBe("https://kc.example/realms/p/portal-access/partner/tenants/t%201/invitations");
    expect(calls[0].init.method).toBe("POST");
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ email: "x@y.example", lastName: "Y" });
    expect(new Headers(calls[0].init.headers).get("Authorization")).toBe("Bearer tok");
  });

  it("turns a refusal into the error contract, localized by the team page's words", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: "notPartnerAdministrator", messageKey: "portalAccessPartnerNotPartnerAdministrator", errorMessage: "no" }), {
            status: 403,
            headers: { "Content-Type": "application/json" },
          }),
      ),
    );
    const client = new PartnerTeamClient("https://kc.example/realms/p/portal-access/partner", async () => "tok");
    const failure = await client.setAutoAdd("t", true).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    const i18n = await createI18n("de");
    const shown = localize((failure as ApiError).contract, { t: (k, o) => i18n.t(k, o) as string, exists: (k) => i18n.exists(k) });
    expect(shown.errorMessage).toBe("Nur die Partneradministratoren Ihres Kontos verwalten den Zugriff auf Tenants.");
  });
});
