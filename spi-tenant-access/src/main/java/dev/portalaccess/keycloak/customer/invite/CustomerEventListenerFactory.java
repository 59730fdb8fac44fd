package dev.portalaccess.keycloak.customer.invite;

import java.util.Map;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.customer.PortalAccessSettings;
import dev.portalaccess.keycloak.customer.removal.RemovalSignOut;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The customer event listener ({@value #PROVIDER_ID}): enable it in the realm's event listeners for
 * automatic invitations. Also registers, server-wide, the membership-leave listener that signs out removed
 * members (its own realm attribute switches it; it needs no event-listener entry).
 */
@AutoService(EventListenerProviderFactory.class)
public class CustomerEventListenerFactory implements EventListenerProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "portal-access-customer";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new CustomerEventListener(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(RemovalSignOut::onProviderEvent);
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("autoInviteRealmAttribute", CustomerInvitationSettings.AUTO_INVITE.key(),
                "removalSignOutRealmAttribute", CustomerInvitationSettings.REMOVAL_SIGN_OUT.key());
    }
}
