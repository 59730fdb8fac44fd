package dev.portalaccess.keycloak.registration;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.events.Details;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * Registration-form step: refuses a registrant the policy does not allow (the page shows the reason by the
 * email field) and, once the user exists, grants the services; a company's membership and services wait until
 * the address is verified ({@link CompanyGrants}).
 * Place it after the user-creation step (and after the denylist step, which is checked first).
 *
 * <p>An organization invitation is not self-registration: a registration that carries a valid invitation
 * ({@link OrganizationInvitation}) with the invited address passes in every mode and gets nothing from the
 * policy (Keycloak makes the invitee a member of the inviting organization).
 */
final class SelfRegistrationFormAction implements FormAction {

    static final String DETAIL_COMPANY = "self_registration_company";
    static final String DETAIL_METHOD = "self_registration_method";
    /** Event detail: the company's membership and services wait for the address to be verified. */
    static final String DETAIL_PENDING = "self_registration_pending_verification";
    /** Event detail of a registration the policy let pass because it is not self-registration. */
    static final String DETAIL_EXEMPT = "self_registration_exempt";
    static final String EXEMPT_INVITATION = "organization_invitation";

    /**
     * Serves the form only where someone may use it: when the policy closes the form to everyone (Keycloak's
     * registration switch is normally off then, but an invitation link or a switch turned on by a path without
     * admin events still reaches the page), anyone without a valid invitation gets the refusal instead.
     */
    @Override
    public void buildPage(FormContext context, LoginFormsProvider form) {
        SelfRegistrationPolicy policy = policy(context);
        if (RegistrationLinkSync.formOpen(context.getSession(), context.getRealm(), policy)
                || OrganizationInvitation.of(context.getSession(), context.getHttpRequest()).isPresent()) {
            return;
        }
        RegistrationDecision closed = closedForEveryone(policy);
        context.getEvent().detail(DETAIL_METHOD, RegistrationMethod.PORTAL.key());
        throw new AuthenticationFlowException(AuthenticationFlowError.GENERIC_AUTHENTICATION_ERROR, closed.error(), closed.messageKey());
    }

    @Override
    public void validate(ValidationContext context) {
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        String email = formData.getFirst(UserModel.EMAIL);
        Optional<OrganizationInvitation> invitation = OrganizationInvitation.of(context.getSession(), context.getHttpRequest())
                .filter(i -> i.invites(email));
        if (invitation.isPresent()) {
            invitation.get().markValidated(context.getSession());
            context.success();
            return;
        }
        RegistrationDecision decision = decide(context, email);
        if (decision.allowed()) {
            context.success();
            return;
        }
        context.getEvent().detail(DETAIL_METHOD, RegistrationMethod.PORTAL.key());
        context.error(decision.error());
        context.validationError(formData, List.of(new FormMessage(UserModel.EMAIL, decision.messageKey())));
    }

    @Override
    public void success(FormContext context) {
        UserModel user = context.getUser();
        if (OrganizationInvitation.validated(context.getSession()).filter(i -> i.invites(user.getEmail())).isPresent()) {
            context.getEvent().detail(DETAIL_EXEMPT, EXEMPT_INVITATION);
            return;
        }
        RegistrationDecision decision = decide(context, user.getEmail());
        if (!decision.allowed()) {
            // validate() allowed this registrant a moment ago; a concurrent policy change must not half-apply
            throw new IllegalStateException("self-registration policy changed during registration");
        }
        // a typed address proves nothing: a company's membership waits for its verification
        CompanyGrants.Outcome outcome = CompanyGrants.grantOrDefer(context.getSession(), context.getRealm(), user, decision);
        context.getEvent()
                .detail(DETAIL_METHOD, RegistrationMethod.PORTAL.key())
                .detail(Details.REGISTER_METHOD, "form")
                .detail("self_registration_services", String.join(",", outcome.granted()));
        if (outcome.pending()) {
            context.getEvent().detail(DETAIL_PENDING, "true");
        }
        if (decision.company() != null) {
            context.getEvent().detail(DETAIL_COMPANY, decision.company().getAlias());
        }
    }

    private static RegistrationDecision decide(FormContext context, String email) {
        return SelfRegistrationEvaluator.decide(context.getSession(), context.getRealm(), policy(context), email, RegistrationMethod.PORTAL);
    }

    private static SelfRegistrationPolicy policy(FormContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        return config != null ? SelfRegistrationPolicy.from(config.getConfig()) : SelfRegistrationPolicy.of(context.getRealm());
    }

    /** Why a form closed to everyone is closed, in the words the form would use for one registrant. */
    private static RegistrationDecision closedForEveryone(SelfRegistrationPolicy policy) {
        switch (policy.mode()) {
            case ANYONE:
                return RegistrationDecision.refuse(RegistrationDecision.ERROR_METHOD_DISABLED, RegistrationDecision.MSG_METHOD_DISABLED);
            case COMPANIES:
                return RegistrationDecision.refuse(RegistrationDecision.ERROR_COMPANY_NOT_PERMITTED, RegistrationDecision.MSG_COMPANY_NOT_PERMITTED);
            case NONE:
            default:
                return RegistrationDecision.refuse(RegistrationDecision.ERROR_CLOSED, RegistrationDecision.MSG_CLOSED);
        }
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // no required actions
    }

    @Override
    public void close() {
        // stateless
    }
}
