package dev.portalaccess.keycloak.registration;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;
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
 */
final class SelfRegistrationFormAction implements FormAction {

    static final String DETAIL_COMPANY = "self_registration_company";
    static final String DETAIL_METHOD = "self_registration_method";
    /** Event detail: the company's membership and services wait for the address to be verified. */
    static final String DETAIL_PENDING = "self_registration_pending_verification";

    @Override
    public void buildPage(FormContext context, LoginFormsProvider form) {
        // nothing to add: the policy speaks only when the form is submitted
    }

    @Override
    public void validate(ValidationContext context) {
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        RegistrationDecision decision = decide(context, formData.getFirst(UserModel.EMAIL));
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
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        SelfRegistrationPolicy policy = config != null
                ? SelfRegistrationPolicy.from(config.getConfig())
                : SelfRegistrationPolicy.of(context.getRealm());
        return SelfRegistrationEvaluator.decide(context.getSession(), context.getRealm(), policy, email, RegistrationMethod.PORTAL);
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
