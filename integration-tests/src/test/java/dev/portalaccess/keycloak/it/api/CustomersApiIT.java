package dev.portalaccess.keycloak.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/realms/{realm}/portal-access/customers}: list (search, paging, counts), create (Keycloak's creation,
 * automatic invitation answered), members with roles, invitations with a role, service accounts, identity provider.
 */
@KeycloakIntegrationTest
class CustomersApiIT {

    @Test
    void createAnswersTheCustomerAndWhetherTheAutomaticInvitationWentOut(Rest admin) {
        ApiRealm realm = ApiRealm.create(admin, "api-create", Map.of("portalaccess.autoInvite.enabled", "true"));
        try {
            Rest.Response created = admin.post(realm.api("/customers"), Map.of("name", "Acme Corp", "alias", "acme",
                    "contactEmail", "  IT@Acme.Example ", "portalUrl", "https://portal.acme.example/"));
            created.expect(201);
            JsonNode customer = created.json();
            assertEquals("Acme Corp", customer.path("name").asText(), customer.toString());
            assertEquals("acme", customer.path("alias").asText());
            assertTrue(customer.path("portalAccess").asBoolean());
            assertEquals(0, customer.path("members").asInt());
            assertEquals(2, customer.path("features").path("enabled").asInt(), "the catalogue's defaults: " + customer);
            assertEquals(4, customer.path("features").path("total").asInt());
            assertTrue(customer.path("autoInvite").path("sent").asBoolean(), customer.toString());
            String id = customer.path("id").asText();
            assertTrue(created.header("Location").endsWith("/portal-access/customers/" + id), created.header("Location"));

            // Keycloak's own organization, with the canonical contact and its redirect URL
            JsonNode organization = admin.get(realm.path("/organizations/" + id)).expect(200).json();
            assertEquals("[\"it@acme.example\"]", organization.path("attributes").path("portalaccess.contactEmail").toString());
            assertEquals("https://portal.acme.example/", organization.path("redirectUrl").asText());
            MailSink.shared().awaitMail("it@acme.example", "");
            List<JsonNode> invitations = admin.get(realm.path("/organizations/" + id + "/invitations")).expect(200).list();
            assertEquals(1, invitations.size(), invitations.toString());
            assertTrue(realm.adminEvents("ORGANIZATION", "CREATE").stream()
                    .anyMatch(e -> e.path("resourcePath").asText().equals("organizations/" + id)), "Keycloak's creation event");

            // without a contact: nothing to send, and the answer says why
            JsonNode plain = admin.post(realm.api("/customers"), Map.of("name", "Globex")).expect(201).json();
            assertFalse(plain.path("autoInvite").path("sent").asBoolean(), plain.toString());
            assertTrue(plain.path("autoInvite").path("reason").asText().contains("contact"), plain.toString());

            // the alias is unique: 409 with the contract body
            JsonNode duplicate = admin.post(realm.api("/customers"), Map.of("name", "Acme 2", "alias", "acme")).expect(409).json();
            assertEquals("customerExists", duplicate.path("error").asText(), duplicate.toString());
        } finally {
            realm.delete();
        }
    }

    @Test
    void aBadCustomerIsRefusedNamingEveryFieldAndNothingIsCreated(Rest admin) {
        ApiRealm realm = ApiRealm.create(admin, "api-create-bad");
        try {
            Map<String, Object> bad = new HashMap<>();
            bad.put("name", " ");
            bad.put("contactEmail", "not an address");
            bad.put("portalUrl", "ftp://portal.example");
            bad.put("colour", "red");
            JsonNode refused = admin.post(realm.api("/customers"), bad).expect(400).json();
            Set<String> fields = fields(refused);
            assertEquals(Set.of("name", "contactEmail", "portalUrl", "colour"), fields, refused.toString());
            assertEquals("0", admin.get(realm.path("/organizations/count")).expect(200).body(), "nothing created");
        } finally {
            realm.delete();
        }
    }

