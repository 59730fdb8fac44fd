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

class PortalAccessSettingsTest {

    private static ClientModel client(String clientId, String portalMarker) {
        return (ClientModel) Proxy.newProxyInstance(ClientModel.class.getClassLoader(), new Class<?>[] {ClientModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getClientId" -> clientId;
                    case "getAttribute" -> PortalAccessSettings.PORTAL_CLIENT.key().equals(args[0]) ? portalMarker : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
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

    @Test
    void portalClientsByMarkerOrByTheDefaultClientId() {
        assertTrue(PortalAccessSettings.isPortalClient(client("portal", null)));
        assertFalse(PortalAccessSettings.isPortalClient(client("portal", "false")));
        assertFalse(PortalAccessSettings.isPortalClient(client("account-console", null)));
        assertTrue(PortalAccessSettings.isPortalClient(client("shop", "true")));
        assertTrue(PortalAccessSettings.isPortalClient(client("shop", " TRUE ")));
        assertTrue(PortalAccessSettings.isPortalClient(client("portal", "maybe")), "unreadable marker: as if absent");
        assertFalse(PortalAccessSettings.isPortalClient(null));
    }

    @Test
    void portalAccessIsOnUnlessTurnedOff() {
        String key = PortalAccessSettings.ENABLED.key();
        assertTrue(PortalAccessSettings.isPortalAccessEnabled(organization(Map.of())));
        assertTrue(PortalAccessSettings.isPortalAccessEnabled(organization(Map.of(key, List.of("true")))));
        assertTrue(PortalAccessSettings.isPortalAccessEnabled(organization(Map.of(key, List.of()))));
        assertFalse(PortalAccessSettings.isPortalAccessEnabled(organization(Map.of(key, List.of("false")))));
        assertFalse(PortalAccessSettings.isPortalAccessEnabled(organization(Map.of(key, List.of(" FALSE ")))));
    }

    @Test
    void theContactEmailIsReadInItsNormalForm() {
        String key = PortalAccessSettings.CONTACT_EMAIL.key();
        assertEquals("it@acme.com", PortalAccessSettings.contactEmail(organization(Map.of(key, List.of(" it@acme.com ")))));
        assertNull(PortalAccessSettings.contactEmail(organization(Map.of(key, List.of("  ")))));
        assertNull(PortalAccessSettings.contactEmail(organization(Map.of(key, List.of("not an address")))));
        assertNull(PortalAccessSettings.contactEmail(organization(Map.of())));
    }
}
