package dev.portalaccess.keycloak.registration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.Setting;

/** docs/settings-rules.md lists every setting of this module as the schema declares it (key, scope, type, default, label). */
class SettingsDocTest {

    static <T> String row(Setting<T> s) {
        String def = s.multiple() || s.defaultValue() == null ? "(none)" : "`" + s.write(s.defaultValue()) + "`";
        return "| `" + s.key() + "` | " + s.scope() + " | " + s.type().name() + (s.multiple() ? " (several)" : "")
                + " | " + def + " | " + s.label() + " |";
    }

    @Test
    void everySettingIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("../docs/settings-rules.md"));
        for (FeatureSettings feature : List.<FeatureSettings>of(CompanySelfRegistrationSettings.INSTANCE, SelfRegistrationPolicySettings.INSTANCE)) {
            assertTrue(doc.contains("`" + feature.id() + "`"), "feature " + feature.id());
            for (Setting<?> s : feature.settings()) {
                assertTrue(doc.contains(row(s)), "docs/settings-rules.md lacks the row\n" + row(s));
            }
        }
    }
}
