package dev.portalaccess.keycloak.customer.feature;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * A customer's enabled features: the organization attribute {@value #ORGANIZATION_ATTRIBUTE} (one value per
 * enabled feature). A customer whose features were never set has the realm's defaults.
 *
 * <p>Read and written through the organization's internal group, which holds the organization's attributes
 * and is invalidated in Keycloak's caches on change, so a new token sees a change at once.
 */
public final class CustomerFeatures {

    private static final Logger LOG = Logger.getLogger(CustomerFeatures.class);

    public static final String ORGANIZATION_ATTRIBUTE = "portalaccess.features";

    /** Stored when every feature is off, to tell "none" from "never set" (not a valid feature name). */
    static final String NONE = "-";

    private final KeycloakSession session;
    private final OrganizationProvider organizations;

    public CustomerFeatures(KeycloakSession session) {
        this.session = session;
        this.organizations = session.getProvider(OrganizationProvider.class);
    }

    /** The realm's catalog; an invalid stored catalog (written around the validation) counts as empty and is logged. */
    public static FeatureCatalog catalog(RealmModel realm) {
        try {
            return FeatureCatalog.parse(realm.getAttribute(FeatureCatalog.REALM_ATTRIBUTE));
        } catch (FeatureCatalog.InvalidFeatureCatalogException e) {
            LOG.warnf("Realm %s has an invalid feature catalog (%s): no features", realm.getName(), e.getMessage());
            return FeatureCatalog.empty();
        }
    }

    public Set<String> enabled(OrganizationModel organization, FeatureCatalog catalog) {
        List<String> stored = group(organization).getAttributeStream(ORGANIZATION_ATTRIBUTE).collect(Collectors.toList());
        if (stored.isEmpty()) {
            return catalog.defaults();
        }
        return catalog.ordered(stored);
    }

    public boolean isConfigured(OrganizationModel organization) {
        return group(organization).getFirstAttribute(ORGANIZATION_ATTRIBUTE) != null;
    }

    public void store(OrganizationModel organization, Collection<String> features) {
        List<String> values = features.isEmpty() ? List.of(NONE) : List.copyOf(features);
        GroupModel group = group(organization);
        OrganizationModel current = session.getContext().getOrganization();
        if (current == null) {
            session.getContext().setOrganization(organization);
        }
        try {
            group.setAttribute(ORGANIZATION_ATTRIBUTE, values);
        } finally {
            if (current == null) {
                session.getContext().setOrganization(null);
            }
        }
    }

    private GroupModel group(OrganizationModel organization) {
        return organizations.getOrganizationGroup(organization);
    }
}
