package dev.portalaccess.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.junit.jupiter.api.Test;

/**
 * The provider ids of self-registration and the denylist before the rename (docs/renames.md) keep working for one
 * release: a realm imported at server start with the old form action id is named in one WARN at start (and
 * {@link RegistrationPolicyAtImportIT} shows its policy applies); a user who already carries the old
 * company-membership marker gets the company once the address is verified; the old validator id is accepted
 * in a user-profile configuration.
 */
@KeycloakIntegrationTest
class DeprecatedRegistrationIdsIT {

    @Test
    void theServerWarnsAtStartAboutARealmThatStillUsesAnOldId(KeycloakServer server) {
        String log = server.logSince(0);
        List<String> warnings = log.lines().filter(l -> l.contains("WARN") && l.contains("deprecated form action id")).toList();
        // the log is appended across restarts of the same server home: one WARN per start
        long starts = log.lines().filter(l -> l.contains("Bootstrap completed")).count();
        assertTrue(!warnings.isEmpty() && warnings.size() <= starts, starts + " start(s), warnings: " + warnings);
        for (String warning : warnings) {
            assertTrue(warning.contains("selfreg-closed-import") && warning.contains("'portalaccess-self-registration-form'")
                    && warning.contains("'portal-access-self-registration-form'"), warning);
        }
    }

    @Test
    void aUserWithTheOldCompanyMarkerGetsTheCompanyOnceVerified(KeycloakServer server, Rest admin) {
        SelfRegistrationRealm r = VerifiedCompanyGrantIT.companies(admin, server, "old-marker");
        String acme = VerifiedCompanyGrantIT.company(r);
        String base = "/admin/realms/" + r.realm;
        // a realm of an earlier version registered the marker under its old id
        admin.post(base + "/authentication/register-required-action",
                Map.of("providerId", "portalaccess-company-membership", "name", "Company membership (old id)")).expect(204);
        String id = admin.post(base + "/users", Map.of("username", "ceo", "email", "ceo@acme.test", "enabled", true,
                "emailVerified", false, "requiredActions", List.of("portalaccess-company-membership"))).expect(201).createdId();
        assertFalse(r.memberIds(acme).contains(id), "pending while unverified");

        VerifiedCompanyGrantIT.setEmailVerified(admin, r, id);

        assertTrue(r.memberIds(acme).contains(id), "member once the address is verified");
        assertTrue(r.realmRoles(id).contains(SelfRegistrationRealm.COMPANY_ROLE), "company service");
        assertFalse(VerifiedCompanyGrantIT.requiredActions(admin, r, id).contains("portalaccess-company-membership"),
                "the old marker is gone");
    }

    @Test
    void theOldDenylistValidatorIdIsAcceptedInAUserProfile(Rest admin) {
        String realm = TestRealms.create(admin, Map.of("realm", TestRealms.uniqueName("old-validator")));
        String profileUrl = "/admin/realms/" + realm + "/users/profile";
        try {
            ObjectNode profile = (ObjectNode) admin.get(profileUrl).expect(200).json();
            for (JsonNode attribute : (ArrayNode) profile.path("attributes")) {
                if ("email".equals(attribute.path("name").asText())) {
                    ((ObjectNode) attribute.path("validations")).putObject("portalaccess-email-denylist");
                }
            }
            admin.put(profileUrl, profile).expect(200);
            assertTrue(admin.get(profileUrl).expect(200).json().toString().contains("\"portalaccess-email-denylist\""));
            for (JsonNode attribute : (ArrayNode) profile.path("attributes")) {
                if ("email".equals(attribute.path("name").asText())) {
                    ((ObjectNode) attribute.path("validations")).putObject("portalaccess-no-such-validator");
                }
            }
            assertEquals(400, admin.put(profileUrl, profile).status(), "an unknown validator id is refused");
        } finally {
            admin.delete("/admin/realms/" + realm).expect(204);
        }
    }
}
