package dev.portalaccess.keycloak.it.denylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/** Realms, users and pages the denylist integration tests share. */
final class DenylistFixture {

    static final String VALIDATOR = "portal-access-email-denylist";
    static final String BROKER_AUTHENTICATOR = "portal-access-denylist-broker";
    static final String MESSAGE = "This email address cannot be used here";
    static final String PASSWORD = "Secret-Passw0rd!";

    private DenylistFixture() {
    }

    /** A throwaway realm with self-registration and events on, and the denylist validator on {@code email}. */
    static String realm(Rest admin, String prefix) {
        Map<String, Object> rep = new HashMap<>();
        rep.put("realm", TestRealms.uniqueName(prefix));
        rep.put("registrationAllowed", true);
        rep.put("eventsEnabled", true);
        rep.put("enabledEventTypes", List.of("REGISTER", "REGISTER_ERROR", "UPDATE_EMAIL_ERROR", "UPDATE_PROFILE_ERROR",
                "IDENTITY_PROVIDER_FIRST_LOGIN_ERROR", "UPDATE_EMAIL", "UPDATE_PROFILE", "LOGIN"));
        rep.put("adminEventsEnabled", true);
        rep.put("adminEventsDetailsEnabled", true);
        String realm = TestRealms.create(admin, rep);
        setValidator(admin, realm, true);
        return realm;
    }

    /** Adds ({@code on}) or removes the denylist validator on the realm's {@code email} attribute. */
    static void setValidator(Rest admin, String realm, boolean on) {
        JsonNode profile = admin.get("/admin/realms/" + realm + "/users/profile").expect(200).json();
        for (JsonNode attribute : profile.path("attributes")) {
            if ("email".equals(attribute.path("name").asText())) {
                ObjectNode validations = attribute.has("validations") ? (ObjectNode) attribute.get("validations")
                        : ((ObjectNode) attribute).putObject("validations");
                if (on) {
                    validations.putObject(VALIDATOR);
                } else {
                    validations.remove(VALIDATOR);
                }
            }
        }
        admin.put("/admin/realms/" + realm + "/users/profile", profile).expect(200);
    }

    static JsonNode importEntries(Rest admin, String realm, String text) {
        return admin.post("/admin/realms/" + realm + "/denylist/import", "text/plain", text).expect(200).json();
    }

    /** The error events of {@code type} the realm recorded. */
    static List<JsonNode> events(Rest admin, String realm, String type) {
        return admin.get("/admin/realms/" + realm + "/events?type=" + type + "&max=100").expect(200).list();
    }

    static JsonNode denylistEvent(Rest admin, String realm, String type) {
        return events(admin, realm, type).stream()
                .filter(e -> "email_denylisted".equals(e.path("error").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " event with error email_denylisted: "
                        + events(admin, realm, type)));
    }

    static void assertRefusalEvent(Rest admin, String realm, String type, String email) {
        JsonNode event = denylistEvent(admin, realm, type);
        assertEquals("email_denylisted", event.path("details").path("reason").asText(), event.toString());
        assertEquals(email, event.path("details").path("email").asText(), event.toString());
    }

    static int usersWithEmail(Rest admin, String realm, String email) {
        return admin.get("/admin/realms/" + realm + "/users?exact=true&email=" + enc(email)).expect(200).list().size();
    }

    /** The login page of the realm's {@code account} client (a confidential client with a redirect, no PKCE). */
    static String authUrl(String baseUrl, String realm) {
        String redirect = baseUrl + "/realms/" + realm + "/account/";
        return baseUrl + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=account&response_type=code&scope=openid"
                + "&redirect_uri=" + enc(redirect);
    }

    static String registrationUrl(String baseUrl, String realm) {
        return authUrl(baseUrl, realm).replace("/openid-connect/auth?", "/openid-connect/registrations?");
    }

    static HtmlPage login(HtmlPage loginPage, String username, String password) throws Exception {
        HtmlForm form = loginPage.getForms().get(0);
        form.getInputByName("username").setValue(username);
        form.getInputByName("password").setValue(password);
        return submit(form);
    }

    /** Submits a form with its submit button (or the first button). */
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

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
