package dev.portalaccess.keycloak.it.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * A realm of an earlier version has "Join a tenant" registered under its old id
 * {@code portalaccess-tenant-invitation} (docs/renames.md): that registration keeps offering the invitations,
 * and no second registration under the new id is added (which would bypass an admin who disabled the old one).
 */
@KeycloakIntegrationTest
class DeprecatedTenantInvitationIdIT {

    private static final String OLD_ID = "portalaccess-tenant-invitation";
    private static final String NEW_ID = "portal-access-tenant-invitation";

    @Test
    void theOldRegistrationOffersTheInvitationAndNoNewOneIsAdded(KeycloakServer server, Rest admin, MailSink mail, Browser browser)
            throws Exception {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String actions = r.base + "/authentication/required-actions";
        admin.delete(actions + "/" + NEW_ID).expect(204);
        admin.post(r.base + "/authentication/register-required-action",
                Map.of("providerId", OLD_ID, "name", "Join a tenant (old id)")).expect(204);
        String tenant = r.tenant("acme");
        r.grant(tenant, r.staff("keeper")).expect(201);
        String email = PartnerInvitationIT.email("old-id");
        String userId = TestRealms.createUser(admin, r.name, "oldid", email, PartnerRealm.PASSWORD);
        PartnerInvitationIT.invite(r, tenant, email);

        HtmlPage page = browser.open(PartnerInvitationIT.link(server, mail, email));
        HtmlAnchor proceed = page.getFirstByXPath("//a[contains(@href, 'action-token')]");
        if (proceed != null) {
            page = proceed.click();
        }
        HtmlPage accept = PartnerInvitationIT.signIn(page, "oldid");
        HtmlForm acceptForm = accept.getHtmlElementById("portalaccess-tenant-invitation");
        assertTrue(accept.asNormalizedText().contains("acme"), "names the tenant: " + accept.asNormalizedText());
        acceptForm.getInputByName("accept").click();

        assertTrue(r.hasAccess(tenant, userId), "access after accepting through the old id");
        assertEquals(404, admin.get(actions + "/" + NEW_ID).status(), "no second registration under the new id");
        assertTrue(admin.get(actions + "/" + OLD_ID).expect(200).json().path("enabled").asBoolean());
    }

    @Test
    void anAdminWhoDisabledTheOldRegistrationIsRespected(KeycloakServer server, Rest admin, MailSink mail, Browser browser)
            throws Exception {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String actions = r.base + "/authentication/required-actions";
        admin.delete(actions + "/" + NEW_ID).expect(204);
        admin.post(r.base + "/authentication/register-required-action",
                Map.of("providerId", OLD_ID, "name", "Join a tenant (old id)")).expect(204);
        admin.put(actions + "/" + OLD_ID, Map.of("alias", OLD_ID, "providerId", OLD_ID, "name", "Join a tenant (old id)",
                "enabled", false, "defaultAction", false)).expect(204);
        String tenant = r.tenant("acme");
        r.grant(tenant, r.staff("keeper")).expect(201);
        String email = PartnerInvitationIT.email("old-off");
        String userId = TestRealms.createUser(admin, r.name, "oldoff", email, PartnerRealm.PASSWORD);
        PartnerInvitationIT.invite(r, tenant, email);

        HtmlPage page = browser.open(PartnerInvitationIT.link(server, mail, email));
        HtmlAnchor proceed = page.getFirstByXPath("//a[contains(@href, 'action-token')]");
        if (proceed != null) {
            page = proceed.click();
        }
        HtmlPage after = PartnerInvitationIT.signIn(page, "oldoff");
        assertTrue(after.getElementById("portalaccess-tenant-invitation") == null, after.asNormalizedText());
        assertFalse(r.hasAccess(tenant, userId), "no acceptance while the admin keeps it off");
        assertEquals(404, admin.get(actions + "/" + NEW_ID).status(), "not re-registered under the new id");
    }
}
