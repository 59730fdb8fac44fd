package dev.portalaccess.keycloak.registration;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.portalaccess.keycloak.settings.SettingKeysCheck;

/** No attribute name is spelled outside its settings class in this module (core's shared check). */
class SettingKeysInOnePlaceTest {

    @Test
    void attributeNamesAreSpelledOnlyInSettingsClasses() {
        // markers, no settings: an authentication-session note, user attributes this module writes, a session attribute
        SettingKeysCheck.assertSpelledOnlyInSettingsClasses(Map.of(
                "IdpSelfRegistrationGrantAuthenticator.java", Set.of("GRANTED_NOTE"),
                "PortalInvitation.java", Set.of("REGISTERED_BY"),
                "SelfRegisteredCompanyEmailRuleFactory.java", Set.of("USER_ATTRIBUTE"),
                "DirectoryRegistrationLdapMapper.java", Set.of("LOGGED_PREFIX")));
    }
}
