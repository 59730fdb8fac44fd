package dev.portalaccess.keycloak.it.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * The team page's partner API ({@code /realms/{realm}/portal-access/partner}) against the real server: a partner
 * administrator (a plain user in group {@code partner-admins}, no realm-management role) grants, revokes, invites,
 * cancels and switches auto-add with the admin API's own rules and refusals, and the admin events name them; a plain
 * partner user only reads their own tenants (others 404, changes 403); no token or another client's token 401.
 */
@KeycloakIntegrationTest
class PartnerTeamApiIT {

    @Test
    void aPartnerAdministratorManagesTenantAccessAndTheEventsNameThem(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String acme = r.tenant("acme");
        String keeper = r.staff("keeper");
        r.grant(acme, keeper).expect(201);
        String bob = r.staff("bob");
        String pam = r.partnerAdmin("pam");
        assertEquals(List.of(), admin.get(r.base + "/users/" + pam + "/role-mappings/clients/"
                + admin.get(r.base + "/clients?clientId=realm-management").expect(200).list().get(0).path("id").asText())
                .expect(200).list(), "pam has no realm-management role");
        Rest asPam = r.asUser("pam");

        JsonNode me = asPam.get(r.team("/me")).expect(200).json();
        assertTrue(me.path("enabled").asBoolean() && me.path("administrator").asBoolean(), me.toString());
        assertFalse(me.path("partnerUser").asBoolean(), me.toString());
        assertTrue(asPam.get(r.team("/tenants")).expect(200).list().stream().anyMatch(t -> t.path("id").asText().equals(acme)));
        assertTrue(asPam.get(r.team("/staff")).expect(200).list().stream().anyMatch(u -> u.path("id").asText().equals(bob)));

        // grant and revoke a partner user
        asPam.post(r.team("/tenants/" + acme + "/users"), Map.of("userId", bob)).expect(201);
        assertTrue(r.hasAccess(acme, bob));
        JsonNode view = asPam.get(r.team("/tenants/" + acme)).expect(200).json();
        assertTrue(view.path("users").toString().contains(bob), view.toString());
        asPam.delete(r.team("/tenants/" + acme + "/users/" + bob)).expect(204);
        assertFalse(r.hasAccess(acme, bob));

        // invite an external user (the mail arrives), then cancel
        String email = "ext-" + System.nanoTime() + "@external.example";
        JsonNode invitation = asPam.post(r.team("/tenants/" + acme + "/invitations"), Map.of("email", " " + email.toUpperCase() + " "))
                .expect(201).json();
        assertEquals(email, invitation.path("email").asText());
        MailSink.shared().awaitMail(email, "");
        JsonNode again = asPam.post(r.team("/tenants/" + acme + "/invitations"), Map.of("email", email)).expect(409).json();
        assertEquals("alreadyInvited", again.path("error").asText(), again.toString());
        assertEquals("email", again.path("field").asText());
        asPam.delete(r.team("/tenants/" + acme + "/invitations/" + invitation.path("id").asText())).expect(204);
        assertTrue(r.admin.get(r.pa("/tenants/" + acme + "/invitations")).expect(200).list().isEmpty());

        // auto-add on: every partner user gets access; single removals are refused with the rule's reason
        JsonNode on = asPam.put(r.team("/tenants/" + acme + "/auto-add"), Map.of("enabled", true)).expect(200).json();
        assertTrue(on.path("autoAdd").asBoolean());
        assertTrue(r.hasAccess(acme, bob));
        JsonNode refused = asPam.delete(r.team("/tenants/" + acme + "/users/" + bob)).expect(409).json();
        assertEquals("autoAddEnabled", refused.path("error").asText(), refused.toString());
        assertEquals("userId", refused.path("field").asText());
        assertTrue(r.hasAccess(acme, bob), "nothing removed");
        asPam.put(r.team("/tenants/" + acme + "/auto-add"), Map.of("enabled", false)).expect(200);

        // admin events, authenticated as pam (not a realm admin)
        List<JsonNode> events = admin.get(r.base + "/admin-events?max=100").expect(200).list();
        for (String operation : List.of("CREATE", "DELETE", "ACTION", "UPDATE")) {
            assertTrue(events.stream().anyMatch(e -> e.path("operationType").asText().equals(operation)
                            && e.path("authDetails").path("userId").asText().equals(pam)
                            && e.path("resourcePath").asText().startsWith("portal-access/partner/tenants/" + acme)),
                    operation + " by pam in " + events);
        }
    }

