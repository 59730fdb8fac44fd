package dev.portalaccess.keycloak.it.registration;

import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.assertContains;
import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.policy;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Sign-up through an identity provider ("Sign in with Google"): a second realm of the same server is the
 * OpenID Connect provider; the first broker login flow of the portal realm carries the policy steps.
 */
@KeycloakIntegrationTest
class IdentityProviderPolicyIT {

    @Test
    void anyoneModeSignsUpWithTheDefaultServices(KeycloakServer server, Rest admin, Browser browser) throws IOException {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "idp-anyone", policy("ANYONE",
                "defaultServices=role:" + SelfRegistrationRealm.SERVICE_ROLE));
        String idp = googleStyleProvider(admin, server, r, "lara", "lara@anywhere.test");

        Page after = signInWithProvider(browser, server, r, idp, "lara");

        JsonNode user = r.user("lara");
        assertFalse(user.isMissingNode(), "signed up; page was: " + RegistrationPages.text(after));
        assertTrue(r.realmRoles(user.path("id").asText()).contains(SelfRegistrationRealm.SERVICE_ROLE), "default service");
    }

    @Test
    void companiesModeSignsUpEmployeesIntoTheirCompany(KeycloakServer server, Rest admin, Browser browser) throws IOException {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "idp-company", policy("COMPANIES"));
        String acme = r.createCompany("acme", "acme.test", true, List.of("identityProvider"),
                List.of("role:" + SelfRegistrationRealm.COMPANY_ROLE), false);
        String idp = googleStyleProvider(admin, server, r, "mona", "mona@acme.test");

        signInWithProvider(browser, server, r, idp, "mona");

        JsonNode user = r.user("mona");
        assertFalse(user.isMissingNode(), "employee signed up");
        assertTrue(r.memberIds(acme).contains(user.path("id").asText()), "company member");
        assertTrue(r.realmRoles(user.path("id").asText()).contains(SelfRegistrationRealm.COMPANY_ROLE), "company service");
    }

    @Test
    void companiesModeRefusesStrangersBeforeTheAccountIsCreated(KeycloakServer server, Rest admin, Browser browser) throws IOException {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "idp-refuse", policy("COMPANIES"));
        r.createCompany("acme", "acme.test", true, List.of("identityProvider"), List.of(), false);
        String idp = googleStyleProvider(admin, server, r, "nils", "nils@elsewhere.test");

        Page after = signInWithProvider(browser, server, r, idp, "nils");

        assertContains(RegistrationPages.text(after), "Registration is only open to employees of permitted companies", "refusal page");
        assertTrue(r.user("nils").isMissingNode(), "no account created");
    }

    @Test
    void anyoneModeWithIdentityProviderSignUpOffRefuses(KeycloakServer server, Rest admin, Browser browser) throws IOException {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "idp-off", policy("ANYONE",
                "identityProviderRegistration=false"));
        String idp = googleStyleProvider(admin, server, r, "olga", "olga@anywhere.test");

        Page after = signInWithProvider(browser, server, r, idp, "olga");

        assertContains(RegistrationPages.text(after), "This way of registering is not available", "refusal page");
        assertTrue(r.user("olga").isMissingNode(), "no account created");
    }

    /** A "Google-style" OIDC provider (another realm) for the portal realm; returns that realm's name. */
    static String googleStyleProvider(Rest admin, KeycloakServer server, SelfRegistrationRealm portal, String username, String email) {
        return googleStyleProvider(admin, server, portal, username, email, true, true);
    }

    /**
     * The same with the portal's "Trust email" setting and whether the provider itself has the address verified
     * (its {@code email_verified} claim).
     */
    static String googleStyleProvider(Rest admin, KeycloakServer server, SelfRegistrationRealm portal, String username, String email,
                                      boolean trustEmail, boolean verifiedAtProvider) {
        String brokerEndpoint = server.baseUrl() + "/realms/" + portal.realm + "/broker/google/endpoint";
        String idpRealm = TestRealms.create(admin, Map.of("realm", TestRealms.uniqueName("google"),
                "clients", List.of(Map.of("clientId", "broker", "enabled", true, "publicClient", false,
                        "secret", "broker-secret", "standardFlowEnabled", true, "redirectUris", List.of(brokerEndpoint)))));
        String providerUser = TestRealms.createUser(admin, idpRealm, username, email, "Google-123");
        if (!verifiedAtProvider) {
            JsonNode rep = admin.get("/admin/realms/" + idpRealm + "/users/" + providerUser).expect(200).json();
            ((com.fasterxml.jackson.databind.node.ObjectNode) rep).put("emailVerified", false);
            admin.put("/admin/realms/" + idpRealm + "/users/" + providerUser, rep).expect(204);
        }

        String issuer = server.baseUrl() + "/realms/" + idpRealm;
        Map<String, String> config = new HashMap<>();
        config.put("authorizationUrl", issuer + "/protocol/openid-connect/auth");
        config.put("tokenUrl", issuer + "/protocol/openid-connect/token");
        config.put("userInfoUrl", issuer + "/protocol/openid-connect/userinfo");
        config.put("jwksUrl", issuer + "/protocol/openid-connect/certs");
        config.put("useJwksUrl", "true");
        config.put("validateSignature", "true");
        config.put("issuer", issuer);
        config.put("clientId", "broker");
        config.put("clientSecret", "broker-secret");
        config.put("clientAuthMethod", "client_secret_post");
        config.put("defaultScope", "openid email profile");
        config.put("syncMode", "IMPORT");
        admin.post("/admin/realms/" + portal.realm + "/identity-provider/instances", Map.of(
                "alias", "google", "displayName", "Google", "providerId", "oidc", "enabled", true, "trustEmail", trustEmail,
                "firstBrokerLoginFlowAlias", SelfRegistrationRealm.BROKER_FLOW, "config", config)).expect(201);
        return idpRealm;
    }

    static Page signInWithProvider(Browser browser, KeycloakServer server, SelfRegistrationRealm portal, String idpRealm,
                                   String username) throws IOException {
        HtmlPage login = browser.open(portal.loginUrl(server));
        HtmlAnchor google = login.getFirstByXPath("//a[contains(@href, '/broker/google/')]");
        if (google == null) {
            throw new AssertionError("no 'Google' button on " + login.asXml());
        }
        Page providerLogin = google.click();
        return RegistrationPages.login((HtmlPage) providerLogin, username, "Google-123");
    }
}
