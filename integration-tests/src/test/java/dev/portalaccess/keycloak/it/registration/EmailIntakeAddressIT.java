package dev.portalaccess.keycloak.it.registration;

import static dev.portalaccess.keycloak.it.registration.EmailSelfRegistrationIT.endpoint;
import static dev.portalaccess.keycloak.it.registration.EmailSelfRegistrationIT.intake;
import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, items 1, 3 and 14 on the mail intake ({@code POST /realms/{realm}/self-registration/email}): the
 * same verdict as every other path. An address the rule engine cannot parse is a 400 naming {@code email};
 * another spelling of a registered address is that account ({@code exists}, same user id).
 */
@KeycloakIntegrationTest
class EmailIntakeAddressIT {

    @Test
    void unparsableAddressesAreBadRequestsNamingTheEmail(KeycloakServer server, Rest admin) {
        SelfRegistrationRealm r = EmailSelfRegistrationIT.setUp(admin, server, policy("ANYONE", "emailRegistration=true"));
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("peter@any\uFE0Fwhere.test", "invalidCharacter");
        bad.put("peter@xn--zz.test", "invalidPunycode");
        bad.put("pe\u034Fter@anywhere.test", "invalidCharacter");
        bad.put("peter@x@anywhere.test", "multipleAt");
        for (Map.Entry<String, String> row : bad.entrySet()) {
            Rest.Response answer = intake(server, r).post(endpoint(r), Map.of("email", row.getKey()));
            assertEquals(400, answer.status(), row.getValue() + ": " + answer.body());
            assertEquals("email", answer.json().path("field").asText(), answer.body());
            assertEquals(row.getValue(), answer.json().path("error").asText(), answer.body());
        }
        List<JsonNode> users = admin.get("/admin/realms/" + r.realm + "/users?max=100").expect(200).list();
        assertTrue(users.stream().noneMatch(u -> u.path("email").asText().contains("anywhere")
                || u.path("email").asText().contains("xn--zz")), "nothing created: " + users);
    }

    @Test
    void anotherSpellingOfARegisteredSenderIsThatSender(KeycloakServer server, Rest admin) {
        SelfRegistrationRealm r = EmailSelfRegistrationIT.setUp(admin, server, policy("ANYONE", "emailRegistration=true"));
        String id = intake(server, r).post(endpoint(r), Map.of("email", "quinn@anywhere.test")).expect(201).json()
                .path("userId").asText();
        for (String spelling : List.of("QUINN@ANYWHERE.TEST", "\uFF51\uFF55\uFF49\uFF4E\uFF4E@anywhere.test",
                "quinn@\uFF41\uFF4E\uFF59\uFF57\uFF48\uFF45\uFF52\uFF45.test")) {
            JsonNode again = intake(server, r).post(endpoint(r), Map.of("email", spelling)).expect(200).json();
            assertEquals("exists", again.path("result").asText(), again.toString());
            assertEquals(id, again.path("userId").asText(), spelling);
        }
    }
}
