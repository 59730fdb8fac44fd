import { describe, expect, it } from "vitest";

import {
  ApiError,
  describeError,
  errorFromUnknown,
  errorsByField,
  type Messages,
  paramOptions,
  toErrorContract,
} from "./errorContract";

/** A bundle with a few keys; `t` fills {{name}} placeholders like i18next. */
function messages(bundle: Record<string, string>): Messages {
  return {
    exists: (key) => key in bundle,
    t: (key, options) =>
      (bundle[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options?.[name] ?? `{{${name}}}`)),
  };
}

const bundle = messages({
  "errors.title.invalid": "Refused",
  "errors.title.forbidden": "Not allowed",
  "errors.title.failed": "Failed",
  "errors.generic": "Refused ({{code}})",
  "errors.portalaccess_no_access": "No rights here",
  "errors.portalaccess.domainNotAllowed": "{{0}} is not one of the customer's domains ({{1}})",
});

describe("toErrorContract", () => {
  it("reads the project's contract", () => {
    expect(
      toErrorContract(400, {
        error: "domain_not_allowed",
        errorMessage: "x@evil.test is outside the allowed domains",
        messageKey: "portalaccess.domainNotAllowed",
        field: "email",
        params: ["x@evil.test", "acme.com"],
      }),
    ).toEqual({
      status: 400,
      error: "domain_not_allowed",
      errorMessage: "x@evil.test is outside the allowed domains",
      messageKey: "portalaccess.domainNotAllowed",
      field: "email",
      params: ["x@evil.test", "acme.com"],
    });
  });

  it("reads Keycloak's ErrorRepresentation (no error code) and OAuth2 errors", () => {
    const rep = toErrorContract(409, { errorMessage: "User exists with same username", field: "username" });
    expect(rep.error).toBe("http_409");
    expect(rep.errorMessage).toBe("User exists with same username");
    expect(rep.field).toBe("username");

    const oauth = toErrorContract(401, { error: "invalid_token", error_description: "Token expired" });
    expect(oauth).toMatchObject({ status: 401, error: "invalid_token", errorMessage: "Token expired" });
  });

  it("keeps a short text body and drops a page-sized one", () => {
    expect(toErrorContract(502, "Bad gateway")).toEqual({ status: 502, error: "http_502", errorMessage: "Bad gateway" });
    expect(toErrorContract(500, "<html>".padEnd(2000, "x")).errorMessage).toBeUndefined();
    expect(toErrorContract(undefined, undefined)).toEqual({ status: undefined, error: "network_error", errorMessage: undefined });
  });

  it("turns non-string params into text and ignores blank fields", () => {
    const c = toErrorContract(400, { error: "bad", params: [3, { a: 1 }], field: "  " });
    expect(c.params).toEqual(["3", '{"a":1}']);
    expect(c.field).toBeUndefined();
  });
});

describe("errorFromUnknown", () => {
  it("unwraps ApiError, the admin client's NetworkError and plain errors", () => {
    const api = new ApiError({ status: 403, error: "portalaccess_no_access" });
    expect(errorFromUnknown(api)).toBe(api.contract);

    const network = Object.assign(new Error("Forbidden"), {
      response: { status: 403 },
      responseData: { error: "HTTP 403 Forbidden" },
    });
    expect(errorFromUnknown(network)).toMatchObject({ status: 403, error: "HTTP 403 Forbidden" });

    expect(errorFromUnknown(new Error("boom"))).toEqual({ error: "client_error", errorMessage: "boom" });
    expect(errorFromUnknown("text")).toEqual({ error: "client_error", errorMessage: "text" });
  });
});

describe("describeError", () => {
  it("prefers the console's message for messageKey, with positional params", () => {
    const shown = describeError(
      {
        status: 400,
        error: "domain_not_allowed",
        errorMessage: "server text",
        messageKey: "portalaccess.domainNotAllowed",
        field: "email",
        params: ["x@evil.test", "acme.com"],
      },
      bundle,
    );
    expect(shown).toEqual({
      title: "Refused",
      message: "x@evil.test is not one of the customer's domains (acme.com)",
      field: "email",
    });
  });

  it("falls back to the server's errorMessage for an unknown key", () => {
    const shown = describeError({ status: 400, error: "x", messageKey: "portalaccess.unknown", errorMessage: "server text" }, bundle);
    expect(shown.message).toBe("server text");
  });

  it("then to the console's message for the error code, then to a generic text naming the code", () => {
    expect(describeError({ status: 403, error: "portalaccess_no_access" }, bundle)).toEqual({
      title: "Not allowed",
      message: "No rights here",
      field: undefined,
    });
    expect(describeError({ status: 500, error: "unknown_error" }, bundle)).toEqual({
      title: "Failed",
      message: "Refused (unknown_error)",
      field: undefined,
    });
  });
});

describe("errorsByField", () => {
  it("keeps the first error per field and leaves field-less errors out", () => {
    expect(
      errorsByField(
        [
          { error: "a", field: "email", errorMessage: "first" },
          { error: "b", field: "email", errorMessage: "second" },
          { error: "c", errorMessage: "no field" },
          { error: "d", field: "name", errorMessage: "name error" },
        ],
        bundle,
      ),
    ).toEqual({ email: "first", name: "name error" });
  });

  it("numbers params for i18next", () => {
    expect(paramOptions(["a", "b"])).toEqual({ 0: "a", 1: "b" });
    expect(paramOptions(undefined)).toEqual({});
  });
});
