package dev.portalaccess.keycloak.it.denylist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** A person an admin invited registers through the invitation link even when the address is denylisted. */
@KeycloakIntegrationTest
class DenylistInvitationIT {

    @Test
    void invitedPersonRegistersWithADenylistedAddress(KeycloakServer server, Rest admin, MailSink mail, Browser browser)
            throws Exception {
        String realm = DenylistFixture.realm(admin, "dl-invite");
        admin.put("/admin/realms/" + realm, Map.of("organizationsEnabled", true)).expect(204);
        DenylistFixture.importEntries(admin, realm, "spam.example\n");
        String orgId = admin.post("/admin/realms/" + realm + "/organizations", Map.of("name", "Spam Inc", "alias", "spam-inc",
                "domains", List.of(Map.of("name", "spam.example")))).expect(201).createdId();

        String email = "invitee-" + realm + "@spam.example";
        admin.postForm("/admin/realms/" + realm + "/organizations/" + orgId + "/members/invite-user",
                Map.of("email", email, "firstName", "Ivy", "lastName", "Invited")).expect(204);
        // the HTML part escapes '=' and '&' in the link
        String link = mail.awaitMail(email, "Invitation").link(server.baseUrl() + "/realms/" + realm + "/")
                .replace("&#61;", "=").replace("&#38;", "&");

        HtmlPage page = browser.open(link);
        HtmlForm form = page.getHtmlElementById("kc-register-form");
        form.getInputByName("username").setValue("ivy");
        if (!form.getInputsByName("email").isEmpty()) {
            form.getInputByName("email").setValue(email);
        }
        form.getInputByName("firstName").setValue("Ivy");
        form.getInputByName("lastName").setValue("Invited");
        form.getInputByName("password").setValue(DenylistFixture.PASSWORD);
        form.getInputByName("password-confirm").setValue(DenylistFixture.PASSWORD);
        HtmlPage after = DenylistFixture.submit(form);

        assertEquals("", DenylistFixture.fieldError(after, "email"), after.asNormalizedText());
        assertEquals(1, DenylistFixture.usersWithEmail(admin, realm, email), after.asNormalizedText());
        assertEquals(1, admin.get("/admin/realms/" + realm + "/organizations/" + orgId + "/members").expect(200).list().size());
    }
}
