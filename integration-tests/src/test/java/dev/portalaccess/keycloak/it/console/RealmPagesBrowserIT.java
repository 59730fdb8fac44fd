package dev.portalaccess.keycloak.it.console;

import static dev.portalaccess.keycloak.testsupport.ConsoleBrowser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.ConsoleBrowser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The realm pages of the console (issue 14) in a real headless Chromium against the run's server, driven as an
 * administrator uses them, with each page's refusals: the denylist (add as typed, search, select and delete, check,
 * an import with bad lines, a 100,000-line import with progress), partner access (grant with the typeahead, revoke,
 * the last user of a tenant, invite and cancel, auto-add and a removal while it is on), self-registration and
 * customer access. Screenshots in {@code integration-tests/target/screenshots/}.
 */
@KeycloakIntegrationTest
class RealmPagesBrowserIT {

    private static final Path FILES = Path.of("target", "realm-pages");

    @Test
    void denylistAddSearchDeleteAndCheck(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        RealmPagesRealm realm = RealmPagesRealm.create(admin, "console-denylist");
        try {
            admin.post(realm.denylist(""), Map.of("value", "mailinator.com", "note", "disposable")).expect(201);
            browser.open(realm.consoleUrl(server) + "/denylist").signIn(RealmPagesRealm.ADMIN, RealmPagesRealm.PASSWORD);
            browser.waitFor(By.cssSelector("[data-testid='denylist-row'][data-value='mailinator.com']"));
            assertEquals("Denylist", browser.byTestId("page-title").getText());

            // several at once, each checked as it is typed: the bad one is marked and Save waits for a fix
            List<WebElement> inputs = browser.driver().findElements(testId("denylist-add-value"));
            inputs.get(0).sendKeys("Spam.Example");
            browser.byTestId("denylist-add-another").click();
            browser.until(d -> d.findElements(testId("denylist-add-value")).size() == 2, "a second entry row");
            WebElement second = browser.driver().findElements(testId("denylist-add-value")).get(1);
            second.sendKeys("a@@b.example");
            WebElement error = browser.waitForText(testId("denylist-add-error"), "more than one @");
            assertEquals("multipleAt", error.getAttribute("data-error"));
            assertFalse(browser.byTestId("denylist-add-save").isEnabled(), "Save waits for the bad entry to be fixed");
            show(browser, "denylist-add-error");
            browser.screenshot("add-refused-as-typed");
            second.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            second.sendKeys("*.junk.example");
            browser.until(ExpectedConditions.invisibilityOfElementLocated(testId("denylist-add-error")), "the error gone");
            browser.until(ExpectedConditions.elementToBeClickable(testId("denylist-add-save")), "Save enabled").click();
            browser.waitForText(testId("denylist-add-result"), "Added 2");
            browser.until(ExpectedConditions.attributeToBe(testId("denylist-count"), "data-count", "3"), "3 entries");
            assertEquals(3, realm.denylistCount());
            browser.waitFor(By.cssSelector("[data-testid='denylist-row'][data-value='spam.example']"));

            // server-side search
            WebElement search = browser.waitFor(By.cssSelector("[data-testid='denylist-search'] input"));
            search.sendKeys("junk");
            browser.until(ExpectedConditions.attributeToBe(testId("denylist-count"), "data-count", "1"), "one match");
            assertEquals("*.junk.example", browser.byTestId("denylist-row").getAttribute("data-value"));
            search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            browser.until(ExpectedConditions.attributeToBe(testId("denylist-count"), "data-count", "3"), "all again");

            // select and delete
            browser.waitFor(By.cssSelector("[data-testid='denylist-row'][data-value='spam.example'] [data-testid='denylist-select']")).click();
            browser.byTestId("denylist-delete-selected").click();
            browser.byTestId("denylist-confirm-delete").click();
            browser.until(ExpectedConditions.attributeToBe(testId("denylist-count"), "data-count", "2"), "2 entries left");
            assertEquals(2, realm.denylistCount());
            assertTrue(browser.byTestId("denylist-notice").getText().contains("1 entry removed"), browser.bodyText());

            // check an address: why it is refused, or that it cannot be parsed at all
            check(browser, "someone@eu.mailinator.com");
            WebElement verdict = browser.waitFor(By.cssSelector("[data-testid='denylist-check-result'][data-verdict='denied']"));
            assertTrue(verdict.getText().contains("It matches the entry mailinator.com"), verdict.getText());
            browser.screenshot("check-denied");
            check(browser, "x@@y.example");
            verdict = browser.waitFor(By.cssSelector("[data-testid='denylist-check-result'][data-verdict='invalid']"));
            assertTrue(verdict.getText().contains("refused everywhere"), verdict.getText());
            check(browser, "fine@ok.example");
            browser.waitFor(By.cssSelector("[data-testid='denylist-check-result'][data-verdict='allowed']"));
            assertEquals(List.of(), scriptErrors(browser));
        } finally {
            realm.delete();
        }
    }

