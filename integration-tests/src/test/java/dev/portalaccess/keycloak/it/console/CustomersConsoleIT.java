package dev.portalaccess.keycloak.it.console;

import static dev.portalaccess.keycloak.testsupport.ConsoleBrowser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.ConsoleBrowser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The customer pages in a real headless Chromium, as an identity admin uses them: the customers list (search,
 * paging, create), each tab of a customer's page with a refusal shown where it happens, and a delegated
 * organization admin who sees only their customers. What the page shows is checked against the typed admin API.
 * Screenshots: {@code integration-tests/target/screenshots/CustomersConsoleIT-*.png}.
 */
@KeycloakIntegrationTest
class CustomersConsoleIT {

    @Test
    void theListSearchesAndPagesOnTheServerAndCreatesACustomer(ConsoleBrowser browser, KeycloakServer server, Rest admin, MailSink mail) {
        CustomerConsoleRealm realm = CustomerConsoleRealm.create(admin, server, "cust-list");
        try {
            realm.realmAdmin("boss");
            for (int i = 1; i <= 23; i++) {
                String n = String.format("%02d", i);
                realm.createCustomer("cust" + n, "Customer " + n, "cust" + n + ".example");
            }
            String globex = realm.createCustomer("globex", "Globex", "globex-corp.example");
            realm.addMember(globex, realm.createUser("gina", "gina@globex-corp.example"));
            admin.put(realm.api("/customers/" + globex + "/settings"),
                    Map.of("domainRestriction", Map.of("enabled", true, "entries", List.of("globex-corp.example")),
                            "features", List.of("alerts"))).expect(200);

            CustomerPages page = new CustomerPages(browser);
            browser.open(realm.consoleUrl(server)).signIn("boss", CustomerConsoleRealm.PASSWORD);
            page.click("nav-customers");
            WebElement table = browser.waitFor(testId("customers-table"));
            assertEquals("24", table.getAttribute("data-count"), browser.bodyText());
            assertEquals(20, page.all("col-users").size(), "first page of 20");
            assertEquals("Customers", page.text("page-title"));

            // the second page comes from the server (first=20)
            browser.driver().findElement(By.cssSelector("[data-testid='customers-pagination'] button[data-action='next']")).click();
            browser.until(d -> page.all("col-users").size() == 4, "the 4 customers of page 2");

            // search by domain finds Globex, with its columns
            page.search("globex-corp");
            browser.until(d -> page.all("col-users").size() == 1 && !page.all("customer-row-globex").isEmpty(), "only Globex");
            WebElement row = page.row("customer-row-globex");
            assertEquals("1", row.findElement(testId("col-users")).getText());
            assertEquals("0", row.findElement(testId("col-pending")).getText());
            assertEquals("2 of 4", row.findElement(testId("col-features")).getText(), "alerts comes with deployments");
            assertEquals("true", row.findElement(testId("col-domain-restriction")).getAttribute("data-value"));
            assertEquals("true", row.findElement(testId("col-portal-access")).getAttribute("data-value"));
            browser.screenshot("list-search");
            page.search("no-such-customer");
            page.waitForText("customers-empty", "No customer matches");

            // create: the dialog says the contact gets an invitation; a taken alias is refused by the alias field
            page.search("");
            page.click("create-customer");
            page.waitForText("create-customer-auto-invite", "an invitation goes out");
            page.type("customer-name", "Initech").type("customer-alias", "globex");
            String contact = "peter@initech.example";
            page.type("customer-contactEmail", contact).type("customer-portalUrl", "https://portal.initech.example/");
            browser.screenshot("create-dialog");
            page.click("create-customer-submit");
            String refusal = browser.waitFor(By.cssSelector("[data-testid^='field-error-'], [data-testid='error-alert']")).getText();
            assertTrue(refusal.toLowerCase().contains("globex") || refusal.toLowerCase().contains("alias"), refusal);
            page.type("customer-alias", "initech");
            page.click("create-customer-submit");
            WebElement created = browser.waitFor(testId("customer-created"));
            assertEquals("true", created.getAttribute("data-invitation-sent"), created.getText());
            assertTrue(created.getText().contains(contact), created.getText());
            assertEquals("Initech", page.text("page-title"));
            mail.awaitMail(contact, "Initech");
            String initech = realm.customerId("initech");
            assertEquals(contact, realm.settings(initech).path("contactEmail").asText());
            assertEquals(List.of(), browser.consoleErrors().stream().filter(e -> !e.contains("the server responded with a status of")).toList());
        } finally {
            realm.delete();
        }
    }

