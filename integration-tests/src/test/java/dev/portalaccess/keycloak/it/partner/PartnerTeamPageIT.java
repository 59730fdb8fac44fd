package dev.portalaccess.keycloak.it.partner;

import static dev.portalaccess.keycloak.testsupport.ConsoleBrowser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The team page (/realms/{realm}/portal-access/team/) of a partner realm in a real headless Chromium, signed in with
 * the realm's own users: a partner administrator (group partner-admins, no realm-management role) grants a partner
 * user access to a tenant and revokes it, invites an external user (the mail arrives) and cancels the invitation,
 * switches auto-add on and sees the rule refuse a single removal; a partner user sees only their own tenants, each
 * leading to the partner portal, and a crafted change with the page's own token is refused 403, another tenant 404.
 * Screenshots in {@code integration-tests/target/screenshots/}.
 */
@KeycloakIntegrationTest
class PartnerTeamPageIT {

    /** Wraps the page's fetch so the test can reuse the page's own bearer token for crafted calls. */
    private static final String CAPTURE_TOKEN = "window.__paToken = null; const original = window.fetch;"
            + " window.fetch = (url, init) => { const h = init && init.headers; if (h && h.Authorization) { window.__paToken = h.Authorization; }"
            + " return original(url, init); };";

    @Test
    void aPartnerAdministratorGrantsRevokesInvitesCancelsAndSwitchesAutoAdd(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String acme = r.tenant("acme");
        r.tenant("globex");
        r.grant(acme, r.staff("keeper")).expect(201);
        String bob = r.staff("bob");
        String pam = r.partnerAdmin("pam");

        browser.open(teamUrl(server, r)).signIn("pam", PartnerRealm.PASSWORD);
        browser.waitForText(testId("tenants-title"), "Customer tenants");
        assertTrue(browser.driver().findElements(testId("tenant-globex")).size() == 1, "every tenant of the realm");
        browser.screenshot("partner-tenants");
        browser.byTestId("tenant-acme").click();
        browser.waitForText(testId("tenant-name"), "acme");
        browser.waitFor(testId("user-keeper"));

        // grant through the typeahead
        browser.byTestId("grant-search").sendKeys("bo");
        browser.waitFor(testId("grant-bob")).click();
        browser.waitForText(testId("team-notice"), "bob now has access to acme.");
        browser.waitFor(testId("user-bob"));
        assertTrue(r.hasAccess(acme, bob));
        browser.screenshot("partner-granted");

        // revoke with the confirmation
        browser.byTestId("revoke-bob").click();
        browser.waitFor(testId("confirm-revoke")).click();
        browser.waitForText(testId("team-notice"), "bob no longer has access to acme.");
        browser.until(d -> d.findElements(testId("user-bob")).isEmpty(), "bob gone from the list");
        assertFalse(r.hasAccess(acme, bob));

        // invite an external user: the mail arrives; then cancel
        String email = "ext-" + System.nanoTime() + "@external.example";
        browser.driver().findElement(By.id("invite-email")).sendKeys(email);
        browser.byTestId("invite-submit").click();
        browser.waitForText(testId("team-notice"), "An invitation was sent to " + email + ".");
        browser.waitFor(testId("invitation-" + email));
        MailSink.shared().awaitMail(email, "");
        browser.screenshot("partner-invited");
        browser.byTestId("cancel-" + email).click();
        browser.waitForText(testId("team-notice"), "The invitation to " + email + " was cancelled.");
        browser.until(d -> d.findElements(testId("invitation-" + email)).isEmpty(), "the invitation gone");
        assertTrue(r.admin.get(r.pa("/tenants/" + acme + "/invitations")).expect(200).list().isEmpty());

        // a refusal by the field: inviting a partner user's address
        browser.driver().findElement(By.id("invite-email")).sendKeys("bob@partner.example");
        browser.byTestId("invite-submit").click();
        WebElement byField = browser.waitFor(By.cssSelector("[data-testid='invite-form'] .pf-m-error, [data-testid='invite-form'] [class*='helper-text']"));
        browser.until(d -> browser.bodyText().contains("belongs to a partner user"), "the partner-user refusal by the field");
        assertTrue(byField.isDisplayed());
        browser.driver().findElement(By.id("invite-email")).clear();

        // auto-add on: bob gets access back; a single removal is then refused with the rule's words
        browser.driver().findElement(By.cssSelector("label[for='auto-add']")).click();
        browser.waitForText(testId("team-notice"), "Automatically add partner users is on; 1 partner user gained access.");
        browser.waitFor(testId("user-bob"));
        assertTrue(r.hasAccess(acme, bob));
        browser.byTestId("revoke-bob").click();
        browser.waitFor(testId("confirm-revoke")).click();
        WebElement refused = browser.waitFor(testId("action-error"));
        assertEquals("autoAddEnabled", refused.getAttribute("data-error"));
        assertTrue(refused.getText().contains("turn it off before removing individual partner users"), refused.getText());
        assertTrue(r.hasAccess(acme, bob), "nothing removed");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", refused); // the page's own scroll container
        browser.screenshot("partner-auto-add-refusal");
        assertEquals(List.of(), scriptErrors(browser), "no script error, no CSP violation");

        // the admin events name pam, who has no admin-console account
        List<JsonNode> events = admin.get(r.base + "/admin-events?max=100").expect(200).list();
        for (String operation : List.of("CREATE", "DELETE", "ACTION", "UPDATE")) {
            assertTrue(events.stream().anyMatch(e -> e.path("operationType").asText().equals(operation)
                            && e.path("authDetails").path("userId").asText().equals(pam)
                            && e.path("authDetails").path("clientId").asText().length() > 0),
                    operation + " by pam in " + events);
        }
    }

