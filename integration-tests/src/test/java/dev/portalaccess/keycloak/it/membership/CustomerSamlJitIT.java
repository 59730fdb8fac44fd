package dev.portalaccess.keycloak.it.membership;

import static dev.portalaccess.keycloak.it.membership.Customers.WITHOUT_INVITATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A customer's own SAML identity provider (a second realm of the same server) linked to its organization:
 * just-in-time activation of pending invitations on the first sign-in, the per-customer choice without an
 * invitation, and the domain restriction on Keycloak's own "add organization member" first-login step.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerSamlJitIT {

    private static final String NO_INVITATION_TEXT = "There is no pending invitation for";
    private static final String DOMAIN_TEXT = "only accepts addresses from its own email domains";

    private final Rest admin;
    private final CustomerSamlIdp saml;

    CustomerSamlJitIT(KeycloakServer server, Rest admin) {
        this.admin = admin;
        this.saml = new CustomerSamlIdp(server, admin, "membership-saml");
        saml.installJitFlow();
    }

    /** A customer with {@code attributes} and its own SAML IdP; returns {orgId, idpAlias}. */
    private String[] customer(Map<String, List<String>> attributes, boolean jit) {
        String name = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        String org = Customers.create(admin, saml.portalRealm, name, name + ".example", attributes);
        String alias = name + "-saml";
        saml.addIdentityProvider(alias, org, jit ? CustomerSamlIdp.JIT_FLOW : null);
        return new String[] {org, alias};
    }

    private static String unique(String local, String domain) {
        return local + "-" + UUID.randomUUID().toString().substring(0, 6) + "@" + domain;
    }

    private JsonNode onlyUser(String email, Page page) {
        List<JsonNode> users = Customers.usersByEmail(admin, saml.portalRealm, email);
        assertEquals(1, users.size(), "one portal account for " + email + "; last page " + page.getUrl() + ":\n" + Pages.text(page));
        return users.get(0);
    }

    private JsonNode member(String org, String userId) {
        return admin.get(Customers.orgs(saml.portalRealm) + "/" + org + "/members/" + userId).expect(200).json();
    }

    private JsonNode errorEvent(String email) {
        return Customers.events(admin, saml.portalRealm, "IDENTITY_PROVIDER_FIRST_LOGIN_ERROR").stream()
                .filter(e -> email.equals(e.path("details").path("email").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no IDENTITY_PROVIDER_FIRST_LOGIN_ERROR event for " + email));
    }

    @Test
    void pendingInvitationIsActivatedOnTheFirstSamlSignIn(Browser browser) {
        String[] c = customer(Map.of(), true);
        String email = unique("ivy", "acme.com");
        String password = saml.idpUser(email);
        Customers.inviteUser(admin, saml.portalRealm, c[0], email).expect(204);
        String invitationId = Customers.invitations(admin, saml.portalRealm, c[0]).get(0).path("id").asText();

        Page landed = saml.signIn(browser, c[1], email, password);

        assertTrue(landed.getUrl().toString().startsWith(saml.accountUrl()) && landed.getUrl().getQuery().contains("code="),
                "signed in to the portal: " + landed.getUrl() + "\n" + Pages.text(landed));
        JsonNode user = onlyUser(email, landed);
        assertEquals("MANAGED", member(c[0], user.path("id").asText()).path("membershipType").asText());
        assertTrue(user.path("enabled").asBoolean(), "the account is active");
        assertTrue(Customers.invitations(admin, saml.portalRealm, c[0]).isEmpty(), "the invitation is accepted");
        JsonNode accepted = Customers.events(admin, saml.portalRealm, "INVITE_ORG").stream()
                .filter(e -> invitationId.equals(e.path("details").path("invitation_id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no INVITE_ORG event for invitation " + invitationId));
        assertEquals(c[0], accepted.path("details").path("org_id").asText());
    }

    @Test
    void withoutInvitationTheFirstSignInIsRefusedByDefault(Browser browser) {
        String[] c = customer(Map.of(), true);
        String email = unique("jay", "acme.com");
        String password = saml.idpUser(email);

        Page refused = saml.signIn(browser, c[1], email, password);

        assertEquals(400, refused.getWebResponse().getStatusCode(), Pages.text(refused));
        assertTrue(Pages.text(refused).contains(NO_INVITATION_TEXT), Pages.text(refused));
        assertTrue(Customers.usersByEmail(admin, saml.portalRealm, email).isEmpty(), "no account is kept");
        JsonNode event = errorEvent(email);
        assertEquals("invitation_required", event.path("error").asText());
        assertEquals(c[1], event.path("details").path("identity_provider").asText());
    }

    @Test
    void withoutInvitationTheCustomerCanLetUsersJoinAsPlainMembers(Browser browser) {
        String[] c = customer(Map.of(WITHOUT_INVITATION, List.of("join")), true);
        String email = unique("kim", "acme.com");
        String password = saml.idpUser(email);

        Page landed = saml.signIn(browser, c[1], email, password);

        JsonNode user = onlyUser(email, landed);
        assertEquals("MANAGED", member(c[0], user.path("id").asText()).path("membershipType").asText());
    }

    @Test
    void joiningWithoutInvitationStaysWithinTheAllowedDomains(Browser browser) {
        Map<String, List<String>> attributes = new HashMap<>(Customers.restrictedTo("acme.com"));
        attributes.put(WITHOUT_INVITATION, List.of("join"));
        String[] c = customer(attributes, true);
        String outsider = unique("lou", "gmail.example");
        String outsiderPassword = saml.idpUser(outsider);
        String insider = unique("max", "eu.acme.com");
        String insiderPassword = saml.idpUser(insider);

        Page refused = saml.signIn(browser, c[1], outsider, outsiderPassword);
        assertTrue(Pages.text(refused).contains(DOMAIN_TEXT), Pages.text(refused));
        assertTrue(Customers.usersByEmail(admin, saml.portalRealm, outsider).isEmpty(), "no account is kept");
        assertEquals("domain_not_allowed", errorEvent(outsider).path("error").asText());

        browser.client().getCookieManager().clearCookies();
        Page landed = saml.signIn(browser, c[1], insider, insiderPassword);
        onlyUser(insider, landed);
    }

    @Test
    void keycloaksOwnFirstLoginMembershipHonoursTheDomainRestriction(Browser browser) {
        // the realm's default first broker login flow: Keycloak's idp-add-organization-member adds the member
        String[] c = customer(Customers.restrictedTo("acme.com"), false);
        String outsider = unique("ned", "gmail.example");
        String outsiderPassword = saml.idpUser(outsider);
        String insider = unique("ola", "acme.com");
        String insiderPassword = saml.idpUser(insider);

        Page refused = saml.signIn(browser, c[1], outsider, outsiderPassword);
        assertEquals(400, refused.getWebResponse().getStatusCode(), Pages.text(refused));
        assertTrue(Pages.text(refused).contains(DOMAIN_TEXT), Pages.text(refused));
        assertTrue(Customers.usersByEmail(admin, saml.portalRealm, outsider).isEmpty(), "no account is kept");
        assertEquals("domain_not_allowed", errorEvent(outsider).path("error").asText());

        browser.client().getCookieManager().clearCookies();
        Page landed = saml.signIn(browser, c[1], insider, insiderPassword);
        JsonNode user = onlyUser(insider, landed);
        assertEquals("MANAGED", member(c[0], user.path("id").asText()).path("membershipType").asText());
    }
}