    @Test
    void theListSearchesByNameAliasAndDomainPagesAndCounts(Rest admin) {
        ApiRealm realm = ApiRealm.create(admin, "api-list");
        try {
            String acme = realm.organization("acme");
            realm.organization("globex");
            realm.organization("initech");
            admin.post(realm.api("/customers"), Map.of("name", "Umbrella", "alias", "u-corp")).expect(201);
            String ann = realm.user("ann");
            realm.addMember(acme, ann);
            admin.post(realm.path("/organizations/" + acme + "/members/invite-user"), "application/x-www-form-urlencoded",
                    "email=newbie%40acme.example").expect(204);

            List<JsonNode> all = admin.get(realm.api("/customers")).expect(200).list();
            assertEquals(List.of("Acme", "Globex", "Initech", "Umbrella"), names(all), "ordered by name");
            assertEquals("4", admin.get(realm.api("/customers/count")).expect(200).body());
            JsonNode acmeRow = all.get(0);
            assertEquals(1, acmeRow.path("members").asInt(), acmeRow.toString());
            assertEquals(1, acmeRow.path("pendingInvitations").asInt(), acmeRow.toString());
            assertTrue(acmeRow.path("portalAccess").asBoolean());
            assertFalse(acmeRow.path("domainRestriction").asBoolean());
            assertEquals(2, acmeRow.path("features").path("enabled").asInt());

            assertEquals(List.of("Umbrella"), names(admin.get(realm.api("/customers?search=U-CORP")).expect(200).list()), "by alias");
            assertEquals(List.of("Globex"), names(admin.get(realm.api("/customers?search=globex.exa")).expect(200).list()), "by domain");
            assertEquals(List.of("Initech"), names(admin.get(realm.api("/customers?search=nite")).expect(200).list()), "by name");
            assertEquals("1", admin.get(realm.api("/customers/count?search=globex.example")).expect(200).body());
            assertEquals(List.of("Globex", "Initech"), names(admin.get(realm.api("/customers?first=1&max=2")).expect(200).list()));
            assertEquals("max", admin.get(realm.api("/customers?max=1000")).expect(400).json().path("field").asText());
            assertEquals(List.of(), names(admin.get(realm.api("/customers?search=%25")).expect(200).list()), "a % is no wildcard");
        } finally {
            realm.delete();
        }
    }

    @Test
    void membersCarryTheirRoleAndTheLastAdministratorStays(Rest admin) {
        ApiRealm realm = ApiRealm.create(admin, "api-members");
        try {
            String acme = realm.organization("acme");
            String ann = realm.user("ann");
            String bob = realm.user("bob");
            realm.addMember(acme, ann);
            realm.addMember(acme, bob);
            List<JsonNode> members = admin.get(realm.api("/customers/" + acme + "/members")).expect(200).list();
            Map<String, String> roles = members.stream().collect(Collectors.toMap(m -> m.path("username").asText(), m -> m.path("role").asText()));
            assertEquals(Map.of("ann", "Administrator", "bob", "User"), roles, members.toString());
            assertFalse(members.get(0).path("serviceAccount").asBoolean());
            assertFalse(members.get(0).path("managed").asBoolean());

            JsonNode last = admin.put(realm.api("/customers/" + acme + "/members/" + ann + "/role"), Map.of("role", "Viewer"))
                    .expect(409).json();
            assertEquals("lastAdministrator", last.path("error").asText(), last.toString());
            assertEquals("role", last.path("field").asText());
            assertEquals("portalAccessCustomerLastAdministrator", last.path("messageKey").asText());
            assertEquals("400", String.valueOf(admin.put(realm.api("/customers/" + acme + "/members/" + ann + "/role"),
                    Map.of("role", "Owner")).expect(400).status()));

            JsonNode promoted = admin.put(realm.api("/customers/" + acme + "/members/" + bob + "/role"), Map.of("role", "administrator"))
                    .expect(200).json();
            assertEquals("Administrator", promoted.path("role").asText());
            admin.put(realm.api("/customers/" + acme + "/members/" + ann + "/role"), Map.of("role", "Viewer")).expect(200);
            assertEquals(409, admin.delete(realm.api("/customers/" + acme + "/members/" + bob)).status(), "bob is the last Administrator now");
            admin.delete(realm.api("/customers/" + acme + "/members/" + ann)).expect(204);
            assertEquals(1, admin.get(realm.api("/customers/" + acme + "/members")).expect(200).list().size());
            assertEquals(404, admin.delete(realm.api("/customers/" + acme + "/members/" + ann)).status());
            assertTrue(realm.adminEvents("ORGANIZATION_MEMBERSHIP", "DELETE").stream()
                    .anyMatch(e -> e.path("resourcePath").asText().endsWith("/members/" + ann)), "admin event of the removal");
        } finally {
            realm.delete();
        }
    }

