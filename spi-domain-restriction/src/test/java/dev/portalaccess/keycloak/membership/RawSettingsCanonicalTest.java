package dev.portalaccess.keycloak.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.settings.SettingScope;
import dev.portalaccess.keycloak.settings.SettingsCatalog;
import dev.portalaccess.keycloak.settings.SettingsViolations;

/** Raw organization attribute writes go through the schema: what SettingsValidator checked, and canonical values. */
class RawSettingsCanonicalTest {

    private static final SettingsCatalog CATALOG = SettingsCatalog.of(List.of(DomainRestrictionSettings.INSTANCE));
    private static final String ENABLED = DomainRestrictionSettings.ENABLED.key();
    private static final String DOMAINS = DomainRestrictionSettings.ENTRIES.key();
    private static final String JIT = DomainRestrictionSettings.JIT_WITHOUT_INVITATION.key();

    private static Map<String, List<String>> canonical(Map<String, List<String>> attributes) throws SettingsViolations {
        return CATALOG.canonicalAttributes(SettingScope.ORGANIZATION_ATTRIBUTE, attributes);
    }

    private static Problem first(Map<String, List<String>> attributes) {
        return assertThrows(SettingsViolations.class, () -> canonical(attributes)).problems().get(0);
    }

    @Test
    void validSettingsAreStoredCanonicallyAndOtherAttributesPassUnchanged() throws Exception {
        Map<String, List<String>> in = new LinkedHashMap<>();
        in.put(ENABLED, List.of(" TRUE "));
        in.put(DOMAINS, List.of("ACME.com", "*.acme.io", "A@Gmail.com", "bücher.example"));
        in.put(JIT, List.of(" Join"));
        in.put("color", List.of(" Blue "));
        Map<String, List<String>> out = canonical(in);
        assertEquals(List.of("true"), out.get(ENABLED));
        assertEquals(List.of("acme.com", "*.acme.io", "a@gmail.com", "xn--bcher-kva.example"), out.get(DOMAINS));
        assertEquals(List.of("join"), out.get(JIT));
        assertEquals(List.of(" Blue "), out.get("color"), "not a setting: untouched");
        assertTrue(canonical(null).isEmpty());
        assertTrue(canonical(Map.of()).isEmpty());
    }

    @Test
    void aBadDomainEntryIsRefusedNamingTheEntry() {
        Problem p = first(Map.of(DOMAINS, List.of("acme.com", "not a domain")));
        assertEquals(DOMAINS + "[1]", p.field());
        assertEquals("not a domain", p.params().get(0));
        assertEquals("invalidDomainRule", p.error());
        assertEquals("invalidDomainRule", first(Map.of(DOMAINS, List.of(" "))).error(), "a blank entry");
        assertTrue(first(Map.of(DOMAINS, List.of("xn--zz.com"))).errorMessage().contains("invalidPunycode"));
    }

    @Test
    void flagsAndChoicesTakeOneValueOfTheirType() {
        Problem enabled = first(Map.of(ENABLED, List.of("yes")));
        assertEquals(ENABLED, enabled.field());
        assertEquals("invalidValue", enabled.error());
        Problem jit = first(Map.of(JIT, List.of("maybe")));
        assertEquals(JIT, jit.field());
        assertEquals("invalidValue", jit.error());
        assertEquals(ENABLED, first(Map.of(ENABLED, List.of("true", "false"))).field(), "a single value");
    }

    @Test
    void everyViolationIsReported() {
        Map<String, List<String>> in = new LinkedHashMap<>();
        in.put(ENABLED, List.of("yes"));
        in.put(JIT, List.of("maybe"));
        assertEquals(2, assertThrows(SettingsViolations.class, () -> canonical(in)).problems().size());
    }
}
