package dev.portalaccess.keycloak.it.membership;

import static dev.portalaccess.keycloak.it.membership.Customers.DOMAINS;
import static dev.portalaccess.keycloak.it.membership.Customers.ENABLED;
import static dev.portalaccess.keycloak.it.membership.Customers.WITHOUT_INVITATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Domain restrictions through Keycloak's own admin REST API: invite-user, invite-existing-user and adding
 * a member. Nothing here calls an endpoint of this project: the rule is enforced underneath them.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainRestrictionRestIT {

    private final Rest admin;
    private final String realm;

    DomainRestrictionRestIT(Rest admin) {
        this.admin = admin;
        this.realm = Customers.realm(admin, "membership-rest");
    }

    private String restrictedCustomer(String... entries) {
        String name = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        return Customers.create(admin, realm, name, name + ".example", Customers.restrictedTo(entries));
    }

    private static String unique(String local, String domain) {
        return local + "-" + UUID.randomUUID().toString().substring(0, 6) + "@" + domain;
    }

    private static void assertRefusal(Rest.Response response, String field, String error) {
        response.expect(400);
        JsonNode body = response.json();
        assertEquals(field, body.path("field").asText(), response.body());
        assertEquals(error, body.path("error").asText(), response.body());
        assertFalse(body.path("errorMessage").asText().isBlank(), response.body());
    }

    @Test
    void inviteUserOutsideTheAllowedDomainsIsRefusedAndNothingIsSent(MailSink mail) {
        String org = restrictedCustomer("acme.com");
        String email = unique("mallory", "evil.example");

        assertRefusal(Customers.inviteUser(admin, realm, org, email), "email", "domainNotAllowed");

        assertTrue(Customers.invitations(admin, realm, org).isEmpty(), "no invitation may be stored");
        assertTrue(mail.mailsTo(email).isEmpty(), "no invitation mail may be sent");
    }

    @Test
    void inviteUserWithinTheAllowedDomainsIsSentForDomainSubdomainAnyCaseAndIdn(MailSink mail) {
        String org = restrictedCustomer("acme.com", "bücher.example");
        String plain = unique("bob", "acme.com");
        String upper = unique("carol", "ACME.COM");
        String sub = unique("eve", "eu.acme.com");
        String idn = unique("anna", "xn--bcher-kva.example");

        for (String email : List.of(plain, upper, sub, idn)) {
            Customers.inviteUser(admin, realm, org, email).expect(204);
        }

        assertEquals(4, Customers.invitations(admin, realm, org).size());
        mail.awaitMail(sub, "");
    }

    @Test
    void wildcardEntryAllowsSubdomainsOnly() {
        String org = restrictedCustomer("*.acme.com");
        assertRefusal(Customers.inviteUser(admin, realm, org, unique("bob", "acme.com")), "email", "domainNotAllowed");
        Customers.inviteUser(admin, realm, org, unique("eve", "eu.acme.com")).expect(204);
    }

    @Test
    void inviteExistingUserOutsideTheAllowedDomainsIsRefused() {
        String org = restrictedCustomer("acme.com");
        String outsider = TestRealms.createUser(admin, realm, "x" + UUID.randomUUID(), unique("x", "evil.example"), null);
        String insider = TestRealms.createUser(admin, realm, "y" + UUID.randomUUID(), unique("y", "acme.com"), null);

        assertRefusal(Customers.inviteExistingUser(admin, realm, org, outsider), "email", "domainNotAllowed");
        assertTrue(Customers.invitations(admin, realm, org).isEmpty());

        Customers.inviteExistingUser(admin, realm, org, insider).expect(204);
        assertEquals(1, Customers.invitations(admin, realm, org).size());
    }

    @Test
    void addingAMemberOutsideTheAllowedDomainsIsRefused() {
        String org = restrictedCustomer("acme.com");
        String outsider = TestRealms.createUser(admin, realm, "z" + UUID.randomUUID(), unique("z", "evil.example"), null);
        String noEmail = TestRealms.createUser(admin, realm, "n" + UUID.randomUUID(), null, null);
        String insider = TestRealms.createUser(admin, realm, "w" + UUID.randomUUID(), unique("w", "sales.acme.com"), null);

        assertRefusal(Customers.addMember(admin, realm, org, outsider), "email", "domainNotAllowed");
        assertFalse(Customers.isMember(admin, realm, org, outsider));
        assertRefusal(Customers.addMember(admin, realm, org, noEmail), "email", "emailMissing");
        assertFalse(Customers.isMember(admin, realm, org, noEmail));

        Customers.addMember(admin, realm, org, insider).expect(201);
        assertTrue(Customers.isMember(admin, realm, org, insider));
    }

    @Test
    void restrictionOffAdmitsAnyDomain() {
        String name = "open-" + UUID.randomUUID().toString().substring(0, 8);
        String org = Customers.create(admin, realm, name, name + ".example",
                Map.of(ENABLED, List.of("false"), DOMAINS, List.of("acme.com")));
        String outsider = TestRealms.createUser(admin, realm, "o" + UUID.randomUUID(), unique("o", "evil.example"), null);

        Customers.inviteUser(admin, realm, org, unique("p", "evil.example")).expect(204);
        Customers.addMember(admin, realm, org, outsider).expect(201);
    }

    @Test
    void turningTheRestrictionOnAppliesToTheNextChange() {
        String name = "later-" + UUID.randomUUID().toString().substring(0, 8);
        String org = Customers.create(admin, realm, name, name + ".example", Map.of());
        String outsider = TestRealms.createUser(admin, realm, "l" + UUID.randomUUID(), unique("l", "evil.example"), null);

        Customers.putAttributes(admin, realm, org, Customers.restrictedTo("acme.com")).expect(204);

        assertRefusal(Customers.addMember(admin, realm, org, outsider), "email", "domainNotAllowed");
    }

    @Test
    void invalidSettingsAreRefusedNamingTheAttributeAndTheEntryAndNothingChanges() {
        String org = restrictedCustomer("acme.com");

        Rest.Response badDomain = Customers.putAttributes(admin, realm, org,
                Map.of(ENABLED, List.of("true"), DOMAINS, List.of("acme.com", "not a domain")));
        assertRefusal(badDomain, DOMAINS, "invalidDomainRule");
        assertEquals("not a domain", badDomain.json().path("entry").asText());

        assertRefusal(Customers.putAttributes(admin, realm, org, Map.of(ENABLED, List.of("yes"))), ENABLED, "invalidValue");
        assertRefusal(Customers.putAttributes(admin, realm, org, Map.of(WITHOUT_INVITATION, List.of("maybe"))),
                WITHOUT_INVITATION, "invalidValue");

        assertEquals(List.of("acme.com"), Customers.attributes(admin, realm, org).get(DOMAINS), "the update is all or nothing");
    }

    @Test
    void creatingACustomerWithInvalidSettingsIsRefusedAndCreatesNothing() {
        String name = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        Rest.Response response = admin.post(Customers.orgs(realm), Map.of("name", name, "alias", name,
                "domains", List.of(Map.of("name", name + ".example")),
                "attributes", Map.of(DOMAINS, List.of("@@"))));
        assertRefusal(response, DOMAINS, "invalidDomainRule");
        assertTrue(admin.get(Customers.orgs(realm) + "?exact=true&search=" + name).expect(200).list().isEmpty());
    }

    @Test
    void validSettingsAreStoredAsOrganizationAttributes() {
        String org = restrictedCustomer("acme.com");
        Map<String, List<String>> settings = Map.of(ENABLED, List.of("true"), DOMAINS, List.of("acme.com", "*.acme.io",
                "contractor@gmail.com"), WITHOUT_INVITATION, List.of("join"));

        Customers.putAttributes(admin, realm, org, settings).expect(204);

        Map<String, List<String>> stored = Customers.attributes(admin, realm, org);
        assertEquals(List.of("true"), stored.get(ENABLED));
        assertEquals(3, stored.get(DOMAINS).size());
        assertEquals(List.of("join"), stored.get(WITHOUT_INVITATION));
    }
}
