package dev.portalaccess.keycloak.it.console;

import static dev.portalaccess.keycloak.testsupport.ConsoleBrowser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.openqa.selenium.support.ui.Select;

/**
 * The team page (/realms/{realm}/portal-access/team/) in a real headless Chromium, signed in with the realm's own
 * users (no admin-console account): a customer Administrator runs the team (invite with a role, the invitee follows
 * the mail and appears, change a role, resend and cancel invitations, remove a member, the domain restriction
 * refusing by the field, the last-Administrator rule shown); a Viewer sees the team read only and a crafted call
 * with the page's own token is refused; an Administrator of one customer cannot reach another (404); a user of
 * two customers picks one. Screenshots in {@code integration-tests/target/screenshots/}.
 */
@KeycloakIntegrationTest
class TeamBrowserIT {

    /** Wraps the page's fetch so the test can reuse the page's own bearer token for crafted calls. */
    private static final String CAPTURE_TOKEN = "window.__paToken = null; const original = window.fetch;"
            + " window.fetch = (url, init) => { const h = init && init.headers; if (h && h.Authorization) { window.__paToken = h.Authorization; }"
            + " return original(url, init); };";

    @Test
    void anAdministratorInvitesWithARoleAndTheInviteeFollowsTheMailAndAppears(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        TeamRealm realm = TeamRealm.create(admin, "team-admin");
        try {
            String acme = realm.customer("Acme");
            String ann = realm.user("ann", "ann@acme.example");
            realm.join(acme, ann); // the first member: Administrator
            realm.join(acme, realm.user("ulf", "ulf@acme.example"));
            realm.join(acme, realm.user("ursula", "ursula@acme.example"));
            realm.user("vic", "vic@acme.example");
            realm.restrictToDomain(acme, "acme.example");

            browser.open(realm.teamUrl(server)).signIn("ann", TeamRealm.PASSWORD);
            // one customer: straight to its team
            browser.waitForText(testId("customer-name"), "Acme");
            assertTrue(browser.currentUrl().endsWith("/portal-access/team/customers/" + acme), browser.currentUrl());
            assertEquals("Your role: Administrator", browser.byTestId("my-role").getText());
            assertEquals("Administrator", browser.byTestId("member-ann").getAttribute("data-role"));
            assertEquals("User", browser.byTestId("member-ulf").getAttribute("data-role"));
            // the portal's look: the login theme's logo in the masthead
            WebElement logo = browser.driver().findElement(By.cssSelector("[data-testid='team-brand'] img"));
            assertTrue(logo.getAttribute("src").contains("/login/customer-portal/img/logo.svg"), logo.getAttribute("src"));
            // features, read only: the realm's defaults
            assertEquals("true", browser.byTestId("feature-deployments").getAttribute("data-enabled"));
            assertEquals("false", browser.byTestId("feature-alerts").getAttribute("data-enabled"));
            // the last-Administrator rule where it applies: ann can be neither demoted nor removed
            assertFalse(browser.byTestId("role-ann").isEnabled());
            assertFalse(browser.byTestId("remove-ann").isEnabled());
            assertTrue(browser.byTestId("last-admin-ann").getText().startsWith("Last Administrator"));
            assertTrue(browser.byTestId("role-ulf").isEnabled());
            assertTrue(browser.driver().findElements(testId("first-joiner")).isEmpty(), "the customer has an Administrator");

            // the domain restriction refuses by the field, nothing is invited
            invite(browser, "Mallory", "Evil", "mallory@elsewhere.example", "Viewer");
            WebElement refusal = browser.waitFor(testId("field-error-email"));
            assertTrue(refusal.getText().contains("mallory@elsewhere.example") || refusal.getText().contains("elsewhere.example"),
                    refusal.getText());
            browser.screenshot("domain-refused");
            assertEquals(List.of(), realm.as("ann").get(realm.selfService("/customers/" + acme + "/invitations")).expect(200).list());

            // invite vic as Viewer; the mail arrives
            browser.driver().findElement(By.id("invite-email")).clear();
            invite(browser, "Vic", "Tor", "vic@acme.example", "Viewer");
            browser.waitForText(testId("team-notice"), "An invitation was sent to vic@acme.example.");
            browser.waitFor(testId("invitation-vic@acme.example"));
            assertTrue(browser.byTestId("invitation-vic@acme.example").getText().contains("Viewer"));
            MailSink.shared().awaitMail("vic@acme.example", "");

            // resend: a new mail, still one pending invitation
            browser.byTestId("resend-vic@acme.example").click();
            browser.waitForText(testId("team-notice"), "The invitation to vic@acme.example was sent again.");
            String link = awaitMails(browser, "vic@acme.example", 2).link(server.baseUrl() + "/realms/" + realm.name + "/login-actions/action-token")
                    .replace("&#61;", "=");
            assertEquals(1, realm.as("ann").get(realm.selfService("/customers/" + acme + "/invitations")).expect(200).list().size());

            // the invitee follows the (second) mail's link in their own browser and joins as Viewer
            try (ConsoleBrowser invitee = ConsoleBrowser.start("TeamBrowserIT-invitee")) {
                invitee.open(link);
                for (int step = 0; step < 4 && realm.team("ann", acme).get("vic") == null; step++) {
                    List<WebElement> proceed = invitee.driver().findElements(By.cssSelector("a[href*='login-actions/action-token']"));
                    if (proceed.isEmpty()) {
                        invitee.until(d -> !d.findElements(By.cssSelector("a[href*='login-actions/action-token']")).isEmpty()
                                || realm.team("ann", acme).get("vic") != null, "the invitation's confirmation");
                        continue;
                    }
                    proceed.get(0).click();
                }
            }
            assertEquals("Viewer", realm.team("ann", acme).get("vic"));
            browser.driver().navigate().refresh();
            browser.waitFor(testId("member-vic"));
            assertEquals("Viewer", browser.byTestId("member-vic").getAttribute("data-role"));
            assertFalse(browser.driver().findElements(testId("invitation-vic@acme.example")).size() > 0, "the invitation is used up");

            // change a role: ulf becomes Administrator, ann is no longer the last one
            new Select(browser.byTestId("role-ulf")).selectByValue("Administrator");
            browser.waitForText(testId("team-notice"), "is now Administrator");
            browser.until(d -> d.findElements(testId("last-admin-ann")).isEmpty(), "ann no longer the last Administrator");
            assertTrue(browser.byTestId("role-ann").isEnabled());
            assertEquals("Administrator", realm.team("ann", acme).get("ulf"));

            // remove ursula through the confirmation dialog
            browser.byTestId("remove-ursula").click();
            browser.waitFor(testId("confirm-remove")).click();
            browser.waitForText(testId("team-notice"), "was removed from the team");
            browser.until(d -> d.findElements(testId("member-ursula")).isEmpty(), "ursula gone from the list");
            assertFalse(realm.team("ann", acme).containsKey("ursula"));

            // invite and cancel
            invite(browser, "", "", "carol@acme.example", "User");
            browser.waitFor(testId("cancel-carol@acme.example")).click();
            browser.waitForText(testId("team-notice"), "The invitation to carol@acme.example was cancelled.");
            browser.until(d -> d.findElements(testId("invitation-carol@acme.example")).isEmpty(), "carol's invitation gone");
            browser.screenshot("administrator");
            assertEquals(List.of(), scriptErrors(browser), "no script error, no CSP violation");

            // admin events name the acting user (ann), not a realm admin
            List<JsonNode> events = admin.get(realm.path("/admin-events?max=50")).expect(200).list();
            String annId = ann;
            for (String operation : List.of("CREATE", "UPDATE", "DELETE")) {
                assertTrue(events.stream().anyMatch(e -> e.path("operationType").asText().equals(operation)
                                && e.path("authDetails").path("userId").asText().equals(annId)
                                && e.path("resourcePath").asText().startsWith("organizations/" + acme)),
                        operation + " by ann in " + events);
            }
            assertTrue(events.stream().anyMatch(e -> e.path("authDetails").path("clientId").asText().length() > 0
                    && e.path("authDetails").path("userId").asText().equals(annId)), events.toString());
        } finally {
            realm.delete();
        }
    }

