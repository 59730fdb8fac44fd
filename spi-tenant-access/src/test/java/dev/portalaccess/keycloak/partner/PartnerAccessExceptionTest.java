package dev.portalaccess.keycloak.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.ModelValidationException;
import org.keycloak.models.OrganizationModel;

class PartnerAccessExceptionTest {

    @Test
    void refusalsCarryStatusFieldErrorAndMessageKey() {
        PartnerAccessException last = PartnerAccessException.lastAccess("Acme");
        assertEquals(409, last.status());
        assertEquals(Map.of("field", "userId", "error", "lastTenantAccess", "messageKey", "portalAccessPartnerLastTenantAccess",
                "errorMessage", last.getMessage(), "params", java.util.List.of()), last.body());
        assertEquals(409, last.refusal().status(), "the same refusal in core's contract");
        assertEquals("lastTenantAccess", last.refusal().problem().error());
        assertTrue(last.getMessage().contains("Acme"));

        PartnerAccessException auto = PartnerAccessException.autoAddOn("Acme");
        assertEquals("autoAddEnabled", auto.error());
        assertTrue(auto.getMessage().contains("turn it off"));

        PartnerAccessException bad = PartnerAccessException.badRequest("email", "invalidEmail", "bad");
        assertEquals(400, bad.status());
        assertEquals("email", bad.body().get("field"));
        // a ModelValidationException: thrown from a listener it rolls the transaction back on any path
        assertTrue(bad instanceof ModelValidationException);
    }

    @Test
    void autoAddIsReadOneWayThroughItsSetting() {
        String key = PartnerAccessSettings.AUTO_ADD.key();
        assertTrue(PartnerAccessConfig.autoAdd(organization(Map.of(key, List.of("true")))));
        assertTrue(PartnerAccessConfig.autoAdd(organization(Map.of(key, List.of(" TRUE ")))),
                "a flag is trimmed and read in any case, like every flag (stored canonically by the attribute listener)");
        assertEquals(false, PartnerAccessConfig.autoAdd(organization(Map.of(key, List.of("false")))));
        assertEquals(false, PartnerAccessConfig.autoAdd(organization(Map.of(key, List.of("yes")))), "unreadable: the default");
        assertEquals(false, PartnerAccessConfig.autoAdd(organization(Map.of(key, List.of()))));
        assertEquals(false, PartnerAccessConfig.autoAdd(organization(Map.of())));
        assertEquals(false, PartnerAccessConfig.domainRestricted(java.util.Optional.empty(), organization(Map.of())));
        assertEquals(PartnerAccessSettings.DEFAULT_STAFF_GROUP, PartnerAccessConfig.of(null).staffGroupName());
        assertEquals(false, PartnerAccessConfig.of(null).enabled());
    }

    private static OrganizationModel organization(Map<String, List<String>> attributes) {
        return (OrganizationModel) Proxy.newProxyInstance(OrganizationModel.class.getClassLoader(), new Class<?>[] {OrganizationModel.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getAttributes")) {
                        return attributes;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
