package dev.portalaccess.keycloak.it.membership;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;

/**
 * A customer's own SAML identity provider, played by a second realm of the same server ("the customer's
 * IdP realm"), brokered by the portal realm and linked to the customer's organization.
 *
 * <p>Signatures are off on both sides (the test is about membership, not SAML crypto) and every binding is
 * HTTP-Redirect, so the JavaScript-less browser follows the whole round trip; should a POST form appear
 * anyway, {@link Pages#postSamlForms} posts it.
 */
final class CustomerSamlIdp {

    static final String PORTAL_CLIENT = "portal";
    static final String JIT_FLOW = "portal first broker login";

    private final KeycloakServer server;
    private final Rest admin;
    final String portalRealm;
    final String idpRealm;

    CustomerSamlIdp(KeycloakServer server, Rest admin, String prefix) {
        this.server = server;
        this.admin = admin;
        this.portalRealm = Customers.realm(admin, prefix + "-portal");
        this.idpRealm = TestRealms.create(admin, Map.of("realm", TestRealms.uniqueName(prefix + "-idp")));
        Map<String, Object> client = new HashMap<>();
        client.put("clientId", PORTAL_CLIENT);
        client.put("publicClient", true);
        client.put("standardFlowEnabled", true);
        client.put("redirectUris", List.of(accountUrl() + "*"));
        admin.post("/admin/realms/" + portalRealm + "/clients", client).expect(201);
    }

    /**
     * The portal realm's first broker login flow with the JIT authenticator: a copy of Keycloak's default
     * one with {@code portal-access-invitation-jit} REQUIRED between "User creation or linking" (20) and
     * "First Broker Login - Conditional Organization" (60).
     */
    void installJitFlow() {
        String flows = "/admin/realms/" + portalRealm + "/authentication/flows";
        admin.post(flows + "/first%20broker%20login/copy", Map.of("newName", JIT_FLOW)).expect(201);
        String flow = flows + "/" + JIT_FLOW.replace(" ", "%20");
        admin.post(flow + "/executions/execution", Map.of("provider", "portal-access-invitation-jit", "priority", 50))
                .expect(201);
        JsonNode execution = admin.get(flow + "/executions").expect(200).list().stream()
                .filter(e -> "portal-access-invitation-jit".equals(e.path("providerId").asText()))
                .findFirst().orElseThrow();
        Map<String, Object> update = Rest.JSON.convertValue(execution, Map.class);
        update.put("requirement", "REQUIRED");
        admin.put(flow + "/executions", update).expect(202, 204);
    }

    /**
     * A SAML identity provider {@code alias} in the portal realm (first broker login flow {@code flowAlias},
     * or the realm's default when null), its client in the IdP realm, linked to organization {@code orgId}.
     */
    void addIdentityProvider(String alias, String orgId, String flowAlias) {
        String spEntityId = "urn:portal-access:sp:" + alias;
        Map<String, Object> client = new HashMap<>();
        client.put("clientId", spEntityId);
        client.put("protocol", "saml");
        client.put("enabled", true);
        client.put("redirectUris", List.of(server.baseUrl() + "/realms/" + portalRealm + "/broker/" + alias + "/endpoint*"));
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

        Map<String, String> config = new HashMap<>();
        config.put("entityId", spEntityId);
        config.put("singleSignOnServiceUrl", server.baseUrl() + "/realms/" + idpRealm + "/protocol/saml");
        config.put("nameIDPolicyFormat", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        config.put("principalType", "SUBJECT");
        config.put("postBindingAuthnRequest", "false");
        config.put("postBindingResponse", "false");
        config.put("postBindingLogout", "false");
        config.put("validateSignature", "false");
        config.put("wantAuthnRequestsSigned", "false");
        config.put("wantAssertionsSigned", "false");
        config.put("syncMode", "IMPORT");
        Map<String, Object> idp = new HashMap<>();
        idp.put("alias", alias);
        idp.put("providerId", "saml");
        idp.put("enabled", true);
        idp.put("config", config);
        if (flowAlias != null) {
            idp.put("firstBrokerLoginFlowAlias", flowAlias);
        }
        String idps = "/admin/realms/" + portalRealm + "/identity-provider/instances";
        admin.post(idps, idp).expect(201);
        for (String attribute : List.of("email", "firstName", "lastName")) {
            admin.post(idps + "/" + alias + "/mappers", Map.of(
                    "name", attribute, "identityProviderAlias", alias,
                    "identityProviderMapper", "saml-user-attribute-idp-mapper",
                    "config", Map.of("syncMode", "INHERIT", "attribute.name", attribute, "user.attribute", attribute)))
                    .expect(201);
        }
        admin.post(Customers.orgs(portalRealm) + "/" + orgId + "/identity-providers", "\"" + alias + "\"").expect(204);
    }

    /** A user of the customer's IdP realm; returns the password. */
    String idpUser(String email) {
        String password = "Idp-pass-" + UUID.randomUUID().toString().substring(0, 8);
        TestRealms.createUser(admin, idpRealm, email, email, password);
        return password;
    }

    /** Signs in to the portal through identity provider {@code alias}; returns the last page reached. */
    Page signIn(Browser browser, String alias, String email, String password) {
        String auth = server.baseUrl() + "/realms/" + portalRealm + "/protocol/openid-connect/auth?client_id=" + PORTAL_CLIENT
                + "&response_type=code&scope=openid&kc_idp_hint=" + alias
                + "&redirect_uri=" + URLEncoder.encode(accountUrl(), StandardCharsets.UTF_8);
        Page idpLogin = Pages.postSamlForms(browser.client(), browser.get(auth));
        if (!(idpLogin instanceof HtmlPage login) || login.getElementById("kc-form-login") == null) {
            throw new AssertionError("Expected the IdP realm's login page, got " + idpLogin.getUrl() + ":\n" + Pages.text(idpLogin));
        }
        Page afterLogin = Pages.submit(login, "kc-form-login", Map.of("username", email, "password", password));
        return Pages.postSamlForms(browser.client(), afterLogin);
    }

    String accountUrl() {
        return server.baseUrl() + "/realms/" + portalRealm + "/account/";
    }

    private static Map<String, Object> userProperty(String property) {
        return Map.of("name", property, "protocol", "saml", "protocolMapper", "saml-user-property-mapper",
                "config", Map.of("user.attribute", property, "attribute.name", property,
                        "attribute.nameformat", "Basic", "friendly.name", property));
    }
}
