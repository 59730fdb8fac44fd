package dev.portalaccess.keycloak.registration;

import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;

import dev.portalaccess.keycloak.email.EmailAddress;
import dev.portalaccess.keycloak.email.InvalidEmailException;

/**
 * A company's membership and services follow a <em>verified</em> address: anyone can type
 * {@code ceo@company} into a form, only the owner of that mailbox can verify it. A registrant matched to a
 * company with an unverified address gets Keycloak's verify-email action and the pending marker (the
 * required action {@value #PENDING_ACTION}: only admins and this module can put it on a user); the grant
 * happens, once, when Keycloak reports the address verified, on whichever path that happens (see
 * {@link CompanyGrantOnVerification} and {@link CompanyMembershipRequiredAction}).
 */
final class CompanyGrants {

    private static final Logger LOG = Logger.getLogger(CompanyGrants.class);

    /** The pending marker, a required action on the user (also the provider id of {@link CompanyMembershipRequiredAction}). */
    static final String PENDING_ACTION = "portal-access-company-membership";
    /** The marker's id before the rename (docs/renames.md): users who got it then still complete their grant. */
    static final String DEPRECATED_PENDING_ACTION = "portalaccess-company-membership";

    /** Runs after Keycloak's own actions (verify email among them), so it sees the address verified. */
    private static final int PENDING_ACTION_PRIORITY = 1000;

    private CompanyGrants() {
    }

    /** What a registration got: the services granted now, or a grant pending until the address is verified. */
    record Outcome(List<String> granted, boolean pending) {
    }

    /**
     * Applies an allowed decision: at once when no company is involved (ANYONE's default services) or the
     * address is already verified in Keycloak's eyes; otherwise marks the grant pending and requires the
     * verify-email action.
     */
    static Outcome grantOrDefer(KeycloakSession session, RealmModel realm, UserModel user, RegistrationDecision decision) {
        if (decision.company() == null || user.isEmailVerified()) {
            return new Outcome(ServiceGrants.apply(session, realm, user, decision), false);
        }
        ensurePendingActionRegistered(realm);
        user.addRequiredAction(PENDING_ACTION);
        user.addRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
        LOG.debugf("Realm %s: %s matches company %s; membership and services wait for the address to be verified",
                realm.getName(), user.getUsername(), decision.company().getAlias());
        return new Outcome(List.of(), true);
    }

    /**
     * Completes a pending grant when the user's address is verified: the company is the one the verified address
     * matches now (not the one typed at registration, which may have changed since), under the current policy.
     * The marker goes in the same transaction, so the grant happens once.
     */
    static Optional<List<String>> completeIfVerified(KeycloakSession session, RealmModel realm, UserModel user) {
        if (user == null || !user.isEmailVerified() || !isPending(user)) {
            return Optional.empty();
        }
        user.removeRequiredAction(PENDING_ACTION);
        user.removeRequiredAction(DEPRECATED_PENDING_ACTION);
        // the verify-email action was added with the marker; the address is verified now (an admin may have set it
        // without signing the user in), so it is done too, or a password grant would stay "not fully set up"
        user.removeRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
        SelfRegistrationPolicy policy = SelfRegistrationPolicy.of(realm);
        Optional<Company> company = Optional.empty();
        if (policy.mode() == SelfRegistrationMode.COMPANIES) {
            try {
                company = SelfRegistrationEvaluator.companyFor(session, realm, EmailAddress.parse(user.getEmail()).domain());
            } catch (InvalidEmailException e) {
                company = Optional.empty();
            }
        }
        if (company.isEmpty()) {
            LOG.infof("Realm %s: verified address of %s matches no permitted company now; no company membership granted",
                    realm.getName(), user.getUsername());
            return Optional.of(List.of());
        }
        Company c = company.get();
        List<String> granted = ServiceGrants.apply(session, realm, user, RegistrationDecision.allow(c.organization(), c.services(),
                c.grantPortalAccess()));
        LOG.infof("Realm %s: %s verified their address and joined company %s with services %s", realm.getName(),
                user.getUsername(), c.organization().getAlias(), granted);
        return Optional.of(granted);
    }

    /** Whether the user carries the pending marker (its new or its deprecated id). */
    static boolean isPending(UserModel user) {
        return user.getRequiredActionsStream().anyMatch(a -> PENDING_ACTION.equals(a) || DEPRECATED_PENDING_ACTION.equals(a));
    }

    /** Keycloak runs only registered required actions (and warns about unknown ones at every sign-in). */
    private static void ensurePendingActionRegistered(RealmModel realm) {
        if (realm.getRequiredActionProviderByAlias(PENDING_ACTION) != null) {
            return;
        }
        RequiredActionProviderModel model = new RequiredActionProviderModel();
        model.setAlias(PENDING_ACTION);
        model.setProviderId(PENDING_ACTION);
        model.setName(CompanyMembershipRequiredActionFactory.DISPLAY_TEXT);
        model.setEnabled(true);
        model.setDefaultAction(false);
        model.setPriority(PENDING_ACTION_PRIORITY);
        realm.addRequiredActionProvider(model);
        LOG.infof("Realm %s: registered the required action %s (company membership after email verification)",
                realm.getName(), PENDING_ACTION);
    }
}
