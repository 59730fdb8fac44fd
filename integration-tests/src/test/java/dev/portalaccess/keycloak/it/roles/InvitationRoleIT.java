package dev.portalaccess.keycloak.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The role an invitation carries lives with the invitation (core's {@code PA_INVITATION_ROLE}, a foreign key to
 * Keycloak's {@code ORG_INVITATION} with {@code ON DELETE CASCADE}): it goes on every removal path, follows a resend
 * to the new invitation, is never taken from an organization attribute, and stays with its own customer. The table's
 * row count is read from the server info (operational info of the {@code portal-access-invitation} JPA provider);
 * the integration tests run one after another, so the count moves only with what a test does.
 */
@KeycloakIntegrationTest
class InvitationRoleIT {

    @Test
    void keycloaksOwnDeleteRemovesTheRole(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "invrole-delete");
        String acme = kc.customer("Acme");
        kc.addMember(acme, kc.user("ann")).expect(201);
        long before = roleRows(admin);

        String id = invite(kc, "ann", acme, "ivo@example.org", "Viewer");
        assertEquals(before + 1, roleRows(admin), "the invitation's role row");

        admin.delete(kc.path("/organizations/" + acme + "/invitations/" + id)).expect(204);
        assertEquals(before, roleRows(admin), "Keycloak's own DELETE took the role with the invitation");
        assertEquals(List.of(), kc.as("ann").get(kc.selfService("/customers/" + acme + "/invitations")).expect(200).list());
    }

    @Test
    void everyResendHandsTheRoleToTheNewInvitation(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "invrole-resend");
        String acme = kc.customer("Acme");
        kc.addMember(acme, kc.user("ann")).expect(201);
        String ivo = kc.user("ivo");
        long before = roleRows(admin);
        String first = invite(kc, "ann", acme, "ivo@example.org", "Viewer");

        // Keycloak's own resend: the old invitation (and its role row) goes, a new one is made
        admin.post(kc.path("/organizations/" + acme + "/invitations/" + first + "/resend"), "application/json", "").expect(204);
        JsonNode second = only(kc.as("ann").get(kc.selfService("/customers/" + acme + "/invitations")).expect(200).list());
        assertNotEquals(first, second.path("id").asText(), "a new invitation");
        assertEquals("Viewer", second.path("role").asText(), "Keycloak's resend keeps the role: " + second);

        // the self-service resend
        JsonNode third = kc.as("ann").post(kc.selfService("/customers/" + acme + "/invitations/" + second.path("id").asText()
                + "/resend"), Map.of()).expect(200).json();
        assertNotEquals(second.path("id").asText(), third.path("id").asText());
        assertEquals("Viewer", third.path("role").asText(), third.toString());

        // the customer API's resend
        JsonNode fourth = admin.post(kc.path("/portal-access/customers/" + acme + "/invitations/" + third.path("id").asText()
                + "/resend"), Map.of()).expect(200).json();
        assertNotEquals(third.path("id").asText(), fourth.path("id").asText());
        assertEquals("Viewer", fourth.path("role").asText(), fourth.toString());
        assertEquals("Viewer", only(admin.get(kc.path("/portal-access/customers/" + acme + "/invitations")).expect(200).list())
                .path("role").asText());
        assertEquals(before + 1, roleRows(admin), "one row: the old ones went with their invitations");

        kc.addMember(acme, ivo).expect(201);
        assertEquals("Viewer", kc.team("ann", acme).get("ivo"), "the last invitation's role is granted");
    }

    @Test
    void deletingTheCustomerRemovesTheRolesOfItsInvitations(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "invrole-orgdel");
        String acme = kc.customer("Acme");
        kc.addMember(acme, kc.user("ann")).expect(201);
        long before = roleRows(admin);
        invite(kc, "ann", acme, "ivo@example.org", "Viewer");
        invite(kc, "ann", acme, "ines@example.org", "Administrator");
        assertEquals(before + 2, roleRows(admin));

        admin.delete(kc.path("/organizations/" + acme)).expect(204);
        assertEquals(before, roleRows(admin), "ORG -> ORG_INVITATION -> PA_INVITATION_ROLE cascade");
    }

    @Test
    void acceptingTheLinkGrantsTheRoleAndRemovesIt(Rest admin, Browser browser, KeycloakServer server) throws Exception {
        CustomerRealm kc = CustomerRealm.create(admin, "invrole-accept");
        String acme = kc.customer("Acme");
        kc.addMember(acme, kc.user("ann")).expect(201);
        kc.user("ilse");
        long before = roleRows(admin);
        invite(kc, "ann", acme, "ilse@example.org", "Viewer");
        assertEquals(before + 1, roleRows(admin));

        String link = MailSink.shared().awaitMail("ilse@example.org", "")
                .link(server.baseUrl() + "/realms/" + kc.realm + "/login-actions/action-token").replace("&#61;", "=");
        HtmlPage page = browser.open(link);
        for (int step = 0; step < 3 && kc.team("ann", acme).get("ilse") == null; step++) {
            HtmlAnchor proceed = page.getAnchors().stream()
                    .filter(a -> a.getHrefAttribute().contains("login-actions/action-token")).findFirst()
                    .orElseThrow(() -> new AssertionError("no link to proceed on "
                            + browser.client().getCurrentWindow().getEnclosedPage().getUrl()));
            page = proceed.click();
        }
        assertEquals("Viewer", kc.team("ann", acme).get("ilse"));
        assertEquals(before, roleRows(admin), "Keycloak removed the accepted invitation, the role went with it");
    }

    @Test
    void anOrganizationAttributeOfTheOldNameGrantsNoRole(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "invrole-raw");
        String acme = kc.customer("Acme");
        kc.addMember(acme, kc.user("ann")).expect(201);
        String ibo = kc.user("ibo");
        // Keycloak's own invite: no role; then someone writes the attribute earlier versions read the role from
        admin.post(kc.path("/organizations/" + acme + "/members/invite-user"), "application/x-www-form-urlencoded",
                "email=ibo%40example.org").expect(204);
        String id = only(admin.get(kc.path("/organizations/" + acme + "/invitations")).expect(200).list()).path("id").asText();
        JsonNode org = admin.get(kc.path("/organizations/" + acme)).expect(200).json();
        ((ObjectNode) org.path("attributes")).putArray("portalaccess.invitation." + id + ".role").add("Administrator");
        admin.put(kc.path("/organizations/" + acme), org.toString()).expect(204);

        assertEquals("User", only(kc.as("ann").get(kc.selfService("/customers/" + acme + "/invitations")).expect(200).list())
                .path("role").asText(), "the attribute is no role");
        assertEquals("User", only(admin.get(kc.path("/portal-access/customers/" + acme + "/invitations")).expect(200).list())
                .path("role").asText());
        kc.addMember(acme, ibo).expect(201);
        assertEquals("User", kc.team("ann", acme).get("ibo"), "joining with the attribute present grants User, not Administrator");
    }

    @Test
    void aRealmImportKeepsNoInvitationRoleAttribute(Rest admin) {
        String realm = TestRealms.uniqueName("invrole-import");
        Map<String, Object> org = new HashMap<>();
        org.put("name", "Acme");
        org.put("alias", "acme");
        org.put("enabled", true);
        org.put("domains", List.of(Map.of("name", "acme.example")));
        // an export of an earlier version: the role of an invitation (which no export carries) as an attribute
        org.put("attributes", Map.of("portalaccess.invitation.7d3c1c0e-0000-4000-8000-000000000001.role", List.of("Administrator"),
                "note", List.of("kept")));
        Map<String, Object> rep = new HashMap<>();
        rep.put("realm", realm);
        rep.put("organizationsEnabled", true);
        rep.put("attributes", Map.of("portalaccess.roles.enabled", "true"));
        rep.put("organizations", List.of(org));
        TestRealms.create(admin, rep);
        try {
            JsonNode organization = only(admin.get("/admin/realms/" + realm + "/organizations?briefRepresentation=false").expect(200).list());
            JsonNode attributes = organization.path("attributes");
            for (Iterator<String> names = attributes.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                assertFalse(name.startsWith("portalaccess.invitation."), "removed at import: " + attributes);
            }
            assertEquals("kept", attributes.path("note").path(0).asText(), "other attributes stay: " + attributes);
        } finally {
            admin.delete("/admin/realms/" + realm).expect(204);
        }
    }

    @Test
    void twoCustomersKeepTheirOwnRolesAndCannotReachEachOthersInvitations(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "invrole-two");
        String acme = kc.customer("Acme");
        String globex = kc.customer("Globex");
        kc.addMember(acme, kc.user("ann")).expect(201);
        kc.addMember(globex, kc.user("gina")).expect(201);
        String ivo = kc.user("ivo");

        // the same person, two customers, two roles; the address as typed is normalised by the email engine
        String atAcme = invite(kc, "ann", acme, "  IVO@Example.ORG ", "Viewer");
        String atGlobex = invite(kc, "gina", globex, "ivo@example.org", "Administrator");
        assertEquals("ivo@example.org", only(kc.as("ann").get(kc.selfService("/customers/" + acme + "/invitations"))
                .expect(200).list()).path("email").asText());
        assertEquals("Viewer", only(admin.get(kc.path("/portal-access/customers/" + acme + "/invitations")).expect(200).list())
                .path("role").asText());
        assertEquals("Administrator", only(admin.get(kc.path("/portal-access/customers/" + globex + "/invitations")).expect(200).list())
                .path("role").asText());

        // another customer's invitation is not there for Acme's Administrator, nor under Acme in the customer API
        Rest ann = kc.as("ann");
        ann.post(kc.selfService("/customers/" + acme + "/invitations/" + atGlobex + "/resend"), Map.of()).expect(404);
        ann.delete(kc.selfService("/customers/" + acme + "/invitations/" + atGlobex)).expect(404);
        admin.post(kc.path("/portal-access/customers/" + acme + "/invitations/" + atGlobex + "/resend"), Map.of()).expect(404);
        admin.delete(kc.path("/portal-access/customers/" + acme + "/invitations/" + atGlobex)).expect(404);
        assertEquals(atGlobex, only(admin.get(kc.path("/portal-access/customers/" + globex + "/invitations")).expect(200).list())
                .path("id").asText(), "still there");

        kc.addMember(acme, ivo).expect(201);
        kc.addMember(globex, ivo).expect(201);
        assertEquals("Viewer", kc.team("ann", acme).get("ivo"));
        assertEquals("Administrator", kc.team("gina", globex).get("ivo"));
        assertTrue(atAcme != null && !atAcme.equals(atGlobex));
    }

    @Test
    void anAddressWithAnInvisibleCharacterIsRefusedOnEveryInvitationPath(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "invrole-invisible");
        String acme = kc.customer("Acme");
        kc.addMember(acme, kc.user("ann")).expect(201);
        String sneaky = "ivo\u200B@example.org";

        JsonNode selfService = kc.as("ann").post(kc.selfService("/customers/" + acme + "/invitations"),
                Map.of("email", sneaky, "role", "Viewer")).expect(400).json();
        assertEquals("email", selfService.path("field").asText(), selfService.toString());
        assertEquals("invalidEmail", selfService.path("error").asText(), selfService.toString());
        JsonNode api = admin.post(kc.path("/portal-access/customers/" + acme + "/invitations"),
                Map.of("email", sneaky, "role", "Viewer")).expect(400).json();
        assertTrue(api.toString().contains("\"email\""), api.toString());
        assertEquals(List.of(), admin.get(kc.path("/organizations/" + acme + "/invitations")).expect(200).list());
    }

    // ---- helpers --------------------------------------------------------------------------------------

    /** Invites through the self-service API as {@code asUser}; answers the invitation's id. */
    private static String invite(CustomerRealm kc, String asUser, String customer, String email, String role) {
        JsonNode invitation = kc.as(asUser).post(kc.selfService("/customers/" + customer + "/invitations"),
                Map.of("email", email, "role", role)).expect(201).json();
        assertEquals(role, invitation.path("role").asText(), invitation.toString());
        assertEquals(customer, invitation.path("organizationId").asText(), "Keycloak's representation: " + invitation);
        return invitation.path("id").asText();
    }

    private static JsonNode only(List<JsonNode> list) {
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }

    /** Rows of PA_INVITATION_ROLE, from the operational info of the {@code portal-access-invitation} JPA provider. */
    static long roleRows(Rest admin) {
        JsonNode providers = admin.get("/admin/serverinfo").expect(200).json().path("providers");
        for (JsonNode spi : providers) {
            JsonNode info = spi.path("providers").path("portal-access-invitation").path("operationalInfo");
            if (!info.isMissingNode()) {
                return Long.parseLong(info.path("rows").asText());
            }
        }
        throw new AssertionError("no portal-access-invitation provider in the server info");
    }
}