    @Test
    void aViewerSeesNoChangeControlsAndACraftedCallIsRefused(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        TeamRealm realm = TeamRealm.create(admin, "team-viewer");
        try {
            String acme = realm.customer("Acme");
            realm.join(acme, realm.user("ann", "ann@acme.example"));
            String vera = realm.user("vera", "vera@acme.example");
            realm.join(acme, vera);
            realm.as("ann").put(realm.selfService("/customers/" + acme + "/members/" + vera), Map.of("role", "Viewer")).expect(200);

            browser.open(realm.teamUrl(server)).signIn("vera", TeamRealm.PASSWORD);
            browser.waitForText(testId("customer-name"), "Acme");
            assertEquals("Your role: Viewer", browser.byTestId("my-role").getText());
            assertEquals("You can see the team. Only the customer's Administrators change it.", browser.byTestId("read-only").getText());
            assertEquals("Administrator", browser.byTestId("role-text-ann").getText());
            for (String control : List.of("invite-form", "role-ann", "role-vera", "remove-ann", "remove-vera")) {
                assertTrue(browser.driver().findElements(testId(control)).isEmpty(), control + " shown to a Viewer");
            }
            assertNotNull(browser.byTestId("feature-deployments"));
            browser.screenshot("viewer");

            // a crafted call with the page's own token (the team client's): refused, nothing changed
            String token = pageToken(browser);
            String answer = call(browser, "PUT", realm.selfService("/customers/" + acme + "/members/" + vera), token, "{\"role\":\"Administrator\"}");
            assertTrue(answer.startsWith("403 "), answer);
            assertTrue(answer.contains("\"notCustomerAdministrator\""), answer);
            String invite = call(browser, "POST", realm.selfService("/customers/" + acme + "/invitations"), token, "{\"email\":\"x@acme.example\"}");
            assertTrue(invite.startsWith("403 "), invite);
            assertEquals("Viewer", realm.team("ann", acme).get("vera"));
            assertEquals(List.of(), scriptErrors(browser));
        } finally {
            realm.delete();
        }
    }