    @Test
    void denylistImportWithBadLinesStoresNothingAndListsEachLine(ConsoleBrowser browser, KeycloakServer server, Rest admin) throws IOException {
        RealmPagesRealm realm = RealmPagesRealm.create(admin, "console-import-bad");
        try {
            Path file = write("bad-lines.csv", "good1.example\n# a comment\nbad@@line.example\ngood2.example,\"see ticket 4\"\n@nolocal.example\n");
            browser.open(realm.consoleUrl(server) + "/denylist").signIn(RealmPagesRealm.ADMIN, RealmPagesRealm.PASSWORD);
            browser.waitFor(testId("denylist-empty"));
            browser.driver().findElement(testId("denylist-import-file")).sendKeys(file.toAbsolutePath().toString());
            assertEquals("4", browser.waitFor(testId("denylist-import-ready")).getAttribute("data-lines"));
            browser.byTestId("denylist-import-start").click();
            WebElement refused = browser.waitFor(testId("denylist-import-refused"));
            assertEquals("2", refused.getAttribute("data-bad"));
            List<WebElement> lines = browser.driver().findElements(testId("denylist-bad-line"));
            assertEquals(List.of("3", "5"), lines.stream().map(l -> l.getAttribute("data-line")).toList());
            assertTrue(lines.get(0).getText().startsWith("Line 3: bad@@line.example"), lines.get(0).getText());
            assertTrue(lines.get(0).getText().contains("more than one @"), lines.get(0).getText());
            assertTrue(lines.get(1).getText().contains("The part before the @ is missing"), lines.get(1).getText());
            assertTrue(refused.getText().contains("Nothing was imported"), refused.getText());
            show(browser, "denylist-import-refused");
            browser.screenshot("refused");
            assertEquals(0, realm.denylistCount(), "nothing stored");
            assertEquals("0", browser.byTestId("denylist-count").getAttribute("data-count"));
        } finally {
            realm.delete();
        }
    }

    @Test
    void denylistInGermanExplainsAnEntryAsItIsTyped(KeycloakServer server, Rest admin) {
        RealmPagesRealm realm = RealmPagesRealm.create(admin, "console-denylist-de");
        try (ConsoleBrowser browser = ConsoleBrowser.start("RealmPagesBrowserIT-denylist-de", "de-DE")) {
            browser.open(realm.consoleUrl(server) + "/denylist").signIn(RealmPagesRealm.ADMIN, RealmPagesRealm.PASSWORD);
            browser.waitForText(testId("page-title"), "Sperrliste");
            browser.byTestId("denylist-add-value").sendKeys("xn--zz.com");
            WebElement error = browser.waitForText(testId("denylist-add-error"), "kein gültiger Punycode");
            assertEquals("invalidPunycode", error.getAttribute("data-error"));
            assertEquals("Weiteren hinzufügen", browser.byTestId("denylist-add-another").getText());
        } finally {
            realm.delete();
        }
    }

