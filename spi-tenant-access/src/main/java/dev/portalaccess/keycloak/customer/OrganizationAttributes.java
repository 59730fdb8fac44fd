package dev.portalaccess.keycloak.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

/**
 * Writes one organization attribute through {@link OrganizationModel#setAttributes} (the whole map, as Keycloak's
 * admin REST does), so every listener of organization attribute writes sees it exactly as a write through Keycloak's
 * own API: the same validation and side effects, whatever path set the value.
 */
public final class OrganizationAttributes {

    private OrganizationAttributes() {
    }

    /** Sets {@code key} to {@code values}, or removes it when {@code values} is null. */
    public static void write(KeycloakSession session, OrganizationModel organization, String key, List<String> values) {
        Map<String, List<String>> attributes = new HashMap<>();
        organization.getAttributes().forEach((k, v) -> attributes.put(k, v == null ? null : new ArrayList<>(v)));
        if (values == null) {
            if (!attributes.containsKey(key)) {
                return;
            }
            attributes.remove(key);
        } else {
            attributes.put(key, List.copyOf(values));
        }
        // Keycloak lets an organization's groups change only with the organization on the session context
        OrganizationModel current = session.getContext().getOrganization();
        if (current == null) {
            session.getContext().setOrganization(organization);
        }
        try {
            organization.setAttributes(attributes);
        } finally {
            if (current == null) {
                session.getContext().setOrganization(null);
            }
        }
    }
}
