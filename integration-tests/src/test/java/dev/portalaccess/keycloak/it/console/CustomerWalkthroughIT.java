package dev.portalaccess.keycloak.it.console;

import static dev.portalaccess.keycloak.testsupport.ConsoleBrowser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
 * Issue 13's "done when", in one browser session, without typing an attribute name: the admin opens the console as
 * the README says (master console, {@code admin}), picks the realm, creates a customer, restricts it to a domain,
 * invites two users with a role each, the invitees follow the invitation mails (GreenMail) and register, and the
 * admin sees the members with those roles.
 */
@KeycloakIntegrationTest
class CustomerWalkthroughIT {

    @Test
    void createRestrictInviteFollowTheMailAndSeeTheMemberWithTheRole(ConsoleBrowser browser, KeycloakServer server, Rest admin, MailSink mail) {
        CustomerConsoleRealm realm = CustomerConsoleRealm.create(admin, server, "walkthrough");
        try {
            CustomerPages page = new CustomerPages(browser);
            browser.open(server.baseUrl() + "/realms/master/portal-access/console/")
                    .signIn(KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
            page.click("realm-selector");
            page.click("realm-option-" + realm.name);
            browser.waitForText(testId("overview-realm"), realm.name);

            // create a customer
            page.click("nav-customers");
            page.click("create-customer");
            page.type("customer-name", "Acme Robotics").type("customer-alias", "acme-robotics");
            page.type("customer-portalUrl", server.baseUrl() + "/realms/" + realm.name + "/account/");
            page.click("create-customer-submit");
            page.waitForText("page-title", "Acme Robotics");
            assertEquals("false", page.el("customer-created").getAttribute("data-invitation-sent"), "no contact, no automatic invitation");
            String customerId = realm.customerId("acme-robotics");

            // restrict it to a domain
            page.tab("authentication");
            page.flip("domain-restriction-switch");
            page.type("domain-entry-0", "acme-robotics.example");
            page.click("domain-restriction-save");
            page.notice("Saved");

            // invite a user with a role: the first becomes Administrator (the dialog says so), the second is a Viewer
            page.tab("users");
            page.waitForText("no-members", "first user invited");
            invite(page, "ann@acme-robotics.example", "Ann", "Admin", "Administrator: Manages the customer's users", true);
            invite(page, "vera@acme-robotics.example", "Vera", "View", "Viewer: Reads only", false);
            assertEquals("Viewer", page.row("invitation-vera@acme-robotics.example").getAttribute("data-role"));
            browser.screenshot("invited");

            // the invitees follow their mails
            follow(server, realm, mail, "ann@acme-robotics.example", "ann", "Ann", "Admin");
            follow(server, realm, mail, "vera@acme-robotics.example", "vera", "Vera", "View");

            // the admin sees the members with their roles
            browser.driver().navigate().refresh();
            WebElement ann = page.row("member-ann");
            WebElement vera = page.row("member-vera");
            assertEquals("Administrator", ann.getAttribute("data-role"), ann.getText());
            assertTrue(ann.getText().contains("Last Administrator"), ann.getText());
            assertEquals("Viewer", vera.getAttribute("data-role"), vera.getText());
            page.waitForText("no-invitations", "No pending invitations");
            assertEquals("Administrator", realm.roleOf(customerId, "ann"));
            assertEquals("Viewer", realm.roleOf(customerId, "vera"));
            JsonNode restriction = realm.settings(customerId).path("domainRestriction");
            assertEquals("[\"acme-robotics.example\"]", restriction.path("entries").toString());
            browser.screenshot("members");

            // and the list says so
            page.click("back-to-customers");
            WebElement row = page.row("customer-row-acme-robotics");
            assertEquals("2", row.findElement(testId("col-users")).getText());
            assertEquals("true", row.findElement(testId("col-domain-restriction")).getAttribute("data-value"));
            browser.screenshot("list");
            // no script error, no CSP violation; Chromium logs the 400 answers to the checks of bad entries
            // (POST .../settings/check, see docs/console-customers.md) as failed loads
            assertEquals(List.of(), browser.consoleErrors().stream()
                    .filter(e -> !(e.contains("/settings/check - Failed to load resource") && e.contains("status of 400"))).toList());
        } finally {
            realm.delete();
        }
    }

    private static void invite(CustomerPages page, String email, String first, String last, String role, boolean firstUser) {
        page.click("invite-user");
        if (firstUser) {
            page.waitForText("invite-first-user", "becomes its Administrator");
        }
        page.type("invite-email", email).type("invite-firstName", first).type("invite-lastName", last);
        page.select("invite-role", role);
        page.click("invite-submit");
        page.notice(email);
        page.row("invitation-" + email);
    }

    /** In a browser of their own: open the mail's link, register on Keycloak's page. */
    private static void follow(KeycloakServer server, CustomerConsoleRealm realm, MailSink mail, String email, String username,
            String first, String last) {
        String link = mail.awaitMail(email, "Acme Robotics").link(server.baseUrl() + "/realms/" + realm.name + "/")
                .replace("&#61;", "=").replace("&#38;", "&").replace("&amp;", "&");
        try (ConsoleBrowser invitee = ConsoleBrowser.start("CustomerWalkthroughIT-invitee-" + username)) {
            CustomerPages page = new CustomerPages(invitee);
            invitee.open(link);
            invitee.waitFor(By.id("kc-register-form"));
            fill(invitee, "username", username);
            fill(invitee, "email", email);
            fill(invitee, "firstName", first);
            fill(invitee, "lastName", last);
            fill(invitee, "password", CustomerConsoleRealm.PASSWORD);
            fill(invitee, "password-confirm", CustomerConsoleRealm.PASSWORD);
            invitee.driver().findElement(By.cssSelector("#kc-register-form [type='submit']")).click();
            invitee.until(d -> !d.findElements(By.id("kc-register-form")).isEmpty() ? false : true, "registration done");
            invitee.until(d -> realm.roleOf(realm.customerId("acme-robotics"), username) != null, username + " is a member");
            page.browser.screenshot("registered");
        }
    }

    private static void fill(ConsoleBrowser browser, String id, String value) {
        List<WebElement> found = browser.driver().findElements(By.id(id));
        if (found.isEmpty() || !found.get(0).isEnabled() || found.get(0).getAttribute("readonly") != null) {
            return;
        }
        WebElement field = found.get(0);
        field.clear();
        field.sendKeys(value);
    }
}
