package dev.portalaccess.keycloak.registration;

import java.util.Set;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Completes a pending company grant ({@link CompanyGrants}) in the transaction of the change that verified the
 * address: the user events of Keycloak's verification paths (verify-email link, execute-actions link, reset
 * password by email, update email, identity provider sign-in, ...) and the admin's update of the user
 * ({@code emailVerified} set in the console or the admin REST API).
 */
final class CompanyGrantOnVerification implements EventListenerProvider {

    /** User events after which an address may newly be verified. */
    private static final Set<EventType> VERIFYING = Set.of(EventType.VERIFY_EMAIL, EventType.EXECUTE_ACTIONS,
            EventType.EXECUTE_ACTION_TOKEN, EventType.RESET_PASSWORD, EventType.UPDATE_EMAIL, EventType.UPDATE_PASSWORD,
            EventType.UPDATE_CREDENTIAL, EventType.UPDATE_PROFILE, EventType.LOGIN, EventType.REGISTER,
            EventType.IDENTITY_PROVIDER_FIRST_LOGIN, EventType.IDENTITY_PROVIDER_LOGIN, EventType.IDENTITY_PROVIDER_LINK_ACCOUNT,
            EventType.FEDERATED_IDENTITY_LINK, EventType.TOKEN_EXCHANGE, EventType.CUSTOM_REQUIRED_ACTION);

    private final KeycloakSession session;

    CompanyGrantOnVerification(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getError() != null || event.getUserId() == null || !VERIFYING.contains(event.getType())) {
            return;
        }
        complete(event.getRealmId(), event.getUserId());
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getResourceType() != ResourceType.USER || event.getOperationType() == OperationType.DELETE
                || event.getResourcePath() == null) {
            return;
        }
        // users/{id}, users/{id}/execute-actions-email, ...
        String[] path = event.getResourcePath().split("/");
        if (path.length >= 2 && "users".equals(path[0])) {
            complete(event.getRealmId(), path[1]);
        }
    }

    private void complete(String realmId, String userId) {
        RealmModel realm = realmId == null ? null : session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        UserModel user = session.users().getUserById(realm, userId);
        if (user != null && user.isEmailVerified()
                && CompanyGrants.isPending(user)) {
            CompanyGrants.completeIfVerified(session, realm, user);
        }
    }

    @Override
    public void close() {
        // nothing held
    }
}
