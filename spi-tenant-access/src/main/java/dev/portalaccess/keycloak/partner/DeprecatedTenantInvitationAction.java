package dev.portalaccess.keycloak.partner;

import com.google.auto.service.AutoService;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RequiredActionProviderModel;

import dev.portalaccess.keycloak.renames.DeprecatedId;

/**
 * The id {@value #OLD_ID} of "Join a tenant" before the rename, for one release: a realm that registered it
 * (an export of an earlier version) keeps offering pending invitations through it.
 */
@AutoService(RequiredActionFactory.class)
public final class DeprecatedTenantInvitationAction extends TenantInvitationAction {

    public static final String OLD_ID = "portalaccess-tenant-invitation";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        RequiredActionProviderModel renamed = context.getRealm().getRequiredActionProviderByAlias(PROVIDER_ID);
        if (renamed != null && renamed.isEnabled()) {
            // the realm has the new id as well: it offers the invitations, once
            return;
        }
        super.evaluateTriggers(context);
    }

    @Override
    public String getDisplayText() {
        return DeprecatedId.display(super.getDisplayText());
    }

    @Override
    public String getId() {
        return OLD_ID;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        super.postInit(factory);
        DeprecatedId.warnAtStart(factory, "required action", OLD_ID, PROVIDER_ID, DeprecatedId.requiredAction(OLD_ID));
    }
}
