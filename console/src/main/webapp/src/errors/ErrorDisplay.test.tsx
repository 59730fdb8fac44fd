import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";

import { createI18n } from "../i18n";
import { ErrorAlert, FieldError } from "./ErrorDisplay";
import type { ErrorContract } from "./errorContract";

async function render(language: "en" | "de", element: JSX.Element): Promise<string> {
  const i18n = await createI18n(language);
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
}

const noAccess: ErrorContract = { status: 403, error: "portalaccess_no_access", errorMessage: "User x has no rights" };

describe("ErrorAlert", () => {
  it("shows the localized title and the console's message for a known code", async () => {
    const en = await render("en", <ErrorAlert error={{ status: 403, error: "portalaccess_no_access" }} />);
    expect(en).toContain("Not allowed");
    expect(en).toContain("You have no administrative rights in this realm.");
    expect(en).toContain('data-error="portalaccess_no_access"');

    const de = await render("de", <ErrorAlert error={{ status: 403, error: "portalaccess_no_access" }} />);
    expect(de).toContain("Nicht erlaubt");
    expect(de).toContain("Sie haben keine Administrationsrechte in diesem Realm.");
  });

  it("shows the server's text when the console has no message for the key", async () => {
    const html = await render("en", <ErrorAlert error={noAccess} />);
    expect(html).toContain("User x has no rights");
  });
});

describe("FieldError", () => {
  const invalid: ErrorContract = { status: 400, error: "invalid", field: "email", errorMessage: "not an address" };

  it("renders under the field the error names", async () => {
    const html = await render("en", <FieldError error={invalid} field="email" />);
    expect(html).toContain('data-testid="field-error-email"');
    expect(html).toContain("not an address");
  });

  it("renders nothing for another field or no error", async () => {
    expect(await render("en", <FieldError error={invalid} field="name" />)).toBe("");
    expect(await render("en", <FieldError field="email" />)).toBe("");
  });
});
