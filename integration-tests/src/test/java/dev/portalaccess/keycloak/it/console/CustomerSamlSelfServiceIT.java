package dev.portalaccess.keycloak.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The customer self-service SAML endpoints ({@code /realms/{realm}/customer-admin/customers/{id}/saml}) against the
 * real server: every source's refusals by the field (unreachable, internal address, not metadata, no usable SSO
 * binding, bad certificate, invisible characters), who may call them (Administrators only; 403 for Viewers, 404 for
 * another customer's, 403 while the vendor's switch is off), and what a manual set-up makes in Keycloak (a hidden
 * provider linked to the organization with its domain, the test-and-JIT first broker login flow, testing until a test
 * succeeded; the vendor's disabling holds).
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerSamlSelfServiceIT {

    private static final String NO_SSO_BINDING_METADATA = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
            + " entityID=\"urn:idp:soap-only\"><md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
            + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:SOAP\" Location=\"https://idp.example/soap\"/>"
            + "</md:IDPSSODescriptor></md:EntityDescriptor>";

    private final KeycloakServer server;
    private final Rest admin;
    private final TeamRealm realm;
    private final CustomerIdpRealm idp;
    private final String acme;
    private final String globex;

    CustomerSamlSelfServiceIT(KeycloakServer server, Rest admin) {
        this.server = server;
        this.admin = admin;
        this.realm = TeamRealm.create(admin, "saml-rest");
        this.idp = new CustomerIdpRealm(server, admin, "saml-rest-idp");
        this.acme = realm.customer("Acme");
        this.globex = realm.customer("Globex");
        realm.join(acme, realm.user("ann", "ann@acme.example"));
        String vera = realm.user("vera", "vera@acme.example");
        realm.join(acme, vera);
        realm.as("ann").put(realm.selfService("/customers/" + acme + "/members/" + vera), Map.of("role", "Viewer")).expect(200);
        realm.join(globex, realm.user("gina", "gina@globex.example"));
        allowSaml(acme, true);
        allowSaml(globex, true);
    }

    @AfterAll
    void cleanUp() {
        realm.delete();
        idp.delete();
    }

    private void allowSaml(String customer, boolean allowed) {
        JsonNode org = admin.get(realm.path("/organizations/" + customer)).expect(200).json();
        ((ObjectNode) org.path("attributes")).putArray("portalaccess.selfService.saml").add(String.valueOf(allowed));
        admin.put(realm.path("/organizations/" + customer), org.toString()).expect(204);
    }

    private String saml(String customer) {
        return realm.selfService("/customers/" + customer + "/saml");
    }

    private static void refused(Rest.Response answer, int status, String field, String error) {
        answer.expect(status);
        JsonNode body = answer.json();
        assertEquals(error, body.path("error").asText(), answer.body());
        if (field != null) {
            assertEquals(field, body.path("field").asText(), answer.body());
        }
        assertFalse(body.path("errorMessage").asText().isBlank(), answer.body());
        assertTrue(body.path("messageKey").asText().startsWith("portalAccessCustomer"), answer.body());
    }

    private static Map<String, Object> manual(String entityId, String ssoUrl, String certificate) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "manual");
        body.put("entityId", entityId);
        body.put("ssoUrl", ssoUrl);
        body.put("signingCertificate", certificate);
        return body;
    }

    @Test
    void everySourceIsValidatedByTheFieldWithTheReason() {
        Rest ann = realm.as("ann");
        String port = server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1);
        refused(ann.put(saml(acme), Map.of()), 400, "source", "required");
        refused(ann.put(saml(acme), Map.of("source", "ldap")), 400, "source", "invalidSource");
        refused(ann.put(saml(acme), Map.of("source", "metadataUrl")), 400, "metadataUrl", "required");
        refused(ann.put(saml(acme), Map.of("source", "metadataUrl", "metadataUrl", "file:///etc/passwd")), 400, "metadataUrl", "invalidUrl");
        // the server's own loopback address, not the allowed host name: an internal address
        Rest.Response internal = ann.put(saml(acme), Map.of("source", "metadataUrl",
                "metadataUrl", "http://127.0.0.1:" + port + "/realms/" + idp.name + "/protocol/saml/descriptor"));
        refused(internal, 400, "metadataUrl", "privateAddress");
        refused(ann.put(saml(acme), Map.of("source", "metadataUrl", "metadataUrl", "http://169.254.169.254/latest/meta-data/")),
                400, "metadataUrl", "privateAddress");
        Rest.Response missing = ann.put(saml(acme), Map.of("source", "metadataUrl",
                "metadataUrl", server.baseUrl() + "/realms/no-such-realm/protocol/saml/descriptor"));
        refused(missing, 400, "metadataUrl", "metadataUnreachable");
        assertTrue(missing.json().path("errorMessage").asText().contains("404"), missing.body());
        refused(ann.put(saml(acme), Map.of("source", "metadataUrl",
                "metadataUrl", server.baseUrl() + "/realms/" + idp.name + "/.well-known/openid-configuration")), 400, "metadataUrl", "notMetadata");
        refused(ann.put(saml(acme), Map.of("source", "metadataXml", "metadataXml", "<html><body>hello</body></html>")),
                400, "metadataXml", "notMetadata");
        refused(ann.put(saml(acme), Map.of("source", "metadataXml", "metadataXml", NO_SSO_BINDING_METADATA)),
                400, "metadataXml", "noSsoBinding");
        refused(ann.put(saml(acme), manual(idp.entityId(), idp.ssoUrl(), "MIIBnotacertificate")), 400, "signingCertificate", "badCertificate");
        refused(ann.put(saml(acme), manual(idp.entityId(), idp.ssoUrl(), "")), 400, "signingCertificate", "required");
        refused(ann.put(saml(acme), manual(idp.entityId() + "\u200b", idp.ssoUrl(), idp.signingCertificate())),
                400, "entityId", "invalidCharacters");
        refused(ann.put(saml(acme), manual(idp.entityId(), "javascript:alert(1)", idp.signingCertificate())), 400, "ssoUrl", "invalidUrl");
        Map<String, Object> soap = manual(idp.entityId(), idp.ssoUrl(), idp.signingCertificate());
        soap.put("binding", "SOAP");
        refused(ann.put(saml(acme), soap), 400, "binding", "invalidBinding");

        // nothing was made by any of them
        assertFalse(ann.get(saml(acme)).expect(200).json().path("configured").asBoolean());
        admin.get(realm.path("/identity-provider/instances/saml-acme")).expect(404);
        refused(ann.put(saml(acme) + "/enabled", Map.of("enabled", true)), 404, null, "samlNotConfigured");
    }

    @Test
    void onlyTheCustomersAdministratorsAndOnlyWhileTheVendorAllowsIt() {
        Map<String, Object> body = Map.of("source", "metadataUrl", "metadataUrl", idp.metadataUrl());
        refused(realm.as("vera").put(saml(acme), body), 403, null, "notCustomerAdministrator");
        refused(realm.as("vera").get(saml(acme)), 403, null, "notCustomerAdministrator");
        // another customer's: 404 exactly like one that does not exist
        Rest.Response other = realm.as("ann").put(saml(globex), body);
        Rest.Response none = realm.as("ann").put(saml("00000000-0000-0000-0000-000000000000"), body);
        refused(other, 404, null, "customerNotFound");
        assertEquals(none.body(), other.body());
        refused(realm.as("gina").get(saml(acme)), 404, null, "customerNotFound");

        allowSaml(globex, false);
        try {
            Rest gina = realm.as("gina");
            refused(gina.get(saml(globex)), 403, null, "samlNotAllowed");
            refused(gina.put(saml(globex), body), 403, null, "samlNotAllowed");
            refused(gina.post(saml(globex) + "/test", Map.of()), 403, null, "samlNotAllowed");
            refused(gina.put(saml(globex) + "/enabled", Map.of("enabled", true)), 403, null, "samlNotAllowed");
            refused(gina.delete(saml(globex)), 403, null, "samlNotAllowed");
            assertFalse(gina.get(realm.selfService("/customers/" + globex)).expect(200).json().path("saml").asBoolean());
        } finally {
            allowSaml(globex, true);
        }
        assertTrue(realm.as("gina").get(realm.selfService("/customers/" + globex)).expect(200).json().path("saml").asBoolean());
    }

    @Test
    void twoFirstSetUpsAtOnceMakeOneProvider() throws Exception {
        Map<String, Object> body = manual(idp.entityId(), idp.ssoUrl(), idp.signingCertificate());
        // the realm's first set-up makes the realm's two flows (a realm-wide race this test does not cover, see team.md)
        String umbrella = realm.customer("Umbrella");
        realm.join(umbrella, realm.user("uma", "uma@umbrella.example"));
        allowSaml(umbrella, true);
        realm.as("uma").put(saml(umbrella), body).expect(200);
        String initech = realm.customer("Initech");
        realm.join(initech, realm.user("ivan", "ivan@initech.example"));
        allowSaml(initech, true);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Rest.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Rest ivan = realm.as("ivan");
                answers.add(pool.submit(() -> {
                    start.await();
                    return ivan.put(saml(initech), body);
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Rest.Response> answer : answers) {
                Rest.Response done = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(200, done.status(), done.body());
            }
        } finally {
            pool.shutdownNow();
        }
        admin.get(realm.path("/identity-provider/instances/saml-initech")).expect(200);
        assertEquals(3, admin.get(realm.path("/identity-provider/instances/saml-initech/mappers")).expect(200).list().size(),
                "one set of attribute importers");
    }

    @Test
    void aManualSetUpIsAHiddenLinkedProviderThatStaysInTestingAndTheVendorsDisablingHolds() {
        Rest gina = realm.as("gina");
        JsonNode made = gina.put(saml(globex), manual(idp.entityId(), idp.ssoUrl(),
                "-----BEGIN CERTIFICATE-----\n" + idp.signingCertificate() + "\n-----END CERTIFICATE-----\n")).expect(200).json();
        assertEquals("saml-globex", made.path("alias").asText());
        assertEquals("testing", made.path("state").asText());
        assertFalse(made.path("tested").asBoolean());
        assertEquals(server.baseUrl() + "/realms/" + realm.name + "/broker/saml-globex/endpoint", made.path("acsUrl").asText());

        JsonNode provider = admin.get(realm.path("/identity-provider/instances/saml-globex")).expect(200).json();
        assertTrue(provider.path("hideOnLogin").asBoolean(), provider.toString());
        assertFalse(provider.path("trustEmail").asBoolean(), provider.toString());
        assertEquals(globex, provider.path("organizationId").asText(), provider.toString());
        assertEquals("globex.example", provider.path("config").path("kc.org.domain").asText());
        assertFalse(provider.path("config").has("kc.org.broker.redirect.mode.email-matches"), "no redirect while testing");
        assertEquals(idp.entityId(), provider.path("config").path("idpEntityId").asText());
        assertEquals(idp.signingCertificate(), provider.path("config").path("signingCertificate").asText());
        assertEquals("portal-customer-saml-first-broker-login", provider.path("firstBrokerLoginFlowAlias").asText());
        List<String> steps = admin.get(realm.path("/authentication/flows/portal-customer-saml-first-broker-login/executions"))
                .expect(200).list().stream().filter(e -> e.path("level").asInt() == 0)
                .map(e -> e.path("providerId").asText("")).toList();
        assertEquals("portal-access-customer-saml-test", steps.get(0), steps.toString());
        assertTrue(steps.indexOf("portal-access-invitation-jit") > steps.indexOf("portal-access-customer-saml-test"), steps.toString());
        assertEquals(1, admin.get(realm.path("/organizations/" + globex + "/identity-providers")).expect(200).list().size());

        // not before a successful test sign-in
        refused(gina.put(saml(globex) + "/enabled", Map.of("enabled", true)), 409, "enabled", "samlNotTested");
        JsonNode test = gina.post(saml(globex) + "/test", Map.of()).expect(200).json();
        assertTrue(test.path("url").asText().contains("kc_idp_hint=saml-globex"), test.toString());
        assertTrue(test.path("url").asText().contains("client_id=portal-access-team"), test.toString());

        // the vendor disables it: the customer can neither test nor turn it on, and a new configuration keeps it off
        ObjectNode disabled = (ObjectNode) admin.get(realm.path("/identity-provider/instances/saml-globex")).expect(200).json();
        disabled.put("enabled", false);
        admin.put(realm.path("/identity-provider/instances/saml-globex"), disabled.toString()).expect(204);
        refused(gina.post(saml(globex) + "/test", Map.of()), 409, null, "samlDisabledByVendor");
        assertFalse(gina.put(saml(globex), manual(idp.entityId(), idp.ssoUrl(), idp.signingCertificate())).expect(200).json()
                .path("enabled").asBoolean());
        assertFalse(admin.get(realm.path("/identity-provider/instances/saml-globex")).expect(200).json().path("enabled").asBoolean());

        gina.delete(saml(globex)).expect(204);
        admin.get(realm.path("/identity-provider/instances/saml-globex")).expect(404);
        assertFalse(gina.get(saml(globex)).expect(200).json().path("configured").asBoolean());

        // admin events name gina, the acting customer Administrator
        String ginaId = admin.get(realm.path("/users?exact=true&username=gina")).expect(200).list().get(0).path("id").asText();
        List<JsonNode> events = admin.get(realm.path("/admin-events?max=100&resourceTypes=IDENTITY_PROVIDER")).expect(200).list();
        for (String operation : List.of("CREATE", "UPDATE", "ACTION", "DELETE")) {
            assertTrue(events.stream().anyMatch(e -> operation.equals(e.path("operationType").asText())
                    && ginaId.equals(e.path("authDetails").path("userId").asText())
                    && "identity-provider/instances/saml-globex".equals(e.path("resourcePath").asText())), operation + " by gina: " + events);
        }
    }
}
