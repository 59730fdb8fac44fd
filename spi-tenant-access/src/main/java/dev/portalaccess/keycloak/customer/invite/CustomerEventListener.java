package dev.portalaccess.keycloak.customer.invite;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessToken;

import dev.portalaccess.keycloak.customer.PortalAccessSettings;

/**
 * Watches admin events for customer creation; when the realm's auto-invite is on, schedules the
 * invitation of the contact email for after the creation commits (see {@link AutoInvite}).
 */
final class CustomerEventListener implements EventListenerProvider {

    /** Session attribute: the creating request sends the automatic invitation itself (the customers API does). */
    static final String INVITES_ITSELF = CustomerEventListener.class.getName() + ".invitesItself";

    private final KeycloakSession session;

    CustomerEventListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getResourceType() != ResourceType.ORGANIZATION || event.getOperationType() != OperationType.CREATE
                || event.getResourcePath() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (!CustomerInvitationSettings.autoInvite(realm) || session.getAttribute(INVITES_ITSELF) != null) {
            return;
        }
        String path = event.getResourcePath();
        String customerId = path.substring(path.lastIndexOf('/') + 1);
        AutoInvite invite = new AutoInvite(realm.getId(), customerId, event.getAuthDetails(),
                session.getContext().getBearerToken() instanceof AccessToken token ? token : null,
                session.getContext().getConnection());
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                invite.run(session);
            }

            @Override
            protected void rollbackImpl() {
                // the customer was not created: nobody to invite
            }
        });
    }

    @Override
    public void close() {
    }
}
