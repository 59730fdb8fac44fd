package dev.portalaccess.keycloak.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SelfRegistrationPolicyTest {

    @Test
    void defaultsMirrorKeycloak() {
        SelfRegistrationPolicy policy = SelfRegistrationPolicy.from(Map.of());
        assertEquals(SelfRegistrationMode.ANYONE, policy.mode());
        assertEquals(Set.of(RegistrationMethod.PORTAL, RegistrationMethod.IDENTITY_PROVIDER), policy.methods());
        assertFalse(policy.grantPortalAccess());
        assertEquals(List.of(), policy.defaultServices());
    }

    @Test
    void readsEveryKey() {
        SelfRegistrationPolicy policy = SelfRegistrationPolicy.from(Map.of(
                "mode", "companies", "portalRegistration", "false", "identityProviderRegistration", "false",
                "emailRegistration", "true", "directoryRegistration", "true", "grantPortalAccess", "true",
                "defaultServices", "role:a## group:/b ##c"));
        assertEquals(SelfRegistrationMode.COMPANIES, policy.mode());
        assertEquals(Set.of(RegistrationMethod.EMAIL, RegistrationMethod.DIRECTORY), policy.methods());
        assertTrue(policy.grantPortalAccess());
        assertEquals(List.of("role:a", "group:/b", "c"), policy.defaultServices());
    }

    @Test
    void anUnknownModeClosesRegistration() {
        assertEquals(SelfRegistrationMode.NONE, SelfRegistrationPolicy.parseMode("EVERYONE"));
        assertEquals(SelfRegistrationMode.ANYONE, SelfRegistrationPolicy.parseMode(" "));
    }

    @Test
    void methodKeysAreCaseInsensitive() {
        assertEquals(RegistrationMethod.IDENTITY_PROVIDER, RegistrationMethod.fromKey(" IdentityProvider ").orElseThrow());
        assertTrue(RegistrationMethod.fromKey("fax").isEmpty());
    }
}
