package dev.portalaccess.keycloak.it.registration;

import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** The service-desk realm export runs "Only certain companies can register" out of the box. */
@KeycloakIntegrationTest
class ServiceDeskSelfRegistrationIT {

    private static final String REALM = "service-desk";

    @Test
    void exportCarriesThePerCompanyPolicyTwoCompaniesAndTheGoogleEntry(Rest admin) {
        JsonNode realm = admin.get("/admin/realms/" + REALM).expect(200).json();
        assertEquals("service-desk registration", realm.path("registrationFlow").asText());
        assertTrue(realm.path("registrationAllowed").asBoolean(), "Acme employees may use the form");

        List<JsonNode> configs = SelfRegistrationRealm.executions(admin, REALM, "service-desk registration").stream()
                .filter(e -> SelfRegistrationRealm.FORM_STEP.equals(e.path("providerId").asText())).toList();
        assertEquals(1, configs.size(), "policy step in the registration form");
        JsonNode policy = admin.get("/admin/realms/" + REALM + "/authentication/config/"
                + configs.get(0).path("authenticationConfig").asText()).expect(200).json();
        assertEquals("COMPANIES", policy.path("config").path("mode").asText());

        List<JsonNode> companies = admin.get("/admin/realms/" + REALM + "/organizations?briefRepresentation=false").expect(200).list()
                .stream().filter(o -> o.path("attributes").path("portalaccess.selfRegistration.permitted").path(0).asText().equals("true"))
                .toList();
        assertEquals(2, companies.size(), "two permitted companies");

        JsonNode google = admin.get("/admin/realms/" + REALM + "/identity-provider/instances/google").expect(200).json();
        assertEquals("google", google.path("providerId").asText());
        assertFalse(google.path("enabled").asBoolean(), "placeholder credentials: disabled");
        String brokerFlow = google.path("firstBrokerLoginFlowAlias").asText();
        assertEquals(realm.path("firstBrokerLoginFlow").asText(), brokerFlow, "one first broker login flow for every provider");
        List<String> brokerSteps = SelfRegistrationRealm.executions(admin, REALM, brokerFlow).stream()
                .map(e -> e.path("providerId").asText()).toList();
        assertTrue(brokerSteps.indexOf(SelfRegistrationRealm.IDP_CHECK_STEP) < brokerSteps.indexOf("idp-create-user-if-unique"),
                "policy check before user creation: " + brokerSteps);
        assertTrue(brokerSteps.contains(SelfRegistrationRealm.IDP_GRANT_STEP));
    }

    @Test
    void anAcmeEmployeeRegistersAndAStrangerIsRefused(KeycloakServer server, Rest admin, Browser browser) {
        String registration = server.baseUrl() + "/realms/" + REALM + "/protocol/openid-connect/registrations?client_id=portal"
                + "&response_type=code&scope=openid&redirect_uri=" + SelfRegistrationRealm.enc("http://localhost:3000/")
                + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

        Page stranger = RegistrationPages.register(browser.open(registration), "sd-stranger", "stranger@elsewhere.example", "Secret-123");
        assertContains(RegistrationPages.text(stranger), "Registration is only open to employees of permitted companies", "stranger");

        HtmlPage form = browser.open(registration);
        // success redirects to the portal app (localhost:3000), which does not run here
        browser.client().getOptions().setRedirectEnabled(false);
        String wile = "wile" + System.nanoTime() % 100000 + "@acme.example";
        RegistrationPages.register(form, "sd-acme-" + System.nanoTime() % 100000, wile, "Secret-123");
        JsonNode acme = admin.get("/admin/realms/" + REALM + "/organizations?search=acme&exact=false").expect(200).list().stream()
                .filter(o -> "acme".equals(o.path("alias").asText())).findFirst().orElseThrow();
        String membersPath = "/admin/realms/" + REALM + "/organizations/" + acme.path("id").asText() + "/members";
        assertTrue(admin.get(membersPath).expect(200).list().stream().noneMatch(m -> wile.equals(m.path("email").asText())),
                "not an Acme employee before the address is verified");
        JsonNode user = admin.get("/admin/realms/" + REALM + "/users?exact=true&email=" + SelfRegistrationRealm.enc(wile)).expect(200)
                .list().get(0);
        String userId = user.path("id").asText();
        ((com.fasterxml.jackson.databind.node.ObjectNode) user).put("emailVerified", true);
        admin.put("/admin/realms/" + REALM + "/users/" + userId, user).expect(204);

        List<JsonNode> members = admin.get(membersPath).expect(200).list();
        assertTrue(members.stream().anyMatch(m -> wile.equals(m.path("email").asText())), "Acme employee list once verified");
        List<String> roles = admin.get("/admin/realms/" + REALM + "/users/" + userId + "/role-mappings/realm").expect(200).list()
                .stream().map(r -> r.path("name").asText()).toList();
        assertTrue(roles.contains("service-it-support"), "Acme's service: " + roles);
    }
}
