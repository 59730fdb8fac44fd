package dev.portalaccess.keycloak.customer.access;

import com.google.auto.service.AutoService;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.KeycloakSessionFactory;

import dev.portalaccess.keycloak.renames.DeprecatedId;

/** The id {@value #OLD_ID} of "Customer portal access" before the rename: same authenticator, for one release. */
@AutoService(AuthenticatorFactory.class)
public final class DeprecatedPortalAccessAuthenticatorFactory extends PortalAccessAuthenticatorFactory {

    public static final String OLD_ID = "portalaccess-customer-portal-access";

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
