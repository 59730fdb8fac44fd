package dev.portalaccess.keycloak.registration;

import com.google.auto.service.AutoService;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.models.KeycloakSessionFactory;

import dev.portalaccess.keycloak.renames.DeprecatedId;

/**
 * The id {@value #OLD_ID} of the company-membership marker before the rename, for one release: realms that
 * registered it and users who already carry it (Keycloak finds the action by that alias) complete their grant.
 */
@AutoService(RequiredActionFactory.class)
public final class DeprecatedCompanyMembershipRequiredActionFactory extends CompanyMembershipRequiredActionFactory {

    public static final String OLD_ID = CompanyGrants.DEPRECATED_PENDING_ACTION;

    @Override
    public String getId() {
        return OLD_ID;
    }

    @Override
    public String getDisplayText() {
        return DeprecatedId.display(super.getDisplayText());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        super.postInit(factory);
        DeprecatedId.warnAtStart(factory, "required action", OLD_ID, PROVIDER_ID, DeprecatedId.requiredAction(OLD_ID));
    }
}
