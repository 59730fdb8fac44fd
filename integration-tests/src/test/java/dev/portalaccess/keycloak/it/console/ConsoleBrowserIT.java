package dev.portalaccess.keycloak.it.console;

import static dev.portalaccess.keycloak.testsupport.ConsoleBrowser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.portalaccess.keycloak.testsupport.ConsoleBrowser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console in a real headless Chromium, as a person uses it: sign in on Keycloak's login page, read the overview,
 * switch realms, sign out by keyboard; a user without rights, a deep link through sign-in, the CSP enforced.
 * Screenshots of every test's last page are kept in {@code integration-tests/target/screenshots/}.
 */
@KeycloakIntegrationTest
class ConsoleBrowserIT {

    private static final By COUNT = By.cssSelector("[data-testid='overview-organization-count'] [data-count]");

    @Test
    void aRealmAdminSignsInAndSeesTheOverviewWithTheRealCount(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        ConsoleRealm realm = ConsoleRealm.create(admin, "console-admin", "Acme Portals");
        try {
            for (String org : List.of("acme", "globex", "initech")) {
                realm.createOrganization(org);
            }
            realm.grantAdminRoles(realm.createUser("boss"), "realm-admin");

            browser.open(realm.consoleUrl(server)).signIn("boss", ConsoleRealm.PASSWORD);
            assertEquals("3", browser.waitFor(COUNT).getAttribute("data-count"), browser.bodyText());
            assertEquals(realm.name, browser.byTestId("overview-realm").getText());
            assertEquals("Acme Portals", browser.byTestId("overview-display-name").getText());
            assertEquals("true", browser.byTestId("overview-organizations-enabled").getAttribute("data-enabled"));
            assertTrue(browser.byTestId("overview-access").getText().contains("Realm administrator"), browser.bodyText());
            assertTrue(browser.byTestId("masthead-realm").getText().contains(realm.name), browser.bodyText());
            assertEquals("Test boss", browser.byTestId("user-menu").getText());
            assertEquals("Portal Access", browser.byTestId("masthead-brand").getText());
            assertEquals("Overview", browser.byTestId("page-title").getText());
            assertTrue(browser.currentUrl().endsWith("/portal-access/console/" + realm.name), browser.currentUrl());
            browser.screenshot("overview");
            assertEquals(List.of(), browser.consoleErrors(), "no script error, no CSP violation");

            // keyboard only: the first Tab reaches "Skip to content"; the user menu opens and signs out by keyboard
            browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
            WebElement focused = browser.driver().switchTo().activeElement();
            assertEquals("Skip to content", focused.getText());
            WebElement menu = browser.byTestId("user-menu");
            assertEquals("User menu: Test boss", menu.getAttribute("aria-label"));
            menu.sendKeys(Keys.ENTER);
            browser.byTestId("sign-out");
            if (!browser.driver().switchTo().activeElement().getText().startsWith("Sign out")) {
                browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
            }
            WebElement item = browser.driver().switchTo().activeElement();
            assertTrue(item.getText().startsWith("Sign out"), "focus on the menu item: " + item.getText());
            item.sendKeys(Keys.ENTER);
            browser.waitFor(By.id("username"));
            assertTrue(browser.currentUrl().contains("/realms/" + realm.name + "/protocol/openid-connect/auth"), browser.currentUrl());
        } finally {
            realm.delete();
        }
    }