    @Test
    void denylistImportOf100000LinesShowsProgressAndItsResult(ConsoleBrowser browser, KeycloakServer server, Rest admin) throws IOException {
        RealmPagesRealm realm = RealmPagesRealm.create(admin, "console-import-100k");
        try {
            String text = IntStream.range(0, 100_000)
                    .mapToObj(i -> switch (i % 3) {
                        case 0 -> "bulk" + i + ".example";
                        case 1 -> "*.sub" + i + ".example";
                        default -> "user" + i + "@bulk.example,\"note " + i + "\"";
                    })
                    .collect(Collectors.joining("\n", "# 100,000 entries\n", "\n"));
            Path file = write("denylist-100000.csv", text);
            browser.open(realm.consoleUrl(server) + "/denylist").signIn(RealmPagesRealm.ADMIN, RealmPagesRealm.PASSWORD);
            browser.waitFor(testId("denylist-empty"));
            browser.driver().findElement(testId("denylist-import-file")).sendKeys(file.toAbsolutePath().toString());
            assertEquals("100000", browser.waitFor(testId("denylist-import-ready")).getAttribute("data-lines"));
            browser.byTestId("denylist-import-start").click();
            WebElement progress = browser.waitFor(testId("denylist-import-progress"));
            String firstStage = progress.getAttribute("data-stage");
            show(browser, "denylist-import-progress");
            browser.screenshot("progress");
            WebElement result = new WebDriverWait(browser.driver(), Duration.ofMinutes(5))
                    .until(ExpectedConditions.visibilityOfElementLocated(testId("denylist-import-result")));
            assertEquals("100000", result.getAttribute("data-added"), result.getText());
            assertTrue(result.getText().contains("100000 entries read: 100000 added, 0 already on the list"), result.getText());
            assertEquals("done", browser.byTestId("denylist-import-progress").getAttribute("data-stage"));
            assertTrue(List.of("upload", "server", "done").contains(firstStage), firstStage);
            browser.until(ExpectedConditions.attributeToBe(testId("denylist-count"), "data-count", "100000"), "the table counts 100,000");
            assertEquals(20, browser.driver().findElements(testId("denylist-row")).size(), "one page, not the whole list");
            show(browser, "denylist-import-result");
            browser.screenshot("done");
            assertEquals(100_000, realm.denylistCount());
        } finally {
            realm.delete();
        }
    }

