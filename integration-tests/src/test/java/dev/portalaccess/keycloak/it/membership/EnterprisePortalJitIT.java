package dev.portalaccess.keycloak.it.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The enterprise-portal realm export as shipped, imported under another name: Globex's SAML provider
 * ({@code globex-saml}, organization {@code globex}, {@code portalaccess.jit.withoutInvitation=refuse}) runs
 * the just-in-time activation step on the first sign-in. Only the provider's endpoints change (placeholder
 * metadata in the export): a second realm of the same server plays Globex's identity provider.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnterprisePortalJitIT {

    private static final String IDP = "globex-saml";
    private static final String JIT = "portal-access-invitation-jit";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"; // S256 of a fixed verifier

    private final KeycloakServer server;
    private final Rest admin;
    private final String realm;
    private final String idpRealm;
    private final String globex;

    EnterprisePortalJitIT(KeycloakServer server, Rest admin) throws IOException {
        this.server = server;
        this.admin = admin;
        this.realm = TestRealms.uniqueName("enterprise-jit");
        this.idpRealm = TestRealms.create(admin, Map.of("realm", TestRealms.uniqueName("globex-idp")));

        ObjectNode export;
        try (InputStream in = getClass().getResourceAsStream("/realms/enterprise-portal-realm.json")) {
            export = (ObjectNode) Rest.JSON.readTree(in);
        }
        export.put("realm", realm);
        export.set("smtpServer", Rest.JSON.valueToTree(MailSink.shared().smtpServerConfig()));
        String spEntityId = "urn:portal-access:sp:" + realm;
        for (JsonNode idp : export.path("identityProviders")) {
            if (IDP.equals(idp.path("alias").asText())) {
                ObjectNode config = (ObjectNode) idp.path("config");
                config.remove(List.of("metadataDescriptorUrl", "singleLogoutServiceUrl"));
                config.put("idpEntityId", server.baseUrl() + "/realms/" + idpRealm);
                config.put("singleSignOnServiceUrl", server.baseUrl() + "/realms/" + idpRealm + "/protocol/saml");
                config.put("entityId", spEntityId);
                // HTTP-Redirect everywhere so that the JavaScript-less browser follows the round trip
                config.put("postBindingAuthnRequest", "false");
                config.put("postBindingResponse", "false");
                config.put("postBindingLogout", "false");
            }
        }
        admin.post("/admin/realms", export).expect(201);
        this.globex = Customers.idByAlias(admin, realm, "globex");

        Map<String, Object> client = new HashMap<>();
        client.put("clientId", spEntityId);
        client.put("protocol", "saml");
        client.put("enabled", true);
        client.put("redirectUris", List.of(server.baseUrl() + "/realms/" + realm + "/broker/" + IDP + "/endpoint*"));
        client.put("attributes", Map.of(
                "saml.server.signature", "false",
                "saml.client.signature", "false",
                "saml.assertion.signature", "false",
                "saml.encrypt", "false",
                "saml.authnstatement", "true",
                "saml.force.post.binding", "false",
                "saml_force_name_id_format", "true",
                "saml_name_id_format", "email"));
        client.put("protocolMappers", List.of(userProperty("email"), userProperty("firstName"), userProperty("lastName")));
        admin.post("/admin/realms/" + idpRealm + "/clients", client).expect(201);
    }

    private static Map<String, Object> userProperty(String property) {
        return Map.of("name", property, "protocol", "saml", "protocolMapper", "saml-user-property-mapper",
                "config", Map.of("user.attribute", property, "attribute.name", property,
                        "attribute.nameformat", "Basic", "friendly.name", property));
    }

    private String idpUser(String email) {
        String password = "Idp-pass-" + UUID.randomUUID().toString().substring(0, 8);
        TestRealms.createUser(admin, idpRealm, email, email, password);
        return password;
    }

    private static String unique(String local) {
        return local + "-" + UUID.randomUUID().toString().substring(0, 6) + "@globex.com";
    }

    private String accountUrl() {
        return server.baseUrl() + "/realms/" + realm + "/account/";
    }

    /** Signs in to the account console of the imported realm through Globex's provider. */
    private Page signIn(Browser browser, String email, String password) {
        String auth = server.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=account-console"
                + "&response_type=code&scope=openid&kc_idp_hint=" + IDP
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256"
                + "&redirect_uri=" + URLEncoder.encode(accountUrl(), StandardCharsets.UTF_8);
        Page idpLogin = Pages.postSamlForms(browser.client(), browser.get(auth));
        if (!(idpLogin instanceof HtmlPage login) || login.getElementById("kc-form-login") == null) {
            throw new AssertionError("Expected Globex's login page, got " + idpLogin.getUrl() + ":\n" + Pages.text(idpLogin));
        }
        return Pages.postSamlForms(browser.client(),
                Pages.submit(login, "kc-form-login", Map.of("username", email, "password", password)));
    }

    @Test
    void globexsProviderIsBoundToAFirstLoginFlowWithTheJustInTimeStepInPlace() {
        JsonNode idp = admin.get("/admin/realms/" + realm + "/identity-provider/instances/" + IDP).expect(200).json();
        String flow = idp.path("firstBrokerLoginFlowAlias").asText();
        List<JsonNode> executions = admin.get("/admin/realms/" + realm + "/authentication/flows/"
                + URLEncoder.encode(flow, StandardCharsets.UTF_8).replace("+", "%20") + "/executions").expect(200).list();
        int createUser = indexOf(executions, "idp-create-user-if-unique");
        int jit = indexOf(executions, JIT);
        int onboard = indexOf(executions, "idp-add-organization-member");
        assertTrue(jit >= 0, "flow " + flow + " of " + IDP + " has the step " + JIT + ": " + executions);
        assertTrue(createUser >= 0 && createUser < jit && jit < onboard,
                "after the account is created or linked, before Keycloak's organization onboarding: " + executions);
        assertEquals("REQUIRED", executions.get(jit).path("requirement").asText());
        assertEquals(0, executions.get(jit).path("level").asInt(), "at the top level of the flow");
    }

    private static int indexOf(List<JsonNode> executions, String providerId) {
        for (int i = 0; i < executions.size(); i++) {
            if (providerId.equals(executions.get(i).path("providerId").asText())) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void withoutAnInvitationGlobexRefusesTheFirstSignIn(Browser browser) {
        String email = unique("jay");
        String password = idpUser(email);

        Page refused = signIn(browser, email, password);

        assertEquals(400, refused.getWebResponse().getStatusCode(), refused.getUrl() + "\n" + Pages.text(refused));
        assertTrue(Pages.text(refused).contains("There is no pending invitation for " + email + " at Globex"), Pages.text(refused));
        assertTrue(Customers.usersByEmail(admin, realm, email).isEmpty(), "no account is kept");
        JsonNode event = Customers.events(admin, realm, "IDENTITY_PROVIDER_FIRST_LOGIN_ERROR").stream()
                .filter(e -> email.equals(e.path("details").path("email").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no IDENTITY_PROVIDER_FIRST_LOGIN_ERROR event for " + email));
        assertEquals("invitation_required", event.path("error").asText());
    }

    @Test
    void anInvitedGlobexUserIsActivatedOnTheFirstSignIn(Browser browser) {
        String email = unique("ivy");
        String password = idpUser(email);
        Customers.inviteUser(admin, realm, globex, email).expect(204);

        Page landed = signIn(browser, email, password);

        assertTrue(landed.getUrl().toString().startsWith(accountUrl()), "signed in: " + landed.getUrl() + "\n" + Pages.text(landed));
        List<JsonNode> users = Customers.usersByEmail(admin, realm, email);
        assertEquals(1, users.size(), "one account for " + email);
        JsonNode member = admin.get(Customers.orgs(realm) + "/" + globex + "/members/" + users.get(0).path("id").asText())
                .expect(200).json();
        assertEquals("MANAGED", member.path("membershipType").asText());
        assertTrue(Customers.invitations(admin, realm, globex).isEmpty(), "the invitation is accepted");
    }
}
