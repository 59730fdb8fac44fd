package dev.portalaccess.keycloak.registration;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;

/**
 * The pending marker of a company grant ({@link CompanyGrants#PENDING_ACTION}) as a required action. It shows
 * no page: at every sign-in Keycloak evaluates it, and once the address is verified (verify-email action,
 * execute-actions or reset-password link, trusted identity provider, admin) the grant completes.
 */
final class CompanyMembershipRequiredAction implements RequiredActionProvider {

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        CompanyGrants.completeIfVerified(context.getSession(), context.getRealm(), context.getUser());
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        CompanyGrants.completeIfVerified(context.getSession(), context.getRealm(), context.getUser());
        if (CompanyGrants.isPending(context.getUser())) {
            // still unverified: the marker stays, the person goes on as a plain user of the realm
            context.ignore();
        } else {
            context.success();
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        context.success();
    }

    @Override
    public void close() {
        // stateless
    }
}
