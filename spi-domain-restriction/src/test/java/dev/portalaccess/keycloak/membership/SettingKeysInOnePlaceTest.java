package dev.portalaccess.keycloak.membership;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.portalaccess.keycloak.settings.SettingKeysCheck;

/** No attribute name is spelled outside its settings class in this module (core's shared check); no markers here. */
class SettingKeysInOnePlaceTest {

    @Test
    void attributeNamesAreSpelledOnlyInSettingsClasses() {
        SettingKeysCheck.assertSpelledOnlyInSettingsClasses(Map.of());
    }
}