    @Test
    void partnerAdminGrantsRevokesInvitesAndTurnsOnAutoAdd(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        RealmPagesRealm realm = RealmPagesRealm.create(admin, "console-partner");
        try {
            String pat = realm.partnerUser("pat.partner");
            realm.partnerUser("sam.support");
            realm.user("erin.external", "erin@contractor.example");
            String acme = realm.organization("acme", "acme.customer.example");
            realm.organization("globex", "globex.customer.example");
            admin.post(realm.partner("/tenants/" + acme + "/users"), Map.of("userId", pat)).expect(201);

            browser.open(realm.consoleUrl(server) + "/partner").signIn(RealmPagesRealm.ADMIN, RealmPagesRealm.PASSWORD);
            WebElement acmeRow = browser.waitFor(By.cssSelector("[data-testid='tenant-row'][data-tenant='acme']"));
            assertEquals("1", acmeRow.findElement(testId("tenant-user-count")).getText());
            assertEquals("false", acmeRow.findElement(testId("tenant-auto-add")).getAttribute("data-on"));
            assertEquals("0", browser.waitFor(By.cssSelector("[data-testid='tenant-row'][data-tenant='globex'] [data-testid='tenant-user-count']")).getText());
            assertEquals("partner-staff", browser.byTestId("partner-staff-group").getAttribute("value"));
            browser.screenshot("tenants");

            // the partner settings document: a portal URL that is not one is refused by its field, nothing stored
            if (realm.hasDocument("partner-access")) {
                WebElement url = browser.byTestId("partner-portal-url");
                url.sendKeys("partners dot example");
                browser.byTestId("partner-settings-save").click();
                browser.waitFor(testId("partner-portalUrl-error"));
                JsonNode stored = admin.get(realm.path("/portal-access/settings/partner-access")).expect(200).json();
                assertTrue(stored.path("portalUrl").isNull() || stored.path("portalUrl").isMissingNode(), "nothing stored: " + stored);
                assertTrue(browser.byTestId("partner-portalUrl-error").getText().contains("absolute http(s) URL"),
                        browser.byTestId("partner-portalUrl-error").getText());
                url.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
                url.sendKeys("https://partners.example/portal");
                browser.byTestId("partner-settings-save").click();
                browser.waitFor(testId("partner-settings-saved"));
                assertEquals("https://partners.example/portal",
                        admin.get(realm.path("/portal-access/settings/partner-access")).expect(200).json().path("portalUrl").asText());
            }

            acmeRow.findElement(testId("tenant-link")).click();
            browser.waitForText(testId("page-title"), "Tenant Acme");
            browser.waitFor(By.cssSelector("[data-testid='tenant-user'][data-username='pat.partner']"));
            assertTrue(browser.byTestId("tenant-auto-add-rules").getText().contains("a single partner user cannot be removed while this is on"));

            // grant through the typeahead over partner users (the external user is not offered)
            WebElement grant = browser.byTestId("tenant-grant-input");
            grant.sendKeys("erin");
            browser.waitFor(testId("tenant-grant-none"));
            grant.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            grant.sendKeys("sam");
            clickOption(browser, By.cssSelector("[data-testid='tenant-grant-option'][data-value='sam.support']"));
            browser.waitForText(testId("tenant-notice"), "sam.support now has access");
            browser.waitFor(By.cssSelector("[data-testid='tenant-user'][data-username='sam.support']"));

            // revoke sam, then the last user is refused
            revoke(browser, "sam.support");
            browser.waitForText(testId("tenant-notice"), "The access of sam.support was revoked");
            revoke(browser, "pat.partner");
            WebElement refusal = browser.waitFor(testId("tenant-refusal-revoke"));
            assertEquals("lastTenantAccess", refusal.getAttribute("data-error"));
            assertTrue(refusal.getText().contains("At least one user must keep access to this tenant"), refusal.getText());
            browser.screenshot("last-user-refused");
            assertEquals(1, admin.get(realm.partner("/tenants/" + acme)).expect(200).json().path("users").size());

            // invite an external user by email, then cancel the invitation
            browser.byTestId("invite-email").sendKeys("new.contractor@contractor.example");
            browser.byTestId("invite-first-name").sendKeys("New");
            browser.byTestId("invite-send").click();
            browser.waitForText(testId("tenant-notice"), "An invitation was sent to new.contractor@contractor.example");
            browser.waitFor(By.cssSelector("[data-testid='tenant-invitation'][data-email='new.contractor@contractor.example']"));
            browser.byTestId("invite-email").sendKeys("pat.partner@partner.example");
            browser.byTestId("invite-send").click();
            WebElement inviteRefused = browser.waitFor(testId("invite-email-error"));
            assertTrue(inviteRefused.getText().contains("belongs to a partner user"), inviteRefused.getText());
            browser.waitFor(By.cssSelector("[data-testid='tenant-invitation'] [data-testid='tenant-cancel-invitation']")).click();
            browser.waitForText(testId("tenant-notice"), "was cancelled");
            browser.waitFor(testId("tenant-no-invitations"));

            // auto-add on: every partner user gets access; a single removal is then refused
            browser.waitFor(By.cssSelector("label[for='tenant-auto-add']")).click();
            browser.waitForText(testId("tenant-notice"), "Automatically Add Partner Users is on: 1 partner user gained access");
            browser.waitFor(By.cssSelector("[data-testid='tenant-user'][data-username='sam.support']"));
            assertTrue(browser.byTestId("tenant-removal-rule").getText().contains("turn it off before removing individual partner users"));
            revoke(browser, "sam.support");
            refusal = browser.waitFor(testId("tenant-refusal-revoke"));
            assertEquals("autoAddEnabled", refusal.getAttribute("data-error"));
            assertTrue(refusal.getText().contains("turn it off before removing individual partner users"), refusal.getText());
            browser.screenshot("auto-add-removal-refused");
            JsonNode tenant = admin.get(realm.partner("/tenants/" + acme)).expect(200).json();
            assertTrue(tenant.path("autoAdd").asBoolean());
            assertEquals(2, tenant.path("users").size());
            assertEquals(List.of(), scriptErrors(browser));
        } finally {
            realm.delete();
        }
    }

