package dev.portalaccess.keycloak.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.portalaccess.keycloak.problem.Problem;

class SettingTest {

    enum Mode { REFUSE, JOIN }

    private static final Setting<Boolean> ENABLED = Setting.single("demo", "enabled", "demo.enabled",
            SettingScope.ORGANIZATION_ATTRIBUTE, SettingTypes.FLAG, false, "Enabled", "On or off");
    private static final Setting<Mode> MODE = Setting.single("demo", "mode", "demo.mode",
            SettingScope.ORGANIZATION_ATTRIBUTE, SettingTypes.choice(Mode.class), Mode.REFUSE, "Mode", "");
    private static final Setting<String> URLS = Setting.multiple("demo", "urls", "demo.urls",
            SettingScope.ORGANIZATION_ATTRIBUTE, SettingTypes.URL, "URLs", "");

    @Test
    void flagsAreReadOneWayAndStoredCanonically() throws Exception {
        assertEquals(List.of("true"), ENABLED.canonical(List.of(" TRUE "), "enabled"));
        assertEquals(List.of("false"), ENABLED.canonical(List.of("False"), "enabled"));
        assertEquals(true, ENABLED.read(List.of(" TRUE ")));
        assertEquals(false, ENABLED.read(List.of("yes")), "unreadable stored value reads as the default");
        assertEquals(false, ENABLED.read((List<String>) null));
    }

    @Test
    void aBadValueIsRefusedNamingTheField() {
        SettingViolation v = assertThrows(SettingViolation.class, () -> ENABLED.canonical(List.of("yes"), "domainRestriction.enabled"));
        Problem p = v.problem();
        assertEquals("invalidValue", p.error());
        assertEquals("domainRestriction.enabled", p.field());
        assertEquals("portalAccessInvalidSetting", p.messageKey());
        assertTrue(p.errorMessage().contains("yes"), p.errorMessage());
    }

    @Test
    void aSingleValuedSettingRefusesSeveralValues() {
        assertThrows(SettingViolation.class, () -> ENABLED.canonical(List.of("true", "false"), "enabled"));
    }

    @Test
    void choicesMatchIgnoringCaseAndAreStoredInLowerCase() throws Exception {
        assertEquals(List.of("join"), MODE.canonical(List.of(" JOIN"), "mode"));
        assertEquals(List.of("refuse", "join"), MODE.type().choices());
        assertThrows(SettingViolation.class, () -> MODE.canonical(List.of("maybe"), "mode"));
    }

    @Test
    void aBadEntryOfAMultiValuedSettingIsNamedByItsIndex() {
        SettingViolation v = assertThrows(SettingViolation.class,
                () -> URLS.canonical(List.of("https://a.example", "ftp://b.example"), "urls"));
        assertEquals("urls[1]", v.problem().field());
        assertEquals(List.of("https://a.example"), URLS.readAll(Arrays.asList("https://a.example", "javascript:x", null)));
    }

    @Test
    void theCatalogCanonicalisesProjectKeysAndListsEveryViolation() throws Exception {
        FeatureSettings demo = new FeatureSettings() {
            public String id() { return "demo"; }
            public String label() { return "Demo"; }
            public String help() { return ""; }
            public List<Setting<?>> settings() { return List.of(ENABLED, MODE, URLS); }
        };
        SettingsCatalog catalog = SettingsCatalog.of(List.of(demo));
        Map<String, List<String>> out = catalog.canonicalAttributes(SettingScope.ORGANIZATION_ATTRIBUTE,
                Map.of("demo.enabled", List.of("TRUE"), "other", List.of(" kept ")));
        assertEquals(List.of("true"), out.get("demo.enabled"));
        assertEquals(List.of(" kept "), out.get("other"));
        SettingsViolations all = assertThrows(SettingsViolations.class, () -> catalog.canonicalAttributes(
                SettingScope.ORGANIZATION_ATTRIBUTE, new java.util.TreeMap<>(Map.of("demo.enabled", List.of("x"), "demo.mode", List.of("y")))));
        assertEquals(2, all.problems().size());
        assertEquals("demo.enabled", all.problems().get(0).field());
    }

    @Test
    void emailsAreNormalisedByTheEngine() throws Exception {
        Setting<String> contact = Setting.single("demo", "contact", "demo.contact", SettingScope.ORGANIZATION_ATTRIBUTE,
                SettingTypes.EMAIL, null, "Contact", "");
        assertEquals(List.of("ann@acme.example"), contact.canonical(List.of(" Ann@ACME.example "), "contactEmail"));
        SettingViolation v = assertThrows(SettingViolation.class, () -> contact.canonical(List.of("ann@acme\u200b.example"), "contactEmail"));
        assertEquals("invalidEmail", v.problem().error());
    }
}
