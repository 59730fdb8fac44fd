package dev.portalaccess.keycloak.customer.feature;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

import dev.portalaccess.keycloak.customer.OrganizationAttributes;

/**
 * A customer's enabled features: the organization attribute {@link CustomerFeatureSettings#CUSTOMER_FEATURES} (one
 * value per enabled feature). A customer whose features were never set has the realm's defaults.
 *
 * <p>Read and written through the organization's internal group, which holds the organization's attributes
 * and is invalidated in Keycloak's caches on change, so a new token sees a change at once.
 */
public final class CustomerFeatures {


    private static final String KEY = CustomerFeatureSettings.CUSTOMER_FEATURES.key();

    private final KeycloakSession session;
    private final OrganizationProvider organizations;

    public CustomerFeatures(KeycloakSession session) {
        this.session = session;
        this.organizations = session.getProvider(OrganizationProvider.class);
    }

    /** The realm's catalog; an invalid stored catalog (written around the validation) counts as empty and is logged. */
    public static FeatureCatalog catalog(RealmModel realm) {
        return CustomerFeatureSettings.catalog(realm);
    }

    public Set<String> enabled(OrganizationModel organization, FeatureCatalog catalog) {
        List<String> stored = CustomerFeatureSettings.CUSTOMER_FEATURES.readAll(
                group(organization).getAttributeStream(KEY).collect(Collectors.toList()));
        if (stored.isEmpty()) {
            return catalog.defaults();
        }
        return catalog.ordered(stored);
    }

    public boolean isConfigured(OrganizationModel organization) {
        return group(organization).getFirstAttribute(KEY) != null;
    }

    public void store(OrganizationModel organization, Collection<String> features) {
        List<String> values = features.isEmpty() ? List.of(CustomerFeatureSettings.NONE) : List.copyOf(features);
        // through the organization, as Keycloak's own attribute write: its cache entry and the group's are invalidated
        OrganizationAttributes.write(session, organization, KEY, values);
    }

    private GroupModel group(OrganizationModel organization) {
        return organizations.getOrganizationGroup(organization);
    }
}
