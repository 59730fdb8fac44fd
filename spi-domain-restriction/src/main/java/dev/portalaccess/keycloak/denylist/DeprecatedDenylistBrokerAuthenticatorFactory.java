package dev.portalaccess.keycloak.denylist;

import com.google.auto.service.AutoService;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.KeycloakSessionFactory;

import dev.portalaccess.keycloak.renames.DeprecatedId;

/** The id {@value #OLD_ID} of "Email denylist (first broker login)" before the rename: same authenticator, for one release. */
@AutoService(AuthenticatorFactory.class)
public final class DeprecatedDenylistBrokerAuthenticatorFactory extends DenylistBrokerAuthenticatorFactory {

    public static final String OLD_ID = "portalaccess-denylist-broker";

    @Override
    public String getId() {
        return OLD_ID;
    }

    @Override
    public String getDisplayType() {
        return DeprecatedId.display(super.getDisplayType());
    }

    @Override
    public String getHelpText() {
        return DeprecatedId.help(PROVIDER_ID, super.getHelpText());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        super.postInit(factory);
        DeprecatedId.warnAtStart(factory, "authenticator", OLD_ID, PROVIDER_ID, DeprecatedId.inFlows(OLD_ID));
    }
}
