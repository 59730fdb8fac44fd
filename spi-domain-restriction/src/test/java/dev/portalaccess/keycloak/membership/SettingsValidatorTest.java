package dev.portalaccess.keycloak.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsValidatorTest {

    @Test
    void validSettingsAndUnrelatedAttributesPass() {
        assertTrue(SettingsValidator.validate(Map.of(
                MembershipSettings.DOMAIN_RESTRICTION_ENABLED, List.of("TRUE"),
                MembershipSettings.DOMAIN_RESTRICTION_DOMAINS, List.of("acme.com", "*.acme.io", "a@gmail.com", "bücher.example"),
                MembershipSettings.JIT_WITHOUT_INVITATION, List.of("join"),
                "something.else", List.of("anything"))).isEmpty());
        assertTrue(SettingsValidator.validate(null).isEmpty());
        assertTrue(SettingsValidator.validate(Map.of()).isEmpty());
    }

    @Test
    void aBadDomainEntryIsNamedWithItsAttribute() {
        SettingsValidator.Violation v = SettingsValidator.validate(Map.of(
                MembershipSettings.DOMAIN_RESTRICTION_DOMAINS, List.of("acme.com", "not a domain"))).orElseThrow();
        assertEquals(MembershipSettings.DOMAIN_RESTRICTION_DOMAINS, v.attribute());
        assertEquals("not a domain", v.entry());
        assertEquals(SettingsValidator.INVALID_DOMAIN_RULE, v.error());
    }

    @Test
    void emptyDomainEntryIsRefused() {
        assertEquals(SettingsValidator.INVALID_DOMAIN_RULE, SettingsValidator.validate(Map.of(
                MembershipSettings.DOMAIN_RESTRICTION_DOMAINS, List.of(" "))).orElseThrow().error());
    }

    @Test
    void switchAndPolicyTakeOnlyTheirValues() {
        SettingsValidator.Violation enabled = SettingsValidator.validate(Map.of(
                MembershipSettings.DOMAIN_RESTRICTION_ENABLED, List.of("yes"))).orElseThrow();
        assertEquals(MembershipSettings.DOMAIN_RESTRICTION_ENABLED, enabled.attribute());
        assertEquals("yes", enabled.entry());
        SettingsValidator.Violation jit = SettingsValidator.validate(Map.of(
                MembershipSettings.JIT_WITHOUT_INVITATION, List.of("maybe"))).orElseThrow();
        assertEquals(MembershipSettings.JIT_WITHOUT_INVITATION, jit.attribute());
        assertEquals(SettingsValidator.INVALID_VALUE, jit.error());
        assertEquals(MembershipSettings.DOMAIN_RESTRICTION_ENABLED, SettingsValidator.validate(Map.of(
                MembershipSettings.DOMAIN_RESTRICTION_ENABLED, List.of("true", "false"))).orElseThrow().attribute());
    }
}