    @Test
    void invitationsCarryARoleThroughResendAndAreRemoved(Rest admin) {
        ApiRealm realm = ApiRealm.create(admin, "api-invite");
        try {
            String acme = realm.organization("acme");
            realm.addMember(acme, realm.user("ann"));
            String base = realm.api("/customers/" + acme + "/invitations");
            JsonNode refused = admin.post(base, Map.of("email", "nobody", "role", "Owner")).expect(400).json();
            assertEquals(Set.of("email", "role"), fields(refused), refused.toString());

            JsonNode invitation = admin.post(base, Map.of("email", "Vera@Acme.Example", "role", "Viewer")).expect(201).json();
            assertEquals("vera@acme.example", invitation.path("email").asText(), invitation.toString());
            assertEquals("Viewer", invitation.path("role").asText());
            assertEquals("PENDING", invitation.path("status").asText());
            MailSink.shared().awaitMail("vera@acme.example", "");
            assertEquals(409, admin.post(base, Map.of("email", "vera@acme.example")).status(), "already invited");

            List<JsonNode> listed = admin.get(base).expect(200).list();
            assertEquals(1, listed.size());
            assertEquals("Viewer", listed.get(0).path("role").asText());

            JsonNode resent = admin.post(base + "/" + invitation.path("id").asText() + "/resend", Map.of()).expect(200).json();
            assertNotEquals(invitation.path("id").asText(), resent.path("id").asText(), "Keycloak replaces the invitation");
            assertEquals("Viewer", resent.path("role").asText(), "with the same role");
            assertEquals(1, admin.get(base).expect(200).list().size());

            admin.delete(base + "/" + resent.path("id").asText()).expect(204);
            assertEquals(0, admin.get(base).expect(200).list().size());
            assertEquals(404, admin.delete(base + "/" + resent.path("id").asText()).status());
            JsonNode attributes = admin.get(realm.path("/organizations/" + acme)).expect(200).json().path("attributes");
            attributes.fieldNames().forEachRemaining(name -> assertFalse(name.startsWith("portalaccess.invitation."),
                    "the role went with the invitation: " + attributes));
        } finally {
            realm.delete();
        }
    }

    @Test
    void serviceAccountsAndTheIdentityProviderAreManagedBelowTheCustomer(Rest admin) {
        ApiRealm realm = ApiRealm.create(admin, "api-sa");
        try {
            String acme = realm.organization("acme");
            String base = realm.api("/customers/" + acme);
            JsonNode account = admin.post(base + "/service-accounts", Map.of("name", "ci")).expect(201).json();
            assertEquals("customer-acme-ci", account.path("clientId").asText(), account.toString());
            assertTrue(account.has("secret"));
            assertEquals(1, admin.get(base + "/service-accounts").expect(200).list().size());
            assertEquals("name", admin.post(base + "/service-accounts", Map.of("name", "ci")).expect(409).json().path("field").asText());
            admin.delete(base + "/service-accounts/" + account.path("id").asText()).expect(204);
            assertEquals("revoked", admin.get(base + "/service-accounts/" + account.path("id").asText()).expect(200).json()
                    .path("status").asText());

            admin.post(realm.path("/identity-provider/instances"), Map.of("alias", "acme-saml", "providerId", "saml",
                    "config", Map.of("singleSignOnServiceUrl", "https://sso.acme.example/saml", "entityId", "https://sso.acme.example")))
                    .expect(201);
            admin.post(realm.path("/identity-provider/instances"), Map.of("alias", "acme-oidc", "providerId", "oidc",
                    "config", Map.of("authorizationUrl", "https://sso.acme.example/auth", "tokenUrl", "https://sso.acme.example/token",
                            "clientId", "kc", "clientSecret", "s"))).expect(201);
            assertTrue(admin.get(base + "/identity-provider").expect(200).json().path("alias").isNull());
            assertEquals("notSaml", admin.put(base + "/identity-provider", Map.of("alias", "acme-oidc")).expect(400).json().path("error").asText());
            assertEquals("unknownIdentityProvider", admin.put(base + "/identity-provider", Map.of("alias", "nope")).expect(400)
                    .json().path("error").asText());
            assertEquals("acme-saml", admin.put(base + "/identity-provider", Map.of("alias", "acme-saml")).expect(200).json()
                    .path("alias").asText());
            List<JsonNode> linked = admin.get(realm.path("/organizations/" + acme + "/identity-providers")).expect(200).list();
            assertEquals("acme-saml", linked.get(0).path("alias").asText(), "Keycloak's own link");
            Map<String, Object> unlink = new HashMap<>();
            unlink.put("alias", null);
            assertTrue(admin.put(base + "/identity-provider", unlink).expect(200).json().path("alias").isNull());
            assertEquals(0, admin.get(realm.path("/organizations/" + acme + "/identity-providers")).expect(200).list().size());
        } finally {
            realm.delete();
        }
    }

    static Set<String> fields(JsonNode problem) {
        if (!problem.has("errors")) {
            return Set.of(problem.path("field").asText());
        }
        return java.util.stream.StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(e -> e.path("field").asText()).collect(Collectors.toSet());
    }

    private static List<String> names(List<JsonNode> rows) {
        return rows.stream().map(r -> r.path("name").asText()).toList();
    }
}
