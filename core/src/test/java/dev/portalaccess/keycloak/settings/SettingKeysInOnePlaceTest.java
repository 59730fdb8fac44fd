package dev.portalaccess.keycloak.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingKeysInOnePlaceTest {

    @Test
    void coreSpellsNoAttributeNameOutsideASettingsClass() {
        // the prefix of the read-only user attributes of the user-profile point: no setting
        SettingKeysCheck.assertSpelledOnlyInSettingsClasses(Map.of(
                "PortalAccessUserProfileProviderFactory.java", Set.of("SERVER_ATTRIBUTE_PREFIX")));
    }

    @Test
    void theCheckFindsALiteralOutsideASettingsClassAndAStaleMarker(@TempDir Path sources) throws IOException {
        Files.writeString(sources.resolve("Listener.java"), "class Listener {\n    String k = \"portalaccess.x.enabled\";\n}\n");
        Files.writeString(sources.resolve("FooSettings.java"), "class FooSettings {\n    String k = \"portalaccess.x.enabled\";\n}\n");
        Files.writeString(sources.resolve("Owner.java"),
                "class Owner {\n    static final String NOTE = \"portalaccess.note\";\n}\n");
        assertEquals(List.of("Listener.java:2: String k = \"portalaccess.x.enabled\";",
                "Gone.java: allowed marker OLD is not declared there (any more)"),
                SettingKeysCheck.violations(sources, Map.of("Owner.java", Set.of("NOTE"), "Gone.java", Set.of("OLD"))));
    }
}