    @Test
    void anAdministratorOfOneCustomerCannotReachAnotherAndAUserOfTwoPicksOne(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        TeamRealm realm = TeamRealm.create(admin, "team-404");
        try {
            String acme = realm.customer("Acme");
            String globex = realm.customer("Globex");
            realm.join(acme, realm.user("ann", "ann@acme.example"));
            realm.join(globex, realm.user("gina", "gina@globex.example"));
            String gus = realm.user("gus", "gus@globex.example");
            realm.join(globex, gus);
            realm.join(acme, gus);

            browser.open(realm.teamUrl(server) + "customers/" + globex).signIn("ann", TeamRealm.PASSWORD);
            WebElement refused = browser.waitFor(testId("error-alert"));
            assertEquals("customerNotFound", refused.getAttribute("data-error"));
            assertTrue(refused.getText().contains("There is no such customer, or you are not one of its members."), refused.getText());
            assertTrue(browser.driver().findElements(testId("members")).isEmpty());
            browser.screenshot("other-customer");

            // a crafted call with ann's page token: 404 exactly as for a customer that does not exist
            browser.byTestId("team-brand").click();
            browser.waitForText(testId("customer-name"), "Acme");
            String token = pageToken(browser);
            String other = call(browser, "GET", realm.selfService("/customers/" + globex + "/members"), token, null);
            String none = call(browser, "GET", realm.selfService("/customers/00000000-0000-0000-0000-000000000000/members"), token, null);
            assertTrue(other.startsWith("404 "), other);
            assertEquals(none, other, "someone else's customer looks exactly like none");
            assertTrue(call(browser, "DELETE", realm.selfService("/customers/" + globex + "/members/" + gus), token, null).startsWith("404 "));
            assertEquals("User", realm.team("gina", globex).get("gus"));

            // the vendor turns Acme's portal access off: for the page's client (no portal client, so the portal's
            // sign-in check does not keep ann out) Acme is not there any more
            String mine = call(browser, "GET", realm.selfService("/customers/" + acme), token, null);
            assertTrue(mine.startsWith("200 "), mine);
            JsonNode org = admin.get(realm.path("/organizations/" + acme)).expect(200).json();
            ((com.fasterxml.jackson.databind.node.ObjectNode) org.path("attributes"))
                    .putArray("portalaccess.portalAccess.enabled").add("false");
            admin.put(realm.path("/organizations/" + acme), org.toString()).expect(204);
            String off = call(browser, "GET", realm.selfService("/customers/" + acme), token, null);
            assertTrue(off.startsWith("404 "), off);
            assertEquals("200 []", call(browser, "GET", realm.selfService("/customers"), token, null));
        } finally {
            realm.delete();
        }

        TeamRealm two = TeamRealm.create(admin, "team-pick");
        try (ConsoleBrowser picker = ConsoleBrowser.start("TeamBrowserIT-picker", "de-DE")) {
            String acme = two.customer("Acme");
            String globex = two.customer("Globex");
            two.join(acme, two.user("ann", "ann@acme.example"));
            two.join(globex, two.user("gina", "gina@globex.example"));
            String gus = two.user("gus", "gus@globex.example");
            two.join(globex, gus);
            two.join(acme, gus);

            picker.open(two.teamUrl(server)).signIn("gus", TeamRealm.PASSWORD);
            picker.waitFor(testId("customer-list"));
            assertTrue(picker.bodyText().contains("Ihre Kunden"), picker.bodyText());
            picker.screenshot("picker");
            picker.byTestId("customer-globex").click();
            picker.waitForText(testId("customer-name"), "Globex");
            assertEquals("Ihre Rolle: Benutzer", picker.byTestId("my-role").getText());
            assertTrue(picker.byTestId("member-gina").isDisplayed());
            picker.byTestId("switch-customer").click();
            picker.byTestId("customer-acme").click();
            picker.waitForText(testId("customer-name"), "Acme");
            assertTrue(picker.currentUrl().endsWith("/customers/" + acme), picker.currentUrl());
            assertEquals(List.of(), scriptErrors(picker));
        } finally {
            two.delete();
        }
    }

