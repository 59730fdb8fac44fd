package dev.portalaccess.keycloak.it.console;

import static dev.portalaccess.keycloak.testsupport.ConsoleBrowser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.ConsoleBrowser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Seed 000 "the customer can configure their IdP details from within the team settings", end to end in a real
 * headless Chromium: a customer Administrator sets up SAML on the team page from the metadata URL of a second realm of
 * the same server acting as the customer's IdP (a bad URL first, refused by the field), runs the test sign-in in a new
 * window (a real SAML round trip, signed responses validated with the certificate from the metadata; no account is
 * made), turns it on; an invited user then signs in through it (sent there by the email domain) and the invitation
 * is activated just in time. Before the provider is on, a user's sign-in through it is refused. Screenshots in
 * {@code integration-tests/target/screenshots/}.
 */
@KeycloakIntegrationTest
class CustomerSamlBrowserIT {

    @Test
    void anAdministratorSetsUpTestsAndTurnsOnSamlAndAnInvitedUserIsActivatedThroughIt(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        TeamRealm realm = TeamRealm.create(admin, "saml-team");
        CustomerIdpRealm idp = new CustomerIdpRealm(server, admin, "saml-team-idp");
        try {
            admin.put("/admin/realms/" + realm.name, Map.of("eventsEnabled", true)).expect(204);
            String acme = realm.customer("Acme");
            String ann = realm.user("ann", "ann@acme.example");
            realm.join(acme, ann);
            JsonNode org = admin.get(realm.path("/organizations/" + acme)).expect(200).json();
            ((ObjectNode) org.path("attributes")).putArray("portalaccess.selfService.saml").add("true");
            admin.put(realm.path("/organizations/" + acme), org.toString()).expect(204);
            idp.client(realm.name, "saml-acme");
            idp.user("ann@acme.example");
            idp.user("ivy@acme.example");

            browser.open(realm.teamUrl(server)).signIn("ann", TeamRealm.PASSWORD);
            browser.waitForText(testId("customer-name"), "Acme");
            WebElement card = browser.waitFor(testId("saml"));
            assertTrue(card.getText().contains("Sign-in with your identity provider (SAML)"), card.getText());

            // a metadata URL that does not answer: refused under the field, with the reason
            type(browser.waitFor(By.id("saml-metadata-url")), server.baseUrl() + "/realms/no-such-idp/protocol/saml/descriptor");
            browser.byTestId("saml-save").click();
            WebElement refusal = browser.waitFor(testId("field-error-metadataUrl"));
            assertTrue(refusal.getText().startsWith("The metadata could not be fetched from this URL."), refusal.getText());
            assertTrue(refusal.getText().contains("404"), refusal.getText());
            browser.screenshot("metadata-refused");

            // the IdP realm's metadata: saved, in testing
            type(browser.driver().findElement(By.id("saml-metadata-url")), idp.metadataUrl());
            browser.byTestId("saml-save").click();
            browser.waitForText(testId("saml-notice"), "The identity provider was saved.");
            WebElement provider = browser.waitFor(testId("saml-provider"));
            assertEquals("testing", provider.getAttribute("data-state"));
            assertEquals(idp.entityId(), browser.byTestId("saml-entity-id").getText());
            assertFalse(browser.byTestId("saml-turn-on").isEnabled(), "no turning on before a successful test");

            // before it is on, a user cannot sign in through it
            try (ConsoleBrowser early = ConsoleBrowser.start("CustomerSamlBrowserIT-early")) {
                early.open(server.baseUrl() + "/realms/" + realm.name + "/protocol/openid-connect/auth?client_id=portal-access-team"
                        + "&response_type=code&scope=openid&kc_idp_hint=saml-acme&code_challenge_method=S256"
                        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&redirect_uri=" + realm.teamUrl(server));
                idpLogin(early, "ivy@acme.example");
                early.until(d -> early.bodyText().contains("is not turned on yet"), "the refusal while testing");
                early.screenshot("refused-while-testing");
            }
            assertTrue(admin.get(realm.path("/users?email=ivy@acme.example")).expect(200).list().isEmpty(), "no account while testing");

            // test sign-in in a new window: a real SAML login at the customer's IdP, no account made
            String teamWindow = browser.driver().getWindowHandle();
            browser.byTestId("saml-test").click();
            String testWindow = browser.until(d -> d.getWindowHandles().stream().filter(h -> !h.equals(teamWindow)).findFirst().orElse(null),
                    "the test window");
            browser.driver().switchTo().window(testWindow);
            idpLogin(browser, "ann@acme.example");
            browser.until(d -> browser.bodyText().contains("Test sign-in succeeded"), "the test's result page");
            assertTrue(browser.bodyText().contains("ann@acme.example"), browser.bodyText());
            browser.screenshot("test-window");
            browser.driver().close();
            browser.driver().switchTo().window(teamWindow);
            browser.waitForText(testId("saml-notice"), "Test sign-in succeeded: your identity provider returned ann@acme.example.");
            browser.until(d -> "true".equals(d.findElement(testId("saml-provider")).getAttribute("data-tested")), "tested");
            assertTrue(browser.byTestId("saml-test-result").getText().startsWith("Succeeded as ann@acme.example"));
            assertEquals(0, admin.get(realm.path("/users/" + ann + "/federated-identity")).expect(200).list().size(),
                    "the test links no account");

            // on for the customer's users
            browser.byTestId("saml-turn-on").click();
            browser.waitForText(testId("saml-notice"), "Sign-in through your identity provider is on.");
            browser.until(d -> "on".equals(d.findElement(testId("saml-provider")).getAttribute("data-state")), "on");
            browser.screenshot("saml-on");
            assertEquals(List.of(), browser.consoleErrors().stream()
                    .filter(e -> !e.contains("Failed to load resource: the server responded with a status of 4")).toList());

            // ivy is invited; she signs in with her email, is sent to her IdP and is activated just in time
            realm.as("ann").post(realm.selfService("/customers/" + acme + "/invitations"), Map.of("email", "ivy@acme.example", "role", "Viewer"))
                    .expect(201);
            try (ConsoleBrowser ivy = ConsoleBrowser.start("CustomerSamlBrowserIT-invitee")) {
                ivy.open(realm.teamUrl(server));
                WebElement username = ivy.waitFor(By.id("username"));
                username.sendKeys("ivy@acme.example");
                ivy.driver().findElement(By.id("kc-login")).click();
                idpLogin(ivy, "ivy@acme.example");
                ivy.waitForText(testId("customer-name"), "Acme");
                assertEquals("Your role: Viewer", ivy.byTestId("my-role").getText());
                ivy.screenshot("invitee-signed-in");
            }
            assertEquals("Viewer", realm.team("ann", acme).get("ivy@acme.example"));
            assertEquals(List.of(), realm.as("ann").get(realm.selfService("/customers/" + acme + "/invitations")).expect(200).list());
            JsonNode ivyUser = admin.get(realm.path("/users?exact=true&email=ivy@acme.example")).expect(200).list().get(0);
            assertEquals(Set.of("saml-acme"), Set.copyOf(admin.get(realm.path("/users/" + ivyUser.path("id").asText() + "/federated-identity"))
                    .expect(200).list().stream().map(l -> l.path("identityProvider").asText()).toList()));
            assertTrue(admin.get(realm.path("/events?type=INVITE_ORG")).expect(200).list().stream()
                    .anyMatch(e -> "saml-acme".equals(e.path("details").path("identity_provider").asText())), "JIT activation event");

            // turned back to testing, the provider keeps out the users already linked to it too (post broker login flow)
            realm.as("ann").put(realm.selfService("/customers/" + acme + "/saml/enabled"), Map.of("enabled", false)).expect(200);
            try (ConsoleBrowser again = ConsoleBrowser.start("CustomerSamlBrowserIT-linked")) {
                again.open(server.baseUrl() + "/realms/" + realm.name + "/protocol/openid-connect/auth?client_id=portal-access-team"
                        + "&response_type=code&scope=openid&kc_idp_hint=saml-acme&code_challenge_method=S256"
                        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&redirect_uri=" + realm.teamUrl(server));
                idpLogin(again, "ivy@acme.example");
                again.until(d -> again.bodyText().contains("is not turned on yet"), "the refusal of a linked user while testing");
                again.screenshot("linked-refused-while-testing");
            }
            assertTrue(admin.get(realm.path("/events?type=IDENTITY_PROVIDER_POST_LOGIN_ERROR")).expect(200).list().stream()
                    .anyMatch(e -> "customer_saml_not_on".equals(e.path("error").asText())), "the refusal's user event");
            // on again for the vendor's part below (the test of this configuration still counts)
            realm.as("ann").put(realm.selfService("/customers/" + acme + "/saml/enabled"), Map.of("enabled", true)).expect(200);

            // the vendor sees the customer-made provider on the customer's Authentication tab, disables and removes it
            String boss = realm.user("boss", "boss@vendor.example");
            String management = admin.get(realm.path("/clients?clientId=realm-management")).expect(200).list().get(0).path("id").asText();
            admin.post(realm.path("/users/" + boss + "/role-mappings/clients/" + management),
                    List.of(admin.get(realm.path("/clients/" + management + "/roles/realm-admin")).expect(200).json())).expect(204);
            try (ConsoleBrowser vendor = ConsoleBrowser.start("CustomerSamlBrowserIT-vendor")) {
                CustomerPages page = new CustomerPages(vendor);
                vendor.open(server.baseUrl() + "/realms/" + realm.name + "/portal-access/console/" + realm.name + "/customers/" + acme
                        + "/authentication").signIn("boss", TeamRealm.PASSWORD);
                WebElement made = vendor.waitFor(testId("customer-made-provider"));
                assertEquals("saml-acme", made.getAttribute("data-alias"));
                assertEquals("on", made.getAttribute("data-state"));
                assertTrue(made.getText().contains(idp.entityId()), made.getText());
                // PatternFly's switch input is visually hidden: read its state, do not wait for it to be visible
                assertTrue(vendor.driver().findElement(testId("self-service-saml")).isSelected(), "the vendor's switch shows the customer setting");
                vendor.script("arguments[0].scrollIntoView({block: 'center'});", made);
                vendor.screenshot("vendor-sees-it");
                page.click("customer-made-disable");
                page.notice("The customer's identity provider saml-acme is disabled.");
                vendor.until(d -> "disabled".equals(d.findElement(testId("customer-made-provider")).getAttribute("data-state")), "disabled");
                assertFalse(admin.get(realm.path("/identity-provider/instances/saml-acme")).expect(200).json().path("enabled").asBoolean());
                // the customer cannot switch it back on
                assertEquals(409, realm.as("ann").put(realm.selfService("/customers/" + acme + "/saml/enabled"), Map.of("enabled", true)).status());
                page.click("customer-made-remove");
                page.notice("The customer's identity provider saml-acme was removed.");
                vendor.waitFor(testId("customer-made-none"));
                admin.get(realm.path("/identity-provider/instances/saml-acme")).expect(404);
                // and the vendor's switch off: the team page's SAML endpoints refuse
                page.flip("self-service-saml");
                page.notice("Saved");
                assertEquals(403, realm.as("ann").get(realm.selfService("/customers/" + acme + "/saml")).status());
                vendor.script("arguments[0].scrollIntoView({block: 'center'});", vendor.byTestId("customer-made-saml"));
                vendor.screenshot("vendor-removed");
            }
        } finally {
            realm.delete();
            idp.delete();
        }
    }

    /** The customer IdP realm's login form: the user's email and password. */
    private static void idpLogin(ConsoleBrowser browser, String email) {
        WebElement user = browser.waitFor(By.id("username"));
        browser.until(d -> d.getCurrentUrl().contains("/realms/saml-team-idp"), "the customer IdP's login page");
        user.clear();
        user.sendKeys(email);
        browser.driver().findElement(By.id("password")).sendKeys(CustomerIdpRealm.PASSWORD);
        browser.driver().findElement(By.id("kc-login")).click();
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }
}