    @Test
    void portalAccessIsSwitchedOffAndOn(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        CustomerConsoleRealm realm = CustomerConsoleRealm.create(admin, server, "cust-access");
        try {
            realm.realmAdmin("boss");
            String acme = realm.createCustomer("acme", "Acme", "acme.example");
            CustomerPages page = new CustomerPages(browser);
            browser.open(realm.customerUrl(server, acme, "portal-access")).signIn("boss", CustomerConsoleRealm.PASSWORD);
            assertEquals("true", browser.waitFor(testId("portal-access-state")).getAttribute("data-enabled"));
            assertTrue(browser.bodyText().contains("What is kept"), browser.bodyText());
            page.flip("portal-access-switch");
            page.notice("Saved");
            browser.until(d -> "false".equals(d.findElement(testId("portal-access-state")).getAttribute("data-enabled")), "off");
            assertFalse(realm.settings(acme).path("portalAccess").path("enabled").asBoolean(true), "stored off");
            browser.screenshot("portal-access-off");
            page.flip("portal-access-switch");
            browser.until(d -> "true".equals(d.findElement(testId("portal-access-state")).getAttribute("data-enabled")), "on");
            browser.until(d -> realm.settings(acme).path("portalAccess").path("enabled").asBoolean(false), "stored on");
        } finally {
            realm.delete();
        }
    }

    @Test
    void aDelegateWithViewOnlyIsRefusedWhereTheyTryToChangeSomething(KeycloakServer server, Rest admin) {
        CustomerConsoleRealm realm = CustomerConsoleRealm.create(admin, server, "cust-view");
        try (ConsoleBrowser browser = ConsoleBrowser.start("CustomersConsoleIT-viewOnlyDelegate-de", "de-DE")) {
            String acme = realm.createCustomer("acme", "Acme", "acme.example");
            realm.grantAdminRoles(realm.createUser("vic"), "query-organizations");
            realm.delegate("vic", List.of("view"), acme);
            CustomerPages page = new CustomerPages(browser);
            browser.open(realm.customerUrl(server, acme, "portal-access")).signIn("vic", CustomerConsoleRealm.PASSWORD);
            browser.waitFor(testId("portal-access-state"));
            page.flip("portal-access-switch");
            String refusal = page.errorAlert();
            assertTrue(refusal.contains("Nicht erlaubt"), "German title of a 403: " + refusal);
            assertTrue(realm.settings(acme).path("portalAccess").path("enabled").asBoolean(false), "nothing stored");
            browser.screenshot("refused");
        } finally {
            realm.delete();
        }
    }

