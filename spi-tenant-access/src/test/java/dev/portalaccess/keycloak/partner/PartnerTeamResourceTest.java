package dev.portalaccess.keycloak.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Switching tenants: the partner portal URL with the tenant's alias. */
class PartnerTeamResourceTest {

    @Test
    void addsTheTenantAsAQueryParameter() {
        assertEquals("https://portal.example/app?tenant=acme", PartnerTeamResource.openUrl("https://portal.example/app", "acme"));
        assertEquals("https://portal.example/?x=1&tenant=acme", PartnerTeamResource.openUrl("https://portal.example/?x=1", "acme"));
    }

    @Test
    void keepsAFragmentLastAndEncodesTheAlias() {
        assertEquals("https://portal.example/?tenant=a%26b%3Dc#/home", PartnerTeamResource.openUrl("https://portal.example/#/home", "a&b=c"));
    }

    @Test
    void noPortalUrlNoLink() {
        assertNull(PartnerTeamResource.openUrl(null, "acme"));
        assertNull(PartnerTeamResource.openUrl("  ", "acme"));
    }
}