    @Test
    void selfRegistrationOnlyCertainCompaniesWithARefusedDomain(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        RealmPagesRealm realm = RealmPagesRealm.create(admin, "console-selfreg");
        try {
            assumeTrue(realm.hasDocument("self-registration"),
                    "GET portal-access/settings/self-registration is not on this server (branch rules-api not merged)");
            realm.organization("acme", "acme.example");
            realm.organization("globex", "globex.example");
            JsonNode before = admin.get(realm.path("/portal-access/settings/self-registration")).expect(200).json();
            browser.open(realm.consoleUrl(server) + "/self-registration").signIn(RealmPagesRealm.ADMIN, RealmPagesRealm.PASSWORD);
            setCertainCompanies(browser);
            addCompany(browser, 0, "acme", "acme-corp.example", "incidents", "/customers/acme-employees");
            // a domain that does not validate: refused by its field, nothing stored
            browser.byTestId("selfreg-company-0-domain-input").sendKeys("bad..domain");
            browser.byTestId("selfreg-company-0-domain-add").click();
            browser.byTestId("selfreg-save").click();
            WebElement domainError = browser.waitFor(testId("selfreg-company-0-domain-error"));
            assertFalse(domainError.getText().isBlank());
            browser.waitFor(testId("selfreg-refused"));
            browser.screenshot("domain-refused");
            assertEquals(before, admin.get(realm.path("/portal-access/settings/self-registration")).expect(200).json(),
                    "nothing stored");
            assertTrue(domainError.getText().contains("This is not a valid domain"), domainError.getText());
            browser.byTestId("selfreg-company-0-body").findElement(By.cssSelector("[data-domain='bad..domain'] button")).click();
            browser.byTestId("selfreg-save").click();
            browser.waitFor(testId("selfreg-saved"));
            JsonNode doc = admin.get(realm.path("/portal-access/settings/self-registration")).expect(200).json();
            assertEquals("COMPANIES", doc.path("mode").asText());
            assertEquals(1, doc.path("companies").size());
        } finally {
            realm.delete();
        }
    }

    @Test
    void selfRegistrationForAnyoneWithDefaultServicesMethodsAndARefusedDirectoryUrl(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        RealmPagesRealm realm = RealmPagesRealm.create(admin, "console-anyone");
        try {
            assumeTrue(realm.hasDocument("self-registration"),
                    "GET portal-access/settings/self-registration is not on this server (branch rules-api not merged)");
            browser.open(realm.consoleUrl(server) + "/self-registration").signIn(RealmPagesRealm.ADMIN, RealmPagesRealm.PASSWORD);
            WebElement allow = browser.byTestId("selfreg-allow");
            if (!allow.isSelected()) {
                allow.click();
            }
            browser.byTestId("selfreg-mode-anyone").click();
            browser.waitFor(testId("selfreg-anyone"));
            browser.byTestId("selfreg-anyone-services-picker-input").sendKeys("incidents");
            clickOption(browser, By.cssSelector("[data-testid='selfreg-anyone-services-picker-option'][data-value='incidents']"));
            browser.waitFor(By.cssSelector("[data-testid='selfreg-anyone-services-service'][data-service='role:incidents']"));
            for (String method : List.of("portal", "email", "directory")) {
                WebElement box = browser.byTestId("selfreg-anyone-method-" + method);
                if (!box.isSelected()) {
                    box.click();
                }
            }
            WebElement grant = browser.byTestId("selfreg-anyone-grant-portal-access");
            if (!grant.isSelected()) {
                grant.click();
            }
            WebElement url = browser.byTestId("selfreg-directory-url");
            url.sendKeys("myhost.local:8080");
            JsonNode before = admin.get(realm.path("/portal-access/settings/self-registration")).expect(200).json();
            browser.byTestId("selfreg-save").click();
            WebElement error = browser.waitFor(testId("selfreg-directory-url-error"));
            assertTrue(error.getText().contains("absolute http(s) URL"), error.getText());
            assertEquals(before, admin.get(realm.path("/portal-access/settings/self-registration")).expect(200).json(), "nothing stored");
            browser.screenshot("directory-url-refused");
            url.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            url.sendKeys("http://myhost.local:8080");
            browser.byTestId("selfreg-save").click();
            browser.waitFor(testId("selfreg-saved"));
            JsonNode doc = admin.get(realm.path("/portal-access/settings/self-registration")).expect(200).json();
            assertEquals("ANYONE", doc.path("mode").asText());
            assertEquals("http://myhost.local:8080", doc.path("anyone").path("directoryLoginUrl").asText(), doc.toString());
            assertTrue(doc.path("anyone").path("grantPortalAccess").asBoolean(), doc.toString());
            assertTrue(doc.path("anyone").path("defaultServices").toString().contains("role:incidents"), doc.toString());
            assertTrue(doc.path("anyone").path("methods").toString().contains("directory"), doc.toString());
            assertEquals(List.of(), scriptErrors(browser));
        } finally {
            realm.delete();
        }
    }