    @Test
    void theMasterAdminSignsInOnTheMasterConsoleAndPicksAnotherRealm(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        ConsoleRealm realm = ConsoleRealm.create(admin, "console-pick", "Picked Realm");
        try {
            realm.createOrganization("acme");
            realm.createOrganization("globex");

            browser.open(server.baseUrl() + "/realms/master/portal-access/console/")
                    .signIn(KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
            browser.waitForText(testId("overview-realm"), "master");
            assertEquals("false", browser.byTestId("overview-organizations-enabled").getAttribute("data-enabled"));
            assertEquals("Not available while organizations are disabled", browser.byTestId("overview-organization-count").getText());

            browser.byTestId("realm-selector").click();
            browser.byTestId("realm-option-" + realm.name).click();
            browser.waitForText(testId("overview-realm"), realm.name);
            assertEquals("2", browser.waitFor(COUNT).getAttribute("data-count"), browser.bodyText());
            assertEquals("Picked Realm", browser.byTestId("overview-display-name").getText());
            assertEquals(realm.name, browser.byTestId("realm-selector").getText());
            assertTrue(browser.currentUrl().endsWith("/realms/master/portal-access/console/" + realm.name), browser.currentUrl());
            browser.screenshot("picked-realm");
            assertEquals(List.of(), browser.consoleErrors());
        } finally {
            realm.delete();
        }
    }

    @Test
    void aDelegatedOrganizationAdminSeesOnlyTheirOrganizations(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        ConsoleRealm realm = ConsoleRealm.create(admin, "console-delegated", "Delegated");
        try {
            String acme = realm.createOrganization("acme");
            realm.createOrganization("globex");
            realm.createOrganization("initech");
            realm.grantAdminRoles(realm.createUser("orgadmin"), "query-organizations");
            realm.delegateOrganization("orgadmin", acme);

            browser.open(realm.consoleUrl(server)).signIn("orgadmin", ConsoleRealm.PASSWORD);
            assertEquals("1", browser.waitFor(COUNT).getAttribute("data-count"), "one of three: " + browser.bodyText());
            assertTrue(browser.bodyText().contains("Organizations you administer"), browser.bodyText());
            assertEquals("Administers the organizations granted to you", browser.byTestId("overview-access").getText());
            assertEquals(List.of(), browser.consoleErrors());
        } finally {
            realm.delete();
        }
    }

    @Test
    void aUserWithoutRightsSeesTheNoAccessPageInTheirLanguage(KeycloakServer server, Rest admin) {
        ConsoleRealm realm = ConsoleRealm.create(admin, "console-none", "No Rights");
        try (ConsoleBrowser browser = ConsoleBrowser.start("ConsoleBrowserIT-noAccess-de", "de-DE")) {
            realm.createUser("nobody");
            browser.open(realm.consoleUrl(server)).signIn("nobody", ConsoleRealm.PASSWORD);
            WebElement page = browser.waitForText(testId("no-access"), "Kein Zugriff");
            assertTrue(page.getText().contains("Sie sind als nobody angemeldet"), page.getText());
            assertTrue(page.getText().contains(realm.name), page.getText());
            assertTrue(browser.driver().findElements(testId("nav-overview")).isEmpty(), "no navigation without rights");
            assertEquals("Abmelden und als anderer Benutzer anmelden", browser.byTestId("no-access-sign-out").getText());
            assertEquals("de", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        } finally {
            realm.delete();
        }
    }

    @Test
    void aDeepLinkSurvivesSignInAndTheCspBlocksInlineScript(ConsoleBrowser browser, KeycloakServer server, Rest admin) {
        ConsoleRealm realm = ConsoleRealm.create(admin, "console-deep", "Deep Links");
        try {
            realm.grantAdminRoles(realm.createUser("boss"), "realm-admin");
            browser.open(realm.consoleUrl(server) + realm.name + "/no-such-page/123").signIn("boss", ConsoleRealm.PASSWORD);
            browser.waitForText(testId("not-found"), "Page not found");
            assertTrue(browser.currentUrl().endsWith("/portal-access/console/" + realm.name + "/no-such-page/123"), browser.currentUrl());

            browser.waitFor(By.linkText("Go to the overview")).click();
            browser.waitFor(COUNT);
            assertTrue(browser.currentUrl().endsWith("/portal-access/console/" + realm.name), browser.currentUrl());
            assertEquals(List.of(), browser.consoleErrors());

            // the page's CSP holds in the browser: an injected inline script does not run, and Chromium reports why
            Object ran = browser.script(
                    "const s = document.createElement('script'); s.textContent = 'window.__inlineRan = true';"
                            + " document.head.appendChild(s); return window.__inlineRan === true;");
            assertEquals(Boolean.FALSE, ran, "inline script ran despite script-src 'self'");
            browser.until(ExpectedConditions.jsReturnsValue("return true;"), "page still alive");
            List<String> errors = browser.consoleErrors();
            assertFalse(errors.isEmpty(), "Chromium reports the refused inline script");
            assertTrue(errors.stream().anyMatch(e -> e.contains("Content Security Policy")), errors.toString());
        } finally {
            realm.delete();
        }
    }
}
