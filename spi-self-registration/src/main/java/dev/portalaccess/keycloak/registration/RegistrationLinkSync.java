package dev.portalaccess.keycloak.registration;

import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Keeps the realm's "User registration" switch (which shows or hides the registration link) in step with the
 * self-registration policy after every admin change that can affect it, in the same transaction.
 */
final class RegistrationLinkSync implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(RegistrationLinkSync.class);

    private static final Set<ResourceType> WATCHED = Set.of(ResourceType.AUTHENTICATOR_CONFIG, ResourceType.AUTH_EXECUTION,
            ResourceType.AUTH_EXECUTION_FLOW, ResourceType.AUTH_FLOW, ResourceType.REALM, ResourceType.ORGANIZATION,
            ResourceType.ORGANIZATION_MEMBERSHIP);

    private final KeycloakSession session;

    RegistrationLinkSync(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        // user events change no policy
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (!WATCHED.contains(event.getResourceType()) || event.getRealmId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null || SelfRegistrationPolicy.find(realm).isEmpty()) {
            return;
        }
        sync(session, realm);
    }

    /** Sets {@code registrationAllowed} to whether the registration form is open to anyone under the policy. */
    static void sync(KeycloakSession session, RealmModel realm) {
        boolean open = formOpen(session, realm, SelfRegistrationPolicy.of(realm));
        if (realm.isRegistrationAllowed() != open) {
            LOG.infof("Realm %s: registration link %s to follow the self-registration policy", realm.getName(),
                    open ? "shown" : "hidden");
            realm.setRegistrationAllowed(open);
        }
    }

    static boolean formOpen(KeycloakSession session, RealmModel realm, SelfRegistrationPolicy policy) {
        switch (policy.mode()) {
            case ANYONE:
                return policy.allows(RegistrationMethod.PORTAL);
            case COMPANIES:
                OrganizationProvider orgs = session.getProvider(OrganizationProvider.class);
                return orgs != null && realm.isOrganizationsEnabled()
                        && orgs.getAllStream(Map.of(CompanyAttributes.PERMITTED, "true"), null, null)
                        .map(Company::of)
                        .anyMatch(c -> c.permitted() && c.methods().contains(RegistrationMethod.PORTAL));
            case NONE:
            default:
                return false;
        }
    }

    @Override
    public void close() {
        // nothing held
    }
}
