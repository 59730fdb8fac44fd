package dev.portalaccess.keycloak.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** Customer self-service under /realms/{realm}/customer-admin, with the user's own token. */
@KeycloakIntegrationTest
class CustomerSelfServiceIT {

    @Test
    void anotherCustomerIsNotFoundExactlyLikeANonExistentOne(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "self-404");
        String acme = kc.customer("Acme");
        String globex = kc.customer("Globex");
        kc.addMember(acme, kc.user("ann")).expect(201);
        String gina = kc.user("gina");
        kc.addMember(globex, gina).expect(201);

        Rest ann = kc.as("ann");
        Rest.Response other = ann.get(kc.selfService("/customers/" + globex + "/members"));
        Rest.Response missing = ann.get(kc.selfService("/customers/00000000-0000-0000-0000-000000000000/members"));
        other.expect(404);
        missing.expect(404);
        assertEquals(missing.body(), other.body(), "no difference between someone else's customer and none");
        // writes too
        ann.post(kc.selfService("/customers/" + globex + "/invitations"), Map.of("email", "x@example.org")).expect(404);
        ann.delete(kc.selfService("/customers/" + globex + "/members/" + gina)).expect(404);
        ann.put(kc.selfService("/customers/" + globex + "/members/" + gina), Map.of("role", "Viewer")).expect(404);
        // and my customers lists only mine
        List<JsonNode> mine = ann.get(kc.selfService("/customers")).expect(200).list();
        assertEquals(1, mine.size());
        assertEquals(acme, mine.get(0).path("id").asText());
        assertEquals("Administrator", mine.get(0).path("role").asText());
        // without a token: 401
        admin.withToken(null).get(kc.selfService("/customers")).expect(401);
    }

    @Test
    void usersAndViewersListTheirTeamButChangeNothing(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "self-readonly");
        String acme = kc.customer("Acme");
        String ann = kc.user("ann");
        String ulf = kc.user("ulf");
        String vera = kc.user("vera");
        kc.addMember(acme, ann).expect(201);
        kc.addMember(acme, ulf).expect(201);
        kc.addMember(acme, vera).expect(201);
        kc.as("ann").put(kc.selfService("/customers/" + acme + "/members/" + vera), Map.of("role", "Viewer")).expect(200);

        for (String reader : List.of("ulf", "vera")) {
            Rest api = kc.as(reader);
            assertEquals(Map.of("ann", "Administrator", "ulf", "User", "vera", "Viewer"), kc.team(reader, acme));
            api.get(kc.selfService("/customers/" + acme + "/invitations")).expect(200);
            assertForbidden(api.post(kc.selfService("/customers/" + acme + "/invitations"), Map.of("email", "new@example.org")));
            assertForbidden(api.put(kc.selfService("/customers/" + acme + "/members/" + ulf), Map.of("role", "Administrator")));
            assertForbidden(api.delete(kc.selfService("/customers/" + acme + "/members/" + ann)));
        }
        assertEquals(Map.of("ann", "Administrator", "ulf", "User", "vera", "Viewer"), kc.team("ann", acme));
    }

    @Test
    void administratorInvitesWithARoleAndTheInvitationGrantsIt(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "self-invite");
        String acme = kc.customer("Acme");
        String ann = kc.user("ann");
        kc.addMember(acme, ann).expect(201);
        String vic = kc.user("vic");
        Rest annApi = kc.as("ann");

        // bad input names the field
        assertBad(annApi.post(kc.selfService("/customers/" + acme + "/invitations"), Map.of("email", "not-an-email")), "email");
        assertBad(annApi.post(kc.selfService("/customers/" + acme + "/invitations"),
                Map.of("email", "vic@example.org", "role", "Owner")), "role");

        JsonNode invitation = annApi.post(kc.selfService("/customers/" + acme + "/invitations"),
                Map.of("email", "vic@example.org", "firstName", "Vic", "lastName", "Tor", "role", "Viewer")).expect(201).json();
        assertEquals("Viewer", invitation.path("role").asText());
        MailSink.shared().awaitMail("vic@example.org", "");
        List<JsonNode> pending = annApi.get(kc.selfService("/customers/" + acme + "/invitations")).expect(200).list();
        assertEquals(1, pending.size());
        assertEquals("Viewer", pending.get(0).path("role").asText());
        assertEquals("PENDING", pending.get(0).path("status").asText());
        annApi.post(kc.selfService("/customers/" + acme + "/invitations"), Map.of("email", "vic@example.org")).expect(409);

        // the invited user joins (here through Keycloak's admin REST; the listener reads the pending invitation)
        kc.addMember(acme, vic).expect(201);
        assertEquals("Viewer", kc.team("ann", acme).get("vic"));

        // an invitation for someone new, then cancelled
        JsonNode other = annApi.post(kc.selfService("/customers/" + acme + "/invitations"),
                Map.of("email", "newbie@example.org", "firstName", "New", "lastName", "Bie", "role", "Administrator")).expect(201).json();
        MailSink.shared().awaitMail("newbie@example.org", "");
        annApi.delete(kc.selfService("/customers/" + acme + "/invitations/" + other.path("id").asText())).expect(204);
        List<JsonNode> left = annApi.get(kc.selfService("/customers/" + acme + "/invitations")).expect(200).list();
        assertTrue(left.stream().noneMatch(i -> i.path("email").asText().equals("newbie@example.org")), left.toString());
        JsonNode attributes = admin.get(kc.path("/organizations/" + acme)).expect(200).json().path("attributes");
        assertFalse(attributes.toString().contains("portalaccess.invitation."), "invitation role attributes cleaned up: " + attributes);
    }

    @Test
    void acceptingTheInvitationLinkInTheBrowserGrantsTheInvitedRole(Rest admin, Browser browser, KeycloakServer server) throws Exception {
        CustomerRealm kc = CustomerRealm.create(admin, "self-link");
        String acme = kc.customer("Acme");
        kc.addMember(acme, kc.user("ann")).expect(201);
        kc.user("vilma");

        kc.as("ann").post(kc.selfService("/customers/" + acme + "/invitations"),
                Map.of("email", "vilma@example.org", "role", "Viewer")).expect(201);
        String link = MailSink.shared().awaitMail("vilma@example.org", "").link(server.baseUrl() + "/realms/" + kc.realm + "/login-actions/action-token")
                .replace("&#61;", "="); // the text part escapes '=' as an HTML entity

        HtmlPage page = browser.open(link);
        for (int step = 0; step < 3 && kc.team("ann", acme).get("vilma") == null; step++) {
            HtmlAnchor proceed = page.getAnchors().stream()
                    .filter(a -> a.getHrefAttribute().contains("login-actions/action-token")).findFirst()
                    .orElseThrow(() -> new AssertionError("no link to proceed on " + browser.client().getCurrentWindow().getEnclosedPage().getUrl()));
            page = proceed.click();
        }
        assertEquals("Viewer", kc.team("ann", acme).get("vilma"));
        assertEquals(List.of(), kc.as("ann").get(kc.selfService("/customers/" + acme + "/invitations")).expect(200).list());
        assertFalse(admin.get(kc.path("/organizations/" + acme)).expect(200).json().path("attributes").toString()
                .contains("portalaccess.invitation."));
    }

    @Test
    void invitationsObeyTheCustomersDomainRestriction(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "self-domains");
        String acme = kc.customer("Acme");
        kc.addMember(acme, kc.user("ann")).expect(201);
        JsonNode org = admin.get(kc.path("/organizations/" + acme)).expect(200).json();
        com.fasterxml.jackson.databind.node.ObjectNode attributes = (com.fasterxml.jackson.databind.node.ObjectNode) org.path("attributes");
        attributes.putArray("portalaccess.domainRestriction.enabled").add("true");
        attributes.putArray("portalaccess.domainRestriction.domains").add("acme.example");
        admin.put(kc.path("/organizations/" + acme), org.toString()).expect(204);

        Rest annApi = kc.as("ann");
        Rest.Response refused = annApi.post(kc.selfService("/customers/" + acme + "/invitations"),
                Map.of("email", "mallory@elsewhere.example", "role", "User"));
        assertBad(refused, "email");
        assertEquals(List.of(), annApi.get(kc.selfService("/customers/" + acme + "/invitations")).expect(200).list());
        annApi.post(kc.selfService("/customers/" + acme + "/invitations"),
                Map.of("email", "carol@acme.example", "role", "User")).expect(201);
    }

    @Test
    void firstUserIsAdministratorEvenIfInvitedAsViewer(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "self-first");
        String acme = kc.customer("Acme");
        // the realm admin invites the first user as Viewer through the self-service role attribute path:
        // here the invitation is Keycloak's own, carrying the role attribute set by hand
        admin.post(kc.path("/organizations/" + acme + "/members/invite-user"), "application/x-www-form-urlencoded",
                "email=first%40example.org&firstName=First&lastName=User").expect(204);
        JsonNode invitation = admin.get(kc.path("/organizations/" + acme + "/invitations")).expect(200).list().get(0);
        JsonNode org = admin.get(kc.path("/organizations/" + acme)).expect(200).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) org.path("attributes"))
                .putArray("portalaccess.invitation." + invitation.path("id").asText() + ".role").add("Viewer");
        admin.put(kc.path("/organizations/" + acme), org.toString()).expect(204);

        String first = kc.user("first");
        admin.put(kc.path("/users/" + first), Map.of("email", "first@example.org")).expect(204);
        kc.addMember(acme, first).expect(201);
        assertEquals(Map.of("first", "Administrator"), kc.team("first", acme));
    }

    @Test
    void everyChangeIsAnAdminEventNamingTheActingUser(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "self-events");
        String acme = kc.customer("Acme");
        String ann = kc.user("ann");
        String bob = kc.user("bob");
        kc.addMember(acme, ann).expect(201);
        kc.addMember(acme, bob).expect(201);
        Rest annApi = kc.as("ann");

        annApi.put(kc.selfService("/customers/" + acme + "/members/" + bob), Map.of("role", "Viewer")).expect(200);
        annApi.delete(kc.selfService("/customers/" + acme + "/members/" + bob)).expect(204);

        List<JsonNode> events = admin.get(kc.path("/admin-events?resourcePath=organizations/" + acme + "/members/" + bob))
                .expect(200).list();
        assertEquals(List.of("DELETE", "UPDATE"), events.stream().map(e -> e.path("operationType").asText()).toList(), events.toString());
        for (JsonNode event : events) {
            assertEquals(ann, event.path("authDetails").path("userId").asText(), event.toString());
            assertEquals(kc.realmId(), event.path("authDetails").path("realmId").asText(), event.toString());
        }
    }

    static void assertForbidden(Rest.Response response) {
        response.expect(403);
        assertEquals("notCustomerAdministrator", response.json().path("error").asText(), response.body());
    }

    static void assertBad(Rest.Response response, String field) {
        response.expect(400);
        assertEquals(field, response.json().path("field").asText(), response.body());
        assertFalse(response.json().path("errorMessage").asText().isBlank(), response.body());
    }
}
