package dev.portalaccess.keycloak.customer;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.portalaccess.keycloak.settings.SettingKeysCheck;

/**
 * No attribute name of this module is spelled outside its settings class (core's shared check), except the internal
 * markers (session notes, auth notes, marker attributes that are no settings) declared once in the class that owns them.
 */
class SettingKeysInOnePlaceTest {

    @Test
    void everySettingKeyIsSpelledInItsSettingsClassOnly() {
        SettingKeysCheck.assertSpelledOnlyInSettingsClasses(Map.of(
                "CustomerRoles.java", Set.of("INVITATION_ATTRIBUTE_PREFIX", "ORGANIZATION_REMOVAL_SESSION_ATTRIBUTE",
                        "ROLE_GROUP_MARKER", "IMPORTING_SESSION_ATTRIBUTE", "RESENT_ROLE_SESSION_ATTRIBUTE"),
                "MailboxProof.java", Set.of("USER", "EMAIL"),
                "CustomerServiceAccountsResource.java", Set.of("ATTR_CREATED_AT", "ATTR_REVOKED_AT"),
                // config keys of the customer-made SAML provider (identity-provider config, not organization attributes)
                "CustomerSaml.java", Set.of("PREFIX")));
    }
}
