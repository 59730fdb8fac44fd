package dev.portalaccess.keycloak.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Writes one organization attribute through {@link OrganizationModel#setAttributes} (the whole map, as Keycloak's
 * admin REST does), so every listener of organization attribute writes sees it exactly as a write through Keycloak's
 * own API: the same validation and side effects, whatever path set the value.
 */
public final class OrganizationAttributes {

    private OrganizationAttributes() {
    }

    /**
     * The organization as stored now in this transaction. Keycloak's organization model keeps the attributes it read
     * (the database adapter and the cache entry alike), so after a write in this request a model obtained before
     * still answers the old attributes: every read-modify-write and every answer after a write starts from here.
     */
    public static OrganizationModel fresh(KeycloakSession session, OrganizationModel organization) {
        OrganizationModel fresh = session.getProvider(OrganizationProvider.class).getById(organization.getId());
        return fresh == null ? organization : fresh;
    }

    /** Sets {@code key} to {@code values}, or removes it when {@code values} is null. */
    public static void write(KeycloakSession session, OrganizationModel stale, String key, List<String> values) {
        OrganizationModel organization = fresh(session, stale);
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