    @Test
    void refusalsAreTheContractsAnswers(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String acme = r.tenant("acme");
        String globex = r.tenant("globex");
        String sam = r.staff("sam");
        r.grant(acme, sam).expect(201);
        r.grant(globex, r.staff("gil")).expect(201);
        String outsider = r.user("olga");
        r.partnerAdmin("pam");
        Rest asPam = r.asUser("pam");
        Rest asSam = r.asUser("sam");

        // bad input: 400 by the field, nothing changed
        JsonNode missing = asPam.post(r.team("/tenants/" + acme + "/users"), Map.of()).expect(400).json();
        assertEquals("userId", missing.path("field").asText(), missing.toString());
        assertEquals("required", missing.path("error").asText());
        JsonNode notPartner = asPam.post(r.team("/tenants/" + acme + "/users"), Map.of("userId", outsider)).expect(400).json();
        assertEquals("notPartnerUser", notPartner.path("error").asText(), notPartner.toString());
        assertFalse(r.hasAccess(acme, outsider));
        JsonNode badEmail = asPam.post(r.team("/tenants/" + acme + "/invitations"), Map.of("email", "not-an-email")).expect(400).json();
        assertEquals("email", badEmail.path("field").asText());
        assertEquals("invalidEmail", badEmail.path("error").asText());
        // an invisible character in the address is not a valid address
        JsonNode invisible = asPam.post(r.team("/tenants/" + acme + "/invitations"), Map.of("email", "ext\u200b@external.example"))
                .expect(400).json();
        assertEquals("email", invisible.path("field").asText(), invisible.toString());
        JsonNode badFlag = asPam.put(r.team("/tenants/" + acme + "/auto-add"), Map.of("enabled", "yes")).expect(400).json();
        assertEquals("enabled", badFlag.path("field").asText());
        // the rules: the last user keeps access
        JsonNode last = asPam.delete(r.team("/tenants/" + acme + "/users/" + sam)).expect(409).json();
        assertEquals("lastTenantAccess", last.path("error").asText(), last.toString());
        assertTrue(r.hasAccess(acme, sam));
        // a tenant that is not there: 404
        assertEquals(404, asPam.get(r.team("/tenants/no-such-tenant")).status());
        assertEquals("tenantId", asPam.post(r.team("/tenants/no-such-tenant/users"), Map.of("userId", sam)).expect(404).json()
                .path("field").asText());

        // a partner user: their own tenants only; another tenant answers 404 like a missing one
        JsonNode samMe = asSam.get(r.team("/me")).expect(200).json();
        assertFalse(samMe.path("administrator").asBoolean(), samMe.toString());
        assertTrue(samMe.path("partnerUser").asBoolean(), samMe.toString());
        List<String> samTenants = asSam.get(r.team("/tenants")).expect(200).list().stream().map(t -> t.path("id").asText()).toList();
        assertEquals(List.of(acme), samTenants);
        asSam.get(r.team("/tenants/" + acme)).expect(200);
        JsonNode hidden = asSam.get(r.team("/tenants/" + globex)).expect(404).json();
        JsonNode absent = asSam.get(r.team("/tenants/no-such-tenant")).expect(404).json();
        assertEquals(absent.path("error").asText(), hidden.path("error").asText());
        assertFalse(hidden.toString().contains("globex"), hidden.toString());
        // ... and every change 403 notPartnerAdministrator, whether the tenant exists or not
        for (Rest.Response change : List.of(
                asSam.post(r.team("/tenants/" + acme + "/users"), Map.of("userId", sam)),
                asSam.delete(r.team("/tenants/" + globex + "/users/" + sam)),
                asSam.post(r.team("/tenants/" + acme + "/invitations"), Map.of("email", "x@external.example")),
                asSam.delete(r.team("/tenants/" + acme + "/invitations/whatever")),
                asSam.put(r.team("/tenants/no-such-tenant/auto-add"), Map.of("enabled", true)),
                asSam.get(r.team("/staff")))) {
            JsonNode body = change.expect(403).json();
            assertEquals("notPartnerAdministrator", body.path("error").asText(), body.toString());
            assertEquals("portalAccessPartnerNotPartnerAdministrator", body.path("messageKey").asText());
        }
        assertFalse(autoAdd(r, acme), "auto-add unchanged");

        // no token, another client's token: 401 JSON
        JsonNode anonymous = admin.withToken(null).get(r.team("/tenants")).expect(401).json();
        assertEquals("notAuthenticated", anonymous.path("error").asText(), anonymous.toString());
        admin.post(r.base + "/clients", Map.of("clientId", "other-app", "publicClient", true, "directAccessGrantsEnabled", true))
                .expect(201);
        String otherToken = admin.withToken(null).passwordGrant(r.name, "other-app", null, "pam", PartnerRealm.PASSWORD)
                .expect(200).json().path("access_token").asText();
        JsonNode other = admin.withToken(otherToken).post(r.team("/tenants/" + acme + "/users"), Map.of("userId", sam))
                .expect(401).json();
        assertEquals("notPortalClient", other.path("error").asText(), other.toString());

        // partner access switched off: the realm's partner API says so, to a partner user as to an administrator
        admin.put(r.base + "/portal-access/settings/partner-access", Map.of("enabled", false)).expect(200);
        assertFalse(asSam.get(r.team("/me")).expect(200).json().path("enabled").asBoolean());
        assertEquals("partnerAccessDisabled", asSam.get(r.team("/tenants")).expect(400).json().path("error").asText());
        assertEquals("partnerAccessDisabled", asPam.get(r.team("/tenants")).expect(400).json().path("error").asText());
    }

    private static boolean autoAdd(PartnerRealm r, String tenant) {
        return r.tenantView(tenant).path("autoAdd").asBoolean();
    }
}
