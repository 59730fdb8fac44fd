package dev.portalaccess.keycloak.customer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.portalaccess.keycloak.customer.feature.CustomerFeatureSettings;
import dev.portalaccess.keycloak.customer.invite.CustomerInvitationSettings;
import dev.portalaccess.keycloak.customer.role.CustomerRolesSettings;
import dev.portalaccess.keycloak.partner.PartnerAccessSettings;
import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.Setting;

/** docs/settings.md lists every setting of this module exactly as its settings class declares it (key, scope, type, default, label). */
class SettingsDocumentedTest {

    static List<FeatureSettings> features() {
        return List.of(new PortalAccessSettings.Factory().settings(),
                new CustomerInvitationSettings.Factory().settings(), new CustomerRolesSettings.Factory().settings(),
                new CustomerFeatureSettings.Factory().settings(), new PartnerAccessSettings.Factory().settings());
    }

    /** The row of docs/settings.md that documents {@code setting}. */
    static <T> String row(Setting<T> setting) {
        String scope = setting.scope().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String type = setting.type().name() + (setting.multiple() ? " (several values)" : "");
        String def = setting.defaultValue() == null ? "—" : "`" + setting.write(setting.defaultValue()) + "`";
        return "| " + setting.feature() + " | " + setting.name() + " | `" + setting.key() + "` | " + scope + " | " + type
                + " | " + def + " | " + setting.label() + " |";
    }

    @Test
    void everySettingHasItsRow() throws IOException {
        String doc = Files.readString(Path.of("../docs/settings.md"));
        List<String> missing = new ArrayList<>();
        for (FeatureSettings feature : features()) {
            for (Setting<?> setting : feature.settings()) {
                String row = row(setting);
                if (!doc.contains(row)) {
                    missing.add(row);
                }
            }
        }
        assertTrue(missing.isEmpty(), "docs/settings.md lacks (or has a different) row:\n" + String.join("\n", missing));
    }
}
