package dev.portalaccess.keycloak.customer.access;

import java.util.Optional;

import dev.portalaccess.keycloak.customer.PortalAccessSettings;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The one rule of per-customer portal access, shared by the login-flow authenticator and the token
 * post-processor: a member of a customer whose portal access is off gets no portal sign-in, and a
 * customer's service account gets no token while its customer's access is off (or the customer is gone).
 */
final class PortalAccessCheck {

    private PortalAccessCheck() {
    }

    /** The customer that blocks {@code user} from {@code client}, if any. */
    static Optional<OrganizationModel> blockingCustomer(KeycloakSession session, RealmModel realm, ClientModel client, UserModel user) {
        if (user == null || client == null || !realm.isOrganizationsEnabled()) {
            return Optional.empty();
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null) {
            return Optional.empty();
        }
        if (PortalAccessSettings.isPortalClient(client)) {
            return organizations.getByMember(user)
                    .filter(o -> !PortalAccessSettings.isPortalAccessEnabled(o))
                    .findFirst();
        }
        return Optional.empty();
    }

    /** For a customer service-account client: why it may not have a token now, or empty. */
    static Optional<String> serviceAccountRefusal(KeycloakSession session, RealmModel realm, ClientModel client) {
        String customerId = PortalAccessSettings.serviceAccountCustomer(client);
        if (customerId == null || customerId.isBlank() || !realm.isOrganizationsEnabled()) {
            return Optional.empty();
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel customer = organizations == null ? null : organizations.getById(customerId);
        if (customer == null) {
            return Optional.of("customer " + customerId + " no longer exists");
        }
        if (!customer.isEnabled()) {
            return Optional.of("customer " + customer.getAlias() + " is disabled");
        }
        if (!PortalAccessSettings.isPortalAccessEnabled(customer)) {
            return Optional.of("portal access is turned off for customer " + customer.getAlias());
        }
        return Optional.empty();
    }
}
