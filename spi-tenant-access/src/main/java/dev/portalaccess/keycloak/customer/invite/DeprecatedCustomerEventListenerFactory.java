package dev.portalaccess.keycloak.customer.invite;

import com.google.auto.service.AutoService;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSessionFactory;

import dev.portalaccess.keycloak.renames.DeprecatedId;

/**
 * The id {@value #OLD_ID} of the customer event listener before the rename, for one release: realms that list
 * it keep their automatic invitations. It registers nothing server-wide (the renamed factory does that once).
 */
@AutoService(EventListenerProviderFactory.class)
public final class DeprecatedCustomerEventListenerFactory extends CustomerEventListenerFactory {

    public static final String OLD_ID = "portalaccess-customer";

    @Override
    public String getId() {
        return OLD_ID;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // not super.postInit: the membership-leave listener is registered once, by the renamed factory
        DeprecatedId.warnAtStart(factory, "event listener", OLD_ID, PROVIDER_ID, DeprecatedId.eventListener(OLD_ID));
    }
}