    @Test
    void customerAccessSettingsAreSavedAndARefusalIsShownByItsField(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        RealmPagesRealm realm = RealmPagesRealm.create(admin, "console-custaccess");
        try {
            assumeTrue(realm.hasDocument("customer-access"),
                    "GET portal-access/settings/customer-access is not on this server (branch tenant-api not merged)");
            browser.open(realm.consoleUrl(server) + "/customer-access").signIn(RealmPagesRealm.ADMIN, RealmPagesRealm.PASSWORD);
            browser.waitFor(testId("ca-save"));
            browser.byTestId("ca-auto-invite").click();
            browser.byTestId("ca-removal-sign-out").click();
            WebElement picker = browser.byTestId("ca-client-picker-input");
            picker.sendKeys("account-console");
            clickOption(browser, By.cssSelector("[data-testid='ca-client-picker-option'][data-value='account-console']"));
            browser.byTestId("ca-audience").sendKeys("no-such-client");
            browser.byTestId("ca-save").click();
            browser.waitFor(testId("ca-serviceAccountAudience-error"));
            browser.screenshot("refused");
            assertFalse(admin.get(realm.path("/portal-access/settings/customer-access")).expect(200).json().path("autoInvite").asBoolean(),
                    "nothing stored");
            WebElement audience = browser.byTestId("ca-audience");
            audience.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            browser.byTestId("ca-save").click();
            browser.waitFor(testId("ca-saved"));
            JsonNode doc = admin.get(realm.path("/portal-access/settings/customer-access")).expect(200).json();
            assertTrue(doc.path("autoInvite").asBoolean());
            assertTrue(doc.path("removalSignOut").asBoolean());
            assertTrue(doc.path("portalClients").toString().contains("account-console"), doc.toString());
        } finally {
            realm.delete();
        }
    }

