package dev.portalaccess.keycloak.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.OrganizationModel;

class CustomerSettingsTest {

    private static ClientModel client(String clientId, String portalMarker) {
        return (ClientModel) Proxy.newProxyInstance(ClientModel.class.getClassLoader(), new Class<?>[]{ClientModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getClientId" -> clientId;
                    case "getAttribute" -> CustomerSettings.PORTAL_CLIENT.equals(args[0]) ? portalMarker : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static OrganizationModel organization(Map<String, List<String>> attributes) {
        return (OrganizationModel) Proxy.newProxyInstance(OrganizationModel.class.getClassLoader(), new Class<?>[]{OrganizationModel.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getAttributes")) {
                        return attributes;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theClientNamedPortalIsAPortalUnlessUnmarked() {
        assertTrue(CustomerSettings.isPortalClient(client("portal", null)));
        assertFalse(CustomerSettings.isPortalClient(client("portal", "false")));
        assertFalse(CustomerSettings.isPortalClient(client("account-console", null)));
        assertTrue(CustomerSettings.isPortalClient(client("shop", "true")));
        assertTrue(CustomerSettings.isPortalClient(client("shop", " TRUE ")));
        assertFalse(CustomerSettings.isPortalClient(null));
    }

    @Test
    void portalAccessIsOnUnlessExplicitlyFalse() {
        assertTrue(CustomerSettings.isPortalAccessEnabled(organization(Map.of())));
        assertTrue(CustomerSettings.isPortalAccessEnabled(organization(Map.of(CustomerSettings.PORTAL_ACCESS_ENABLED, List.of("true")))));
        assertTrue(CustomerSettings.isPortalAccessEnabled(organization(Map.of(CustomerSettings.PORTAL_ACCESS_ENABLED, List.of()))));
        assertFalse(CustomerSettings.isPortalAccessEnabled(organization(Map.of(CustomerSettings.PORTAL_ACCESS_ENABLED, List.of("false")))));
        assertFalse(CustomerSettings.isPortalAccessEnabled(organization(Map.of(CustomerSettings.PORTAL_ACCESS_ENABLED, List.of("FALSE")))));
    }

    @Test
    void contactEmailIsTrimmedAndBlankMeansNone() {
        assertEquals("it@acme.com", CustomerSettings.contactEmail(organization(Map.of(CustomerSettings.CONTACT_EMAIL, List.of(" it@acme.com ")))));
        assertNull(CustomerSettings.contactEmail(organization(Map.of(CustomerSettings.CONTACT_EMAIL, List.of("  ")))));
        assertNull(CustomerSettings.contactEmail(organization(Map.of())));
    }
}
