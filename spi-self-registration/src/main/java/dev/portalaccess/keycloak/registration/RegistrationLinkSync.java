package dev.portalaccess.keycloak.registration;

import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Keeps the realm's "User registration" switch (which shows or hides the registration link) in step with the
 * self-registration policy after every admin change that can affect it, in the same transaction; see
 * {@link RegistrationLinkSyncFactory} for import and server start.
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
        if (realm != null) {
            syncIfPolicy(session, realm);
        }
    }

    /** Realms without a policy keep their switch as the admin set it (Keycloak's usual behaviour). */
    static void syncIfPolicy(KeycloakSession session, RealmModel realm) {
        if (SelfRegistrationPolicy.find(realm).isPresent()) {
            sync(session, realm);
        }
    }

    /**
     * At server start: every realm with a policy, in one transaction. Reads are served by the realm cache and a
     * realm is written only when its switch disagrees, so a start with many realms stays fast; nodes starting at
     * once write the same value.
     */
    static void syncAllRealms(KeycloakSessionFactory factory) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream().forEach(realm -> {
                RealmModel previous = session.getContext().getRealm();
                session.getContext().setRealm(realm); // the organization provider works on the context realm
                try {
                    syncIfPolicy(session, realm);
                } finally {
                    session.getContext().setRealm(previous);
                }
            }));
        } catch (RuntimeException e) {
            // the server still starts; the next admin change of a policy applies it
            LOG.warnf(e, "Could not apply the self-registration policies to the registration links at start");
        }
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
                        && orgs.getAllStream(Company.permittedSearch(), null, null)
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
