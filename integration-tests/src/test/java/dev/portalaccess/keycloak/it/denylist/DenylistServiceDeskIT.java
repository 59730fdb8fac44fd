package dev.portalaccess.keycloak.it.denylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** The service-desk realm export ships the check switched on and a small sample list. */
@KeycloakIntegrationTest
class DenylistServiceDeskIT {

    static final String REALM = "service-desk";

    @Test
    void sampleListIsLoadedAtImport(Rest admin) {
        List<String> values = admin.get("/admin/realms/" + REALM + "/denylist?max=100").expect(200).list().stream()
                .map(e -> e.path("value").asText()).toList();
        assertTrue(values.containsAll(List.of("mailinator.com", "*.spam.invalid", "abuse@example.com")), values.toString());
        JsonNode check = admin.get("/admin/realms/" + REALM + "/denylist/check?email=someone@eu.mailinator.com").expect(200).json();
        assertTrue(check.path("denied").asBoolean(), check.toString());
    }

    @Test
    void userProfileAndFirstBrokerLoginFlowUseTheCheck(Rest admin) {
        JsonNode profile = admin.get("/admin/realms/" + REALM + "/users/profile").expect(200).json();
        JsonNode email = null;
        for (JsonNode attribute : profile.path("attributes")) {
            if ("email".equals(attribute.path("name").asText())) {
                email = attribute;
            }
        }
        assertTrue(email != null && email.path("validations").has(DenylistFixture.VALIDATOR), String.valueOf(email));

        String flow = admin.get("/admin/realms/" + REALM).expect(200).json().path("firstBrokerLoginFlow").asText();
        List<JsonNode> executions = admin.get("/admin/realms/" + REALM + "/authentication/flows/"
                + DenylistFixture.enc(flow).replace("+", "%20") + "/executions").expect(200).list();
        JsonNode step = executions.stream()
                .filter(e -> DenylistFixture.BROKER_AUTHENTICATOR.equals(e.path("providerId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no denylist step in " + flow + ": " + executions));
        assertEquals("REQUIRED", step.path("requirement").asText());
    }

    @Test
    void registrationIsRefusedForASampleDomain(KeycloakServer server, Rest admin, Browser browser) throws Exception {
        HtmlPage page = browser.open(DenylistFixture.registrationUrl(server.baseUrl(), REALM));
        HtmlPage refused = DenylistRegistrationIT.register(page, "sd-spammer", "sd-spammer@mailinator.com");
        assertTrue(refused.asNormalizedText().contains(DenylistFixture.MESSAGE), refused.asNormalizedText());
        assertEquals(0, DenylistFixture.usersWithEmail(admin, REALM, "sd-spammer@mailinator.com"));
    }
}