    @Test
    void aPartnerUserSeesOnlyTheirTenantsAndACraftedChangeIsRefused(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String acme = r.tenant("acme");
        String globex = r.tenant("globex");
        String sam = r.staff("sam");
        r.grant(acme, sam).expect(201);
        r.grant(globex, r.staff("gil")).expect(201);
        admin.put(r.base + "/portal-access/settings/partner-access", Map.of("portalUrl", "https://portal.partner.example/app"))
                .expect(200);

        browser.open(teamUrl(server, r)).signIn("sam", PartnerRealm.PASSWORD);
        browser.waitForText(testId("my-tenants-title"), "Your tenants");
        assertEquals(1, browser.driver().findElements(testId("my-tenant-acme")).size());
        assertTrue(browser.driver().findElements(testId("my-tenant-globex")).isEmpty(), "not sam's tenant");
        assertTrue(browser.driver().findElements(testId("tenants-title")).isEmpty(), "no administration for a partner user");
        assertEquals("https://portal.partner.example/app?tenant=acme", browser.byTestId("open-acme").getAttribute("href"));
        browser.screenshot("partner-user");

        // the page's own token, captured from its next request: a deep link to another tenant (inside the app)
        // is refused as if it did not exist, and the page says so
        browser.script(CAPTURE_TOKEN);
        browser.script("window.history.pushState({}, '', arguments[0]); window.dispatchEvent(new PopStateEvent('popstate'));",
                "/realms/" + r.name + "/portal-access/team/tenants/" + globex);
        String token = browser.until(ExpectedConditions.jsReturnsValue("return window.__paToken;"), "the page's token").toString();
        browser.until(d -> browser.bodyText().toLowerCase().contains("not found"), "the 404 shown");
        browser.screenshot("partner-user-other-tenant");
        String grant = call(browser, "POST", r.team("/tenants/" + acme + "/users"), token, "{\"userId\":\"" + sam + "\"}");
        assertTrue(grant.startsWith("403 ") && grant.contains("\"notPartnerAdministrator\""), grant);
        String autoAdd = call(browser, "PUT", r.team("/tenants/" + acme + "/auto-add"), token, "{\"enabled\":true}");
        assertTrue(autoAdd.startsWith("403 "), autoAdd);
        assertFalse(r.tenantView(acme).path("autoAdd").asBoolean(), "nothing changed");
        String other = call(browser, "GET", r.team("/tenants/" + globex), token, null);
        assertTrue(other.startsWith("404 "), other);
        // a token of another client of the realm: 401
        admin.post(r.base + "/clients", Map.of("clientId", "other-app", "publicClient", true, "directAccessGrantsEnabled", true))
                .expect(201);
        String otherToken = admin.withToken(null).passwordGrant(r.name, "other-app", null, "sam", PartnerRealm.PASSWORD)
                .expect(200).json().path("access_token").asText();
        String foreign = call(browser, "GET", r.team("/tenants"), "Bearer " + otherToken, null);
        assertTrue(foreign.startsWith("401 ") && foreign.contains("\"notPortalClient\""), foreign);
        assertEquals(List.of(), scriptErrors(browser));
    }

    private static String teamUrl(KeycloakServer server, PartnerRealm r) {
        return server.baseUrl() + "/realms/" + r.name + "/portal-access/team/";
    }

    private static List<String> scriptErrors(ConsoleBrowser browser) {
        return browser.consoleErrors().stream()
                .filter(e -> !e.contains("Failed to load resource: the server responded with a status of 4"))
                .toList();
    }

    /** A request from inside the page (same origin), answered as "status body". */
    private static String call(ConsoleBrowser browser, String method, String path, String authorization, String json) {
        Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " const init = { method: arguments[1], headers: { Authorization: arguments[2], Accept: 'application/json' } };"
                        + " if (arguments[3]) { init.headers['Content-Type'] = 'application/json'; init.body = arguments[3]; }"
                        + " fetch(arguments[0], init).then(r => r.text().then(t => done(r.status + ' ' + t)), e => done('failed ' + e));",
                path, method, authorization, json);
        return String.valueOf(answer);
    }
}