    /**
     * Issue 14's "done when": a service-desk admin sets "Only certain companies" with two companies and their domains
     * and services and imports a denylist file; a partner admin grants a partner user access to a tenant and turns
     * on auto-add; all from the console.
     */
    @Test
    void theIssueWalkThrough(ConsoleBrowser browser, KeycloakServer server, Rest admin) throws IOException {
        RealmPagesRealm realm = RealmPagesRealm.create(admin, "console-walk");
        try {
            assumeTrue(realm.hasDocument("self-registration"),
                    "GET portal-access/settings/self-registration is not on this server (branch rules-api not merged)");
            realm.organization("acme", "acme.example");
            realm.organization("globex", "globex.example");
            realm.partnerUser("pat.partner");
            String sam = realm.partnerUser("sam.support");
            String initech = realm.organization("initech", "initech.example");
            admin.post(realm.partner("/tenants/" + initech + "/users"), Map.of("userId", sam)).expect(201);

            browser.open(realm.consoleUrl(server)).signIn(RealmPagesRealm.ADMIN, RealmPagesRealm.PASSWORD);
            browser.byTestId("nav-self-registration").click();
            setCertainCompanies(browser);
            addCompany(browser, 0, "acme", "acme-corp.example", "incidents", "/customers/acme-employees");
            addCompany(browser, 1, "globex", "globex-eu.example", "knowledge-base", "/customers/globex-employees");
            browser.byTestId("selfreg-save").click();
            browser.waitFor(testId("selfreg-saved"));
            browser.screenshot("self-registration");
            JsonNode doc = admin.get(realm.path("/portal-access/settings/self-registration")).expect(200).json();
            assertEquals("COMPANIES", doc.path("mode").asText());
            assertEquals(2, doc.path("companies").size(), doc.toString());
            assertTrue(doc.toString().contains("acme-corp.example") && doc.toString().contains("globex-eu.example"), doc.toString());
            assertTrue(doc.toString().contains("role:incidents") && doc.toString().contains("group:/customers/globex-employees"), doc.toString());

            browser.byTestId("nav-denylist").click();
            browser.waitFor(testId("denylist-empty"));
            Path file = write("walk-denylist.txt", "mailinator.com\n*.spam.invalid\nabuse@example.com\n");
            browser.driver().findElement(testId("denylist-import-file")).sendKeys(file.toAbsolutePath().toString());
            browser.byTestId("denylist-import-start").click();
            assertEquals("3", browser.waitFor(testId("denylist-import-result")).getAttribute("data-added"));
            browser.screenshot("denylist");

            browser.byTestId("nav-partner").click();
            browser.waitFor(By.cssSelector("[data-testid='tenant-row'][data-tenant='initech'] [data-testid='tenant-link']")).click();
            browser.byTestId("tenant-grant-input").sendKeys("pat");
            clickOption(browser, By.cssSelector("[data-testid='tenant-grant-option'][data-value='pat.partner']"));
            browser.waitForText(testId("tenant-notice"), "pat.partner now has access");
            browser.waitFor(By.cssSelector("label[for='tenant-auto-add']")).click();
            browser.waitForText(testId("tenant-notice"), "Automatically Add Partner Users is on");
            browser.screenshot("tenant");
            JsonNode tenant = admin.get(realm.partner("/tenants/" + initech)).expect(200).json();
            assertTrue(tenant.path("autoAdd").asBoolean());
            assertEquals(2, tenant.path("users").size());
            assertEquals(List.of(), scriptErrors(browser));
        } finally {
            realm.delete();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /**
     * The browser's errors except Chromium's own line for every 4xx answer ("Failed to load resource: ... 409"):
     * the refusals these pages show on purpose, and the one probe for the new API roots.
     */
    private static List<String> scriptErrors(ConsoleBrowser browser) {
        return browser.consoleErrors().stream()
                .filter(e -> !e.matches("(?s).*Failed to load resource: the server responded with a status of 4\\d\\d.*"))
                .toList();
    }

    /** Scrolls the element into the middle of the window (for a screenshot that shows it). */
    private static void show(ConsoleBrowser browser, String testId) {
        browser.script("arguments[0].scrollIntoView({block: 'center'});", browser.byTestId(testId));
    }

    private static void check(ConsoleBrowser browser, String email) {
        WebElement box = browser.byTestId("denylist-check-email");
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        box.sendKeys(email);
        browser.byTestId("denylist-check").click();
    }

    private static void revoke(ConsoleBrowser browser, String username) {
        browser.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-testid='tenant-user'][data-username='" + username + "'] [data-testid='tenant-revoke']")), "revoke " + username)
                .click();
    }

    private static void setCertainCompanies(ConsoleBrowser browser) {
        WebElement allow = browser.byTestId("selfreg-allow");
        if (!allow.isSelected()) {
            allow.click();
        }
        browser.byTestId("selfreg-mode-companies").click();
        browser.waitFor(testId("selfreg-companies"));
    }

    /** Adds a permitted company through the search box, one more accepted domain, a role and a group. */
    private static void addCompany(ConsoleBrowser browser, int index, String alias, String domain, String role, String group) {
        WebElement search = browser.byTestId("selfreg-company-search-input");
        search.sendKeys(alias);
        clickOption(browser, By.cssSelector("[data-testid='selfreg-company-search-option'][data-value='"
                + alias.substring(0, 1).toUpperCase() + alias.substring(1) + "']"));
        String prefix = "selfreg-company-" + index;
        browser.waitFor(testId(prefix + "-body"));
        browser.byTestId(prefix + "-domain-input").sendKeys(domain);
        browser.byTestId(prefix + "-domain-add").click();
        browser.waitFor(By.cssSelector("[data-testid='" + prefix + "-domain-row'][data-domain='" + domain + "']"));
        WebElement services = browser.byTestId(prefix + "-services-picker-input");
        services.sendKeys(role);
        clickOption(browser, By.cssSelector("[data-testid='" + prefix + "-services-picker-option'][data-value='" + role + "']"));
        services = browser.byTestId(prefix + "-services-picker-input");
        services.sendKeys(group.substring(group.lastIndexOf('/') + 1));
        clickOption(browser, By.cssSelector("[data-testid='" + prefix + "-services-picker-option'][data-value='" + group + "']"));
        browser.waitFor(By.cssSelector("[data-testid='" + prefix + "-services-service'][data-service='group:" + group + "']"));
    }

    /** Clicks a suggestion of a typeahead, again if the list was redrawn under the click (the answer to a later key). */
    private static void clickOption(ConsoleBrowser browser, By option) {
        browser.until(d -> {
            try {
                d.findElement(option).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return false;
            }
        }, "suggestion " + option);
    }

    private static Path write(String name, String text) throws IOException {
        Files.createDirectories(FILES);
        return Files.writeString(FILES.resolve(name), text, StandardCharsets.UTF_8);
    }
}