    @Test
    void anAdministratorCreatesAndRevokesServiceAccountsWhenTheVendorAllowsIt(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        TeamRealm realm = TeamRealm.create(admin, "team-sa");
        try {
            String acme = realm.customer("Acme");
            String ann = realm.user("ann", "ann@acme.example");
            realm.join(acme, ann);
            String vera = realm.user("vera", "vera@acme.example");
            realm.join(acme, vera);
            realm.as("ann").put(realm.selfService("/customers/" + acme + "/members/" + vera), Map.of("role", "Viewer")).expect(200);

            // not allowed by the vendor (the default): no card, and the API refuses
            browser.open(realm.teamUrl(server)).signIn("ann", TeamRealm.PASSWORD);
            browser.waitForText(testId("customer-name"), "Acme");
            assertTrue(browser.driver().findElements(testId("service-accounts")).isEmpty(), "no service accounts unless allowed");
            Rest.Response refused = realm.as("ann").post(realm.selfService("/customers/" + acme + "/service-accounts"), Map.of("name", "ci"));
            refused.expect(403);
            assertEquals("serviceAccountsNotAllowed", refused.json().path("error").asText(), refused.body());

            // the vendor allows it for this customer (the customer setting selfService.serviceAccounts)
            JsonNode org = admin.get(realm.path("/organizations/" + acme)).expect(200).json();
            ((com.fasterxml.jackson.databind.node.ObjectNode) org.path("attributes"))
                    .putArray("portalaccess.selfService.serviceAccounts").add("true");
            admin.put(realm.path("/organizations/" + acme), org.toString()).expect(204);
            browser.driver().navigate().refresh();
            browser.waitFor(testId("no-service-accounts"));

            // a bad name is refused by the field
            type(browser.byTestId("service-account-form").findElement(By.id("sa-name")), "Bad Name!");
            browser.byTestId("sa-submit").click();
            assertTrue(browser.waitFor(testId("field-error-name")).getText().startsWith("Use a-z"), browser.bodyText());

            // created: the secret shown once, and it works
            type(browser.byTestId("service-account-form").findElement(By.id("sa-name")), "ci");
            browser.byTestId("sa-submit").click();
            WebElement secretBox = browser.waitFor(By.cssSelector("[data-testid='new-secret-value'] input"));
            String secret = secretBox.getAttribute("value");
            assertTrue(secret.length() > 10, secret);
            browser.waitFor(testId("sa-ci"));
            assertEquals("active", browser.byTestId("sa-ci").getAttribute("data-status"));
            browser.screenshot("service-accounts");
            String clientId = "customer-acme-ci";
            admin.withToken(null).clientCredentialsGrant(realm.name, clientId, secret).expect(200);
            // the vendor sees it in the admin API, as before
            assertTrue(admin.get(realm.path("/customers/" + acme + "/service-accounts")).expect(200).body().contains(clientId));
            // a Viewer's crafted call is refused; the list does not carry secrets
            realm.as("vera").post(realm.selfService("/customers/" + acme + "/service-accounts"), Map.of("name", "evil")).expect(403);
            assertFalse(realm.as("ann").get(realm.selfService("/customers/" + acme + "/service-accounts")).expect(200).body().contains(secret));

            // after a reload the secret is gone from the page; revoked: no more tokens
            browser.driver().navigate().refresh();
            browser.waitFor(testId("sa-ci"));
            assertTrue(browser.driver().findElements(testId("new-secret")).isEmpty(), "the secret is shown once only");
            browser.byTestId("revoke-ci").click();
            browser.until(d -> "revoked".equals(d.findElement(testId("sa-ci")).getAttribute("data-status")), "revoked");
            int status = admin.withToken(null).clientCredentialsGrant(realm.name, clientId, secret).status();
            assertTrue(status == 400 || status == 401, "a revoked service account gets no token: " + status);
            assertEquals(List.of(), scriptErrors(browser));

            List<JsonNode> events = admin.get(realm.path("/admin-events?max=50&resourceTypes=CLIENT")).expect(200).list();
            assertTrue(events.stream().anyMatch(e -> e.path("operationType").asText().equals("CREATE")
                    && e.path("authDetails").path("userId").asText().equals(ann)), "creation by ann: " + events);
            assertTrue(events.stream().anyMatch(e -> e.path("operationType").asText().equals("UPDATE")
                    && e.path("authDetails").path("userId").asText().equals(ann)), "revocation by ann: " + events);
            assertFalse(events.toString().contains(secret), "no secret in admin events");
        } finally {
            realm.delete();
        }
    }