    @Test
    void usersTabInvitesChangesRolesAndKeepsTheLastAdministrator(ConsoleBrowser browser, KeycloakServer server, Rest admin, MailSink mail) {
        CustomerConsoleRealm realm = CustomerConsoleRealm.create(admin, server, "cust-users");
        try {
            realm.realmAdmin("boss");
            String acme = realm.createCustomer("acme", "Acme", "acme.example");
            realm.addMember(acme, realm.createUser("ann", "ann@acme.example"));
            realm.addMember(acme, realm.createUser("ulf", "ulf@acme.example"));
            admin.put(realm.api("/customers/" + acme + "/settings"),
                    Map.of("domainRestriction", Map.of("enabled", true, "entries", List.of("acme.example")))).expect(200);
            assertEquals("Administrator", realm.roleOf(acme, "ann"), "the first user");

            CustomerPages page = new CustomerPages(browser);
            browser.open(realm.customerUrl(server, acme, "users")).signIn("boss", CustomerConsoleRealm.PASSWORD);
            WebElement ann = page.row("member-ann");
            assertEquals("Administrator", ann.getAttribute("data-role"));
            assertTrue(ann.getText().contains("Last Administrator"), ann.getText());
            assertEquals("User", page.row("member-ulf").getAttribute("data-role"));

            // the last Administrator cannot become a Viewer: refused by the row, nothing changed
            page.select(By.cssSelector("[data-testid='member-ann'] [data-testid='member-role-select']"), "Viewer");
            String refusal = browser.waitFor(By.cssSelector("[data-testid='member-ann'] [data-testid='row-error']")).getText();
            assertTrue(refusal.contains("last Administrator") || refusal.contains("Administrator"), refusal);
            assertEquals("Administrator", realm.roleOf(acme, "ann"));
            browser.screenshot("last-administrator");

            // nor be removed: the confirmation dialog shows the refusal
            page.clickIn("member-ann", "remove-member");
            page.click("remove-member-dialog-confirm");
            assertTrue(browser.waitFor(By.cssSelector("[data-testid='remove-member-dialog'] [data-testid='error-alert']")).getText()
                    .contains("Administrator"));
            page.click("remove-member-dialog-cancel");
            assertEquals("Administrator", realm.roleOf(acme, "ann"));

            // ulf becomes Viewer
            page.select(By.cssSelector("[data-testid='member-ulf'] [data-testid='member-role-select']"), "Viewer");
            page.notice("is now Viewer");
            assertEquals("Viewer", realm.roleOf(acme, "ulf"));

            // an invitation outside the allowed domains is refused by the email field
            page.click("invite-user");
            page.type("invite-email", "eve@evil.example").type("invite-firstName", "Eve");
            page.select("invite-role", "Viewer: Reads only");
            page.click("invite-submit");
            String byEmail = page.fieldError("email");
            assertTrue(byEmail.contains("eve@evil.example") || byEmail.toLowerCase().contains("domain"), byEmail);
            browser.screenshot("invite-refused");
            assertEquals(List.of(), realm.invitations(acme));

            // inside them: a pending invitation with its role and expiry
            page.type("invite-email", "vera@acme.example").type("invite-firstName", "Vera").type("invite-lastName", "Viewer");
            page.click("invite-submit");
            page.notice("vera@acme.example");
            WebElement vera = page.row("invitation-vera@acme.example");
            assertEquals("Viewer", vera.getAttribute("data-role"));
            assertFalse(page.within(vera, "invitation-expires").getText().isBlank(), vera.getText());
            mail.awaitMail("vera@acme.example", "Acme");
            assertEquals("Viewer", realm.invitations(acme).get(0).path("role").asText());
            browser.screenshot("users");

            page.clickIn("invitation-vera@acme.example", "resend-invitation");
            page.notice("sent again");
            browser.until(d -> mail.mailsTo("vera@acme.example").size() >= 2, "the second mail");

            page.clickIn("invitation-vera@acme.example", "cancel-invitation");
            page.click("cancel-invitation-dialog-confirm");
            page.waitForText("no-invitations", "No pending invitations");
            assertEquals(List.of(), realm.invitations(acme));

            // removing ulf after confirmation
            page.clickIn("member-ulf", "remove-member");
            page.click("remove-member-dialog-confirm");
            page.notice("was removed");
            page.gone(testId("member-ulf"));
            assertNull(realm.roleOf(acme, "ulf"));
        } finally {
            realm.delete();
        }
    }

