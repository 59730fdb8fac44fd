package dev.portalaccess.keycloak.it.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * Realms, users, identity providers and pages the email-rule integration tests share. Every realm is made
 * through the real admin REST API, as an admin would in the console; none configures a project validator:
 * the rules under test must hold without one.
 */
final class EmailFixture {

    static final String PASSWORD = "Secret-Passw0rd!";
    static final String INVALID_MESSAGE = "This is not a valid email address";
    static final String INVALID_KEY = "portalaccessEmailInvalid";
    static final String IDP = "upstream";
    static final String DENYLIST_STEP = "portal-access-denylist-broker";
    static final String CLIENT = "email-it";

    /** Zero-width space, combining grapheme joiner, variation selector 16, Hangul filler: all "invisible". */
    static final String ZWSP = "\u200B";
    static final String CGJ = "\u034F";
    static final String VS16 = "\uFE0F";
    static final String HANGUL_FILLER = "\u3164";

    private EmailFixture() {
    }

    /** A throwaway realm: registration on, user events stored (every type), a public client with direct grants. */
    static String realm(Rest admin, String prefix, Map<String, Object> extra) {
        Map<String, Object> rep = new HashMap<>();
        rep.put("realm", TestRealms.uniqueName(prefix));
        rep.put("registrationAllowed", true);
        rep.put("eventsEnabled", true);
        rep.put("organizationsEnabled", true);
        rep.put("clients", List.of(Map.of("clientId", CLIENT, "publicClient", true, "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false)));
        rep.putAll(extra);
        return TestRealms.create(admin, rep);
    }

    static String realm(Rest admin, String prefix) {
        return realm(admin, prefix, Map.of());
    }

    /**
     * A realm whose mail server accepts UTF-8 addresses (SMTPUTF8, {@code allowutf8}): Keycloak then accepts
     * non-ASCII local parts, as it does in a realm without a mail server.
     */
    static String utf8Realm(Rest admin, String prefix) {
        Map<String, String> smtp = new HashMap<>(MailSink.shared().smtpServerConfig());
        smtp.put("allowutf8", "true");
        return realm(admin, prefix, Map.of("smtpServer", smtp));
    }

    /** Enables or disables a required action of the realm, registering it first if needed. */
    static void setRequiredAction(Rest admin, String realm, String alias, boolean enabled) {
        String base = "/admin/realms/" + realm + "/authentication/required-actions/" + alias;
        Rest.Response current = admin.get(base);
        if (current.status() == 404) {
            if (!enabled) {
                return;
            }
            admin.post("/admin/realms/" + realm + "/authentication/register-required-action",
                    Map.of("providerId", alias, "name", alias)).expect(204);
            current = admin.get(base).expect(200);
        }
        JsonNode rep = current.expect(200).json();
        ((ObjectNode) rep).put("enabled", enabled);
        admin.put(base, rep).expect(204);
    }

    /** The account REST API as the user (password grant of the realm's public client). */
    static Rest accountApi(KeycloakServer server, String realm, String username) {
        Rest anonymous = Rest.anonymous(server);
        String token = anonymous.passwordGrant(realm, CLIENT, null, username, PASSWORD).expect(200)
                .json().path("access_token").asText();
        return anonymous.withToken(token);
    }

    static Map<String, Object> profile(String username, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", email);
        body.put("firstName", "Test");
        body.put("lastName", username);
        return body;
    }

    static JsonNode user(Rest admin, String realm, String id) {
        return admin.get("/admin/realms/" + realm + "/users/" + id).expect(200).json();
    }

    static String emailOf(Rest admin, String realm, String id) {
        return user(admin, realm, id).path("email").asText();
    }

    static List<JsonNode> users(Rest admin, String realm) {
        return admin.get("/admin/realms/" + realm + "/users?briefRepresentation=true&max=100").expect(200).list();
    }

    /** The user events of {@code type} the realm recorded, newest first. */
    static List<JsonNode> events(Rest admin, String realm, String type) {
        return admin.get("/admin/realms/" + realm + "/events?type=" + type + "&max=100").expect(200).list();
    }

    /** The newest event of {@code type} with this {@code error}; fails when there is none. */
    static JsonNode event(Rest admin, String realm, String type, String error) {
        return events(admin, realm, type).stream().filter(e -> error.equals(e.path("error").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " event with error " + error + ": "
                        + events(admin, realm, type)));
    }

    static String authUrl(String baseUrl, String realm) {
        String redirect = baseUrl + "/realms/" + realm + "/account/";
        return baseUrl + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=account&response_type=code&scope=openid"
                + "&redirect_uri=" + enc(redirect);
    }

    static String registrationUrl(String baseUrl, String realm) {
        return authUrl(baseUrl, realm).replace("/openid-connect/auth?", "/openid-connect/registrations?");
    }

    static HtmlPage register(HtmlPage page, String username, String email) throws Exception {
        HtmlForm form = page.getHtmlElementById("kc-register-form");
        form.getInputByName("username").setValue(username);
        form.getInputByName("email").setValue(email);
        form.getInputByName("firstName").setValue("Test");
        form.getInputByName("lastName").setValue(username);
        form.getInputByName("password").setValue(PASSWORD);
        form.getInputByName("password-confirm").setValue(PASSWORD);
        return submit(form);
    }

    /**
     * Signs in on a login page; in a realm with organizations Keycloak asks for the username first and the
     * password on a second page.
     */
    static HtmlPage login(HtmlPage loginPage, String username, String password) throws Exception {
        HtmlForm form = loginPage.getForms().get(0);
        form.getInputByName("username").setValue(username);
        if (!form.getInputsByName("password").isEmpty()) {
            form.getInputByName("password").setValue(password);
            return submit(form);
        }
        HtmlPage next = submit(form);
        HtmlForm passwordForm = next.getForms().stream().filter(f -> !f.getInputsByName("password").isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no password form after the username: " + next.asNormalizedText()));
        passwordForm.getInputByName("password").setValue(password);
        return submit(passwordForm);
    }

    static HtmlPage submit(HtmlForm form) throws Exception {
        List<HtmlElement> buttons = form.getElementsByAttribute("input", "type", "submit");
        if (buttons.isEmpty()) {
            buttons = form.getElementsByAttribute("button", "type", "submit");
        }
        if (buttons.isEmpty()) {
            buttons = form.getElementsByTagName("button").stream().map(HtmlElement.class::cast).toList();
        }
        assertNotNull(buttons.isEmpty() ? null : buttons.get(0), "a submit button in " + form.asXml());
        return buttons.get(0).click();
    }

    /** The error shown next to the field {@code name} (keycloak.v2 login theme), or "" when none. */
    static String fieldError(HtmlPage page, String name) {
        DomElement error = page.getElementById("input-error-" + name);
        return error == null ? "" : error.getTextContent().strip();
    }

    static void assertFieldError(HtmlPage page, String field, String expected) {
        String error = fieldError(page, field);
        assertTrue(error.contains(expected), "expected '" + expected + "' by the " + field + " field, got '" + error
                + "' on\n" + page.asNormalizedText());
    }

    // --- a second realm of the same server as an OpenID Connect identity provider ---

    /**
     * Realm B: the identity provider. Its users carry the address to send in the attribute {@code sentEmail},
     * mapped to the {@code email} claim (so it can send addresses no admin could store as an email), and no
     * email of their own.
     */
    static String upstreamRealm(KeycloakServer server, Rest admin, String realmA) {
        String mapperClaim = "email";
        Map<String, Object> mapper = Map.of("name", "sent email", "protocol", "openid-connect",
                "protocolMapper", "oidc-usermodel-attribute-mapper",
                "config", Map.of("user.attribute", "sentEmail", "claim.name", mapperClaim, "jsonType.label", "String",
                        "id.token.claim", "true", "access.token.claim", "true", "userinfo.token.claim", "true"));
        Map<String, Object> rep = new HashMap<>();
        rep.put("realm", TestRealms.uniqueName("email-idp"));
        rep.put("clients", List.of(Map.of("clientId", "broker", "secret", "broker-secret", "publicClient", false,
                "standardFlowEnabled", true, "protocolMappers", List.of(mapper), "redirectUris",
                List.of(server.baseUrl() + "/realms/" + realmA + "/broker/" + IDP + "/endpoint*"))));
        String realmB = TestRealms.create(admin, rep);
        JsonNode profile = admin.get("/admin/realms/" + realmB + "/users/profile").expect(200).json();
        ((ObjectNode) profile).put("unmanagedAttributePolicy", "ENABLED");
        for (JsonNode attribute : profile.path("attributes")) {
            if ("email".equals(attribute.path("name").asText())) {
                ((ObjectNode) attribute).remove("required"); // its users have no email of their own
            }
        }
        admin.put("/admin/realms/" + realmB + "/users/profile", profile).expect(200);
        return realmB;
    }

    /** A user of realm B who will send {@code sentEmail} as their email. */
    static void upstreamUser(Rest admin, String realmB, String username, String sentEmail) {
        Map<String, Object> user = new HashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("firstName", "Up");
        user.put("lastName", username);
        user.put("attributes", Map.of("sentEmail", List.of(sentEmail)));
        user.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        admin.post("/admin/realms/" + realmB + "/users", user).expect(201);
    }

    /** Realm B as identity provider {@value #IDP} of realm A; {@code flow} null keeps the realm's first broker login flow. */
    static void identityProvider(KeycloakServer server, Rest admin, String realmA, String realmB, String flow) {
        String issuer = server.baseUrl() + "/realms/" + realmB;
        String oidc = issuer + "/protocol/openid-connect";
        Map<String, String> config = new HashMap<>();
        config.put("authorizationUrl", oidc + "/auth");
        config.put("tokenUrl", oidc + "/token");
        config.put("userInfoUrl", oidc + "/userinfo");
        config.put("jwksUrl", oidc + "/certs");
        config.put("issuer", issuer);
        config.put("clientId", "broker");
        config.put("clientSecret", "broker-secret");
        config.put("clientAuthMethod", "client_secret_post");
        config.put("defaultScope", "openid profile");
        config.put("syncMode", "IMPORT");
        config.put("validateSignature", "true");
        config.put("useJwksUrl", "true");
        Map<String, Object> idp = new HashMap<>();
        idp.put("alias", IDP);
        idp.put("providerId", "oidc");
        idp.put("enabled", true);
        idp.put("trustEmail", true);
        idp.put("config", config);
        if (flow != null) {
            idp.put("firstBrokerLoginFlowAlias", flow);
        }
        admin.post("/admin/realms/" + realmA + "/identity-provider/instances", idp).expect(201);
    }

    /** Opens realm A's login page, clicks the realm B button, signs in there; returns the page back in realm A. */
    static HtmlPage signInUpstream(KeycloakServer server, Browser browser, String realmA, String username) throws Exception {
        HtmlPage login = browser.open(authUrl(server.baseUrl(), realmA));
        HtmlAnchor idpLink = login.getHtmlElementById("social-" + IDP);
        HtmlPage upstreamLogin = idpLink.click();
        return login(upstreamLogin, username, PASSWORD);
    }

    /** Sets "Review Profile" of a first broker login flow to {@code on}, {@code missing} or {@code off}. */
    static void reviewProfile(Rest admin, String realm, String flow, String mode) {
        String auth = "/admin/realms/" + realm + "/authentication";
        JsonNode review = executions(admin, realm, flow).stream()
                .filter(e -> "idp-review-profile".equals(e.path("providerId").asText())).findFirst().orElseThrow();
        JsonNode config = admin.get(auth + "/config/" + review.path("authenticationConfig").asText()).expect(200).json();
        ((ObjectNode) config.path("config")).put("update.profile.on.first.login", mode);
        admin.put(auth + "/config/" + config.path("id").asText(), config).expect(204);
    }

    /** A copy of the built-in first broker login flow with the denylist step right after "Review Profile". */
    static void flowWithDenylistStep(Rest admin, String realm, String flow) {
        String auth = "/admin/realms/" + realm + "/authentication";
        admin.post(auth + "/flows/first%20broker%20login/copy", Map.of("newName", flow)).expect(201);
        admin.post(auth + "/flows/" + enc(flow) + "/executions/execution", Map.of("provider", DENYLIST_STEP)).expect(201);
        JsonNode step = executions(admin, realm, flow).stream()
                .filter(e -> DENYLIST_STEP.equals(e.path("providerId").asText())).findFirst().orElseThrow();
        ((ObjectNode) step).put("requirement", "REQUIRED");
        admin.put(auth + "/flows/" + enc(flow) + "/executions", step).expect(202, 204);
        for (int i = 0; i < 6 && !DENYLIST_STEP.equals(topLevelSteps(admin, realm, flow).get(1)); i++) {
            admin.post(auth + "/executions/" + step.path("id").asText() + "/raise-priority", Map.of()).expect(204);
        }
        assertEquals(DENYLIST_STEP, topLevelSteps(admin, realm, flow).get(1), "the step runs right after Review Profile");
    }

    static List<String> topLevelSteps(Rest admin, String realm, String flow) {
        return executions(admin, realm, flow).stream().filter(e -> e.path("level").asInt() == 0)
                .map(e -> e.path("providerId").asText(e.path("displayName").asText())).toList();
    }

    static List<JsonNode> executions(Rest admin, String realm, String flow) {
        return admin.get("/admin/realms/" + realm + "/authentication/flows/" + enc(flow) + "/executions").expect(200).list();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
