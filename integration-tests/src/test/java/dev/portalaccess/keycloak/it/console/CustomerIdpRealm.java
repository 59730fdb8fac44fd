package dev.portalaccess.keycloak.it.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;

/**
 * A customer's own SAML identity provider for the self-service SAML tests: a second realm of the same server, with a
 * SAML client for the portal realm's broker endpoint of the customer-made provider ({@code saml-<customer alias>}).
 * It signs its responses with its realm key (published in its metadata, which the portal realm validates), sends the
 * email as NameID and {@code email}/{@code firstName}/{@code lastName} attributes.
 */
final class CustomerIdpRealm {

    static final String PASSWORD = "Idp-Pass-1";

    private final KeycloakServer server;
    private final Rest admin;
    final String name;

    CustomerIdpRealm(KeycloakServer server, Rest admin, String prefix) {
        this.server = server;
        this.admin = admin;
        this.name = TestRealms.create(admin, Map.of("realm", TestRealms.uniqueName(prefix)));
    }

    /** The SAML client for {@code portalRealm}'s provider {@code alias} (its SP entity id is the portal realm's URL). */
    void client(String portalRealm, String alias) {
        Map<String, Object> client = new HashMap<>();
        client.put("clientId", server.baseUrl() + "/realms/" + portalRealm);
        client.put("protocol", "saml");
        client.put("enabled", true);
        client.put("redirectUris", List.of(server.baseUrl() + "/realms/" + portalRealm + "/broker/" + alias + "/endpoint*"));
        client.put("attributes", Map.of(
                "saml.server.signature", "true",
                "saml.client.signature", "false",
                "saml.encrypt", "false",
                "saml.authnstatement", "true",
                "saml_force_name_id_format", "true",
                "saml_name_id_format", "email"));
        client.put("protocolMappers", List.of(property("email"), property("firstName"), property("lastName")));
        admin.post("/admin/realms/" + name + "/clients", client).expect(201);
    }

    String user(String email) {
        return TestRealms.createUser(admin, name, email, email, PASSWORD);
    }

    String metadataUrl() {
        return server.baseUrl() + "/realms/" + name + "/protocol/saml/descriptor";
    }

    String entityId() {
        return server.baseUrl() + "/realms/" + name;
    }

    String ssoUrl() {
        return server.baseUrl() + "/realms/" + name + "/protocol/saml";
    }

    /** The realm's RS256 signing certificate (base64 DER). */
    String signingCertificate() {
        for (JsonNode key : admin.get("/admin/realms/" + name + "/keys").expect(200).json().path("keys")) {
            if ("RS256".equals(key.path("algorithm").asText()) && key.hasNonNull("certificate")) {
                return key.path("certificate").asText();
            }
        }
        throw new AssertionError("no RS256 certificate in realm " + name);
    }

    void delete() {
        admin.delete("/admin/realms/" + name);
    }

    private static Map<String, Object> property(String property) {
        return Map.of("name", property, "protocol", "saml", "protocolMapper", "saml-user-property-mapper",
                "config", Map.of("user.attribute", property, "attribute.name", property,
                        "attribute.nameformat", "Basic", "friendly.name", property));
    }
}