    @Test
    void authenticationTabValidatesEntriesAndLinksTheSamlProvider(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        CustomerConsoleRealm realm = CustomerConsoleRealm.create(admin, server, "cust-auth");
        try {
            realm.realmAdmin("boss");
            String acme = realm.createCustomer("acme", "Acme", "acme.example");
            admin.post(realm.path("/identity-provider/instances"), Map.of("alias", "acme-saml", "displayName", "Acme SAML",
                    "providerId", "saml", "enabled", true, "config", Map.of(
                            "singleSignOnServiceUrl", "https://idp.acme.example/sso", "entityId", "https://idp.acme.example",
                            "nameIDPolicyFormat", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"))).expect(201);

            CustomerPages page = new CustomerPages(browser);
            browser.open(realm.customerUrl(server, acme, "authentication")).signIn("boss", CustomerConsoleRealm.PASSWORD);
            page.flip("domain-restriction-switch");
            page.type("domain-entry-0", "acme.example");
            page.click("domain-entry-add");
            page.type("domain-entry-1", "not a domain!");
            // checked as typed, by the server's engine, with nothing stored
            String typed = page.fieldError("domainRestriction.entries[1]");
            assertTrue(typed.contains("not a domain"), typed);
            page.browser.waitFor(testId("domain-entry-ok-0"));
            assertFalse(realm.settings(acme).path("domainRestriction").path("enabled").asBoolean(), "a check stores nothing");
            assertEquals(0, realm.settings(acme).path("domainRestriction").path("entries").size());
            page.click("domain-entry-add");
            page.type("domain-entry-2", "ACME.example");
            assertTrue(page.fieldError("domainRestriction.entries[2]").contains("already entry 1"), "repeat marked while typing");
            page.click("domain-entry-remove-2");
            page.click("domain-restriction-save");
            String reason = page.fieldError("domainRestriction.entries[1]");
            assertFalse(reason.isBlank());
            assertFalse(realm.settings(acme).path("domainRestriction").path("enabled").asBoolean(), "nothing stored: " + reason);
            browser.screenshot("bad-entry");

            page.type("domain-entry-1", "*.acme-partner.example");
            page.click("domain-restriction-save");
            page.notice("Saved");
            JsonNode stored = realm.settings(acme).path("domainRestriction");
            assertTrue(stored.path("enabled").asBoolean(), stored.toString());
            assertEquals(2, stored.path("entries").size(), stored.toString());

            page.select("saml-provider", "Acme SAML (acme-saml)");
            page.click("saml-link");
            page.notice("Linked to acme-saml");
            assertEquals("acme-saml", admin.get(realm.api("/customers/" + acme + "/identity-provider")).expect(200).json().path("alias").asText());
            page.click("jit-join");
            page.click("jit-save");
            page.notice("Saved");
            assertEquals("join", realm.settings(acme).path("jit").path("withoutInvitation").asText());
            browser.screenshot("authentication");
            page.click("saml-unlink");
            page.notice("No identity provider linked");
            JsonNode unlinked = admin.get(realm.api("/customers/" + acme + "/identity-provider")).expect(200).json().path("alias");
            assertTrue(unlinked.isNull() || unlinked.isMissingNode(), unlinked.toString());
        } finally {
            realm.delete();
        }
    }

    @Test
    void serviceAccountsAreCreatedWithTheSecretShownOnceAndRevoked(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        CustomerConsoleRealm realm = CustomerConsoleRealm.create(admin, server, "cust-sa");
        try {
            realm.realmAdmin("boss");
            String acme = realm.createCustomer("acme", "Acme", "acme.example");
            CustomerPages page = new CustomerPages(browser);
            browser.open(realm.customerUrl(server, acme, "service-accounts")).signIn("boss", CustomerConsoleRealm.PASSWORD);
            page.waitForText("no-service-accounts", "No service accounts");
            page.click("create-service-account");
            page.type("service-account-name", "Bad Name!");
            page.click("service-account-submit");
            assertFalse(page.fieldError("name").isBlank());
            page.type("service-account-name", "ci-robot").type("service-account-description", "Build server");
            page.click("service-account-submit");
            WebElement created = browser.waitFor(testId("service-account-created"));
            String clientId = browser.driver().findElement(By.cssSelector("[data-testid='created-client-id'] input")).getAttribute("value");
            String secret = browser.driver().findElement(By.cssSelector("[data-testid='created-secret'] input")).getAttribute("value");
            assertEquals("customer-acme-ci-robot", clientId, created.getText());
            assertTrue(secret.length() >= 16, "a secret");
            assertFalse(created.findElements(By.cssSelector("button[aria-label='Copy to clipboard']")).isEmpty(), "copy buttons");
            // the secret works: a client-credentials grant
            Rest.anonymous(server).clientCredentialsGrant(realm.name, clientId, secret).expect(200);
            browser.screenshot("secret-once");
            page.click("service-account-done");
            WebElement row = page.row("service-account-" + clientId);
            assertEquals("active", row.getAttribute("data-status"));
            assertFalse(browser.bodyText().contains(secret), "the secret is not shown again");

            page.clickIn("service-account-" + clientId, "revoke-service-account");
            page.click("revoke-service-account-dialog-confirm");
            page.notice("was revoked");
            browser.until(d -> "revoked".equals(d.findElement(testId("service-account-" + clientId)).getAttribute("data-status")), "revoked");
            Rest.anonymous(server).clientCredentialsGrant(realm.name, clientId, secret).expect(400, 401);
            browser.screenshot("service-accounts");
        } finally {
            realm.delete();
        }
    }

    @Test
    void featuresComeWithWhatTheyNeedAndAnUnknownFeatureIsRefused(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        CustomerConsoleRealm realm = CustomerConsoleRealm.create(admin, server, "cust-feat");
        try {
            realm.realmAdmin("boss");
            String acme = realm.createCustomer("acme", "Acme", "acme.example");
            admin.put(realm.api("/customers/" + acme + "/settings"), Map.of("features", List.of("artifacts"))).expect(200);
            CustomerPages page = new CustomerPages(browser);
            browser.open(realm.customerUrl(server, acme, "features")).signIn("boss", CustomerConsoleRealm.PASSWORD);
            page.waitForText("features-summary", "1 of 4 on");
            page.click("feature-alerts");
            page.waitForText("features-comesWith", "Alerts needs Deployments");
            assertTrue(page.el("feature-deployments").isSelected(), "Deployments comes with Alerts");
            page.waitForText("features-summary", "3 of 4 on");
            page.click("features-save");
            page.notice("Saved");
            JsonNode features = realm.settings(acme).path("features");
            assertTrue(features.toString().contains("deployments") && features.toString().contains("alerts"), features.toString());

            page.click("feature-deployments");
            page.waitForText("features-goesWith", "Alerts need Deployments");
            assertFalse(page.el("feature-alerts").isSelected(), "Alerts goes with Deployments");
            browser.screenshot("features");
            page.click("feature-deployments");

            // the catalogue changes while the page is open: support-bundles is gone; checking it is refused
            admin.put(realm.api("/settings/features"), Map.of("rolesEnabled", true, "catalog", List.of(
                    Map.of("name", "deployments", "label", "Deployments", "default", true, "requires", List.of()),
                    Map.of("name", "alerts", "label", "Alerts", "default", false, "requires", List.of("deployments")),
                    Map.of("name", "artifacts", "label", "Artifacts", "default", true, "requires", List.of())))).expect(200);
            page.click("feature-support-bundles");
            page.click("features-save");
            String refusal = page.errorAlert();
            assertTrue(refusal.contains("support-bundles"), refusal);
            assertFalse(realm.settings(acme).path("features").toString().contains("support-bundles"));
            browser.screenshot("unknown-feature");
        } finally {
            realm.delete();
        }
    }

    @Test
    void aDelegatedOrganizationAdminSeesAndManagesOnlyTheirCustomers(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        CustomerConsoleRealm realm = CustomerConsoleRealm.create(admin, server, "cust-deleg");
        try {
            String acme = realm.createCustomer("acme", "Acme", "acme.example");
            String globex = realm.createCustomer("globex", "Globex", "globex.example");
            realm.createCustomer("initech", "Initech", "initech.example");
            realm.grantAdminRoles(realm.createUser("olga"), "query-organizations");
            realm.delegate("olga", List.of("view", "manage"), acme, globex);

            CustomerPages page = new CustomerPages(browser);
            browser.open(realm.consoleUrl(server)).signIn("olga", CustomerConsoleRealm.PASSWORD);
            page.click("nav-customers");
            WebElement table = browser.waitFor(testId("customers-table"));
            assertEquals("2", table.getAttribute("data-count"), browser.bodyText());
            assertEquals(2, page.all("col-users").size());
            assertTrue(page.all("customer-row-initech").isEmpty(), "not theirs");
            assertTrue(page.text("customers-delegated").contains("customers you administer"));
            assertTrue(page.all("create-customer").isEmpty(), "creating needs manage-organizations");
            browser.screenshot("delegated-list");

            // theirs: changed through the page
            page.click("customer-link-acme");
            page.flip("portal-access-switch");
            page.notice("Saved");
            assertFalse(realm.settings(acme).path("portalAccess").path("enabled").asBoolean(true));

            // not theirs: a deep link is refused (Keycloak answers 403 for an organization they may not view)
            browser.open(realm.customerUrl(server, realm.customerId("initech"), "users"));
            WebElement refused = browser.waitFor(By.cssSelector("[data-testid='not-found'], [data-testid='error-alert']"));
            assertFalse(refused.getText().contains("Initech"), refused.getText());
            assertTrue(page.all("members-table").isEmpty(), "no members shown");
        } finally {
            realm.delete();
        }
    }
}