    /**
     * The browser's errors except the refusals the test provokes on purpose (Chromium logs every 4xx answer as
     * "Failed to load resource"): script errors and CSP violations.
     */
    private static List<String> scriptErrors(ConsoleBrowser browser) {
        return browser.consoleErrors().stream()
                .filter(e -> !e.contains("Failed to load resource: the server responded with a status of 4"))
                .toList();
    }

    private static void invite(ConsoleBrowser browser, String first, String last, String email, String role) {
        WebElement form = browser.waitFor(testId("invite-form"));
        type(form.findElement(By.id("invite-first-name")), first);
        type(form.findElement(By.id("invite-last-name")), last);
        type(form.findElement(By.id("invite-email")), email);
        new Select(form.findElement(By.id("invite-role"))).selectByValue(role);
        browser.byTestId("invite-submit").click();
    }

    private static void type(WebElement input, String text) {
        input.clear();
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    /** The {@code count}-th mail to {@code recipient} (the browser's wait polls the mail sink). */
    private static MailSink.Mail awaitMails(ConsoleBrowser browser, String recipient, int count) {
        return browser.until(d -> {
            List<MailSink.Mail> mails = MailSink.shared().mailsTo(recipient);
            return mails.size() >= count ? mails.get(count - 1) : null;
        }, count + " mails to " + recipient);
    }

    /** The page's own bearer token: captured from its next request (a click on the brand reloads the customers). */
    private static String pageToken(ConsoleBrowser browser) {
        browser.script(CAPTURE_TOKEN);
        browser.byTestId("team-brand").click();
        return browser.until(ExpectedConditions.jsReturnsValue("return window.__paToken;"), "the page's token").toString();
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
