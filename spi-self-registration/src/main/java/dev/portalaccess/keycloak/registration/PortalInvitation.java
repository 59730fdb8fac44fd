package dev.portalaccess.keycloak.registration;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.theme.Theme;
import org.keycloak.theme.beans.LinkExpirationFormatterMethod;

/**
 * "Grant portal access" of email self-registration: the portal's own invitation email (template
 * {@value #TEMPLATE} of the realm's email theme, or this module's plain fallback for themes without one: who
 * invites, what to do, how long the link is valid) with
 * Keycloak's execute-actions link to set a password. When the mail cannot be sent the caller is told so, and
 * calling the intake again for the same address sends it again while the person has not set a password.
 */
final class PortalInvitation {

    private static final Logger LOG = Logger.getLogger(PortalInvitation.class);

    /** Email template (text/ and html/) of the portal email themes. */
    static final String TEMPLATE = "self-registration-invite.ftl";
    /** Subject message key; {0} is who invites (the realm's display name). */
    static final String SUBJECT_KEY = "selfRegistrationInviteSubject";
    /** User attribute: how the user was registered; {@code email} makes them eligible for a resent invitation. */
    static final String REGISTERED_BY = "portalaccess.selfRegistration.registeredBy";
    /** {@code inviteFailure} of the answer when the mail server did not take the invitation. */
    static final String FAILURE_NOT_SENT = "mail_not_sent";

    private PortalInvitation() {
    }

    /** The outcome of one attempt, as fields of the intake's JSON answer. */
    record Result(boolean sent, String failure, String failureMessage) {

        void addTo(Map<String, Object> body) {
            body.put("invitationSent", sent);
            body.put("inviteSent", sent);
            if (!sent) {
                body.put("inviteFailure", failure);
                body.put("inviteFailureMessage", failureMessage);
            }
        }
    }

    static void markRegisteredByEmail(UserModel user) {
        user.setSingleAttribute(REGISTERED_BY, RegistrationMethod.EMAIL.key());
    }

    /**
     * For an address that is already registered: sends the invitation again when the intake registered that
     * person, the policy (or their company) grants portal access, and they have not set a password yet.
     */
    static Optional<Result> resendIfPending(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!user.isEnabled() || user.getEmail() == null
                || !RegistrationMethod.EMAIL.key().equals(user.getFirstAttribute(REGISTERED_BY))
                || user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE)) {
            return Optional.empty();
        }
        RegistrationDecision decision = SelfRegistrationEvaluator.decide(session, realm, user.getEmail(), RegistrationMethod.EMAIL);
        if (!decision.allowed() || !decision.grantPortalAccess()) {
            return Optional.empty();
        }
        return Optional.of(send(session, realm, user, decision.company()));
    }

    /** Sends the invitation: a link to set a password, valid for the realm's admin-action lifespan. */
    static Result send(KeycloakSession session, RealmModel realm, UserModel user, OrganizationModel company) {
        int lifespan = realm.getActionTokenGeneratedByAdminLifespan();
        List<String> actions = List.of(UserModel.RequiredAction.UPDATE_PASSWORD.name());
        ExecuteActionsActionToken token = new ExecuteActionsActionToken(user.getId(), user.getEmail(),
                Time.currentTime() + lifespan, actions, null, Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        String link = LoginActionsService.actionTokenProcessor(session.getContext().getUri())
                .queryParam("key", token.serialize(session, realm, session.getContext().getUri()))
                .build(realm.getName()).toString();
        String invitedBy = realm.getDisplayName() == null || realm.getDisplayName().isBlank() ? realm.getName() : realm.getDisplayName();
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("link", link);
        attributes.put("linkExpiration", TimeUnit.SECONDS.toMinutes(lifespan));
        attributes.put("invitedBy", invitedBy);
        attributes.put("email", user.getEmail());
        attributes.put(Constants.TEMPLATE_ATTR_REQUIRED_ACTIONS, actions);
        if (company != null) {
            attributes.put("companyName", company.getName());
        }
        if (user.getFirstName() != null && user.getLastName() != null) {
            attributes.put("firstName", user.getFirstName());
            attributes.put("lastName", user.getLastName());
        }
        try {
            // Keycloak's own "12 hours" formatter, for the fallback template of email themes without one of their own
            Locale locale = session.getContext().resolveLocale(user);
            Theme theme = session.theme().getTheme(Theme.Type.EMAIL);
            attributes.put("linkExpirationFormatter", new LinkExpirationFormatterMethod(theme.getEnhancedMessages(realm, locale), locale));
            session.getProvider(EmailTemplateProvider.class)
                    .setRealm(realm)
                    .setUser(user)
                    .send(SUBJECT_KEY, List.of(invitedBy), TEMPLATE, attributes);
            return new Result(true, null, null);
        } catch (EmailException | IOException e) {
            LOG.warnf("Realm %s: the self-registration invitation to %s could not be sent (%s); a repeated intake call sends it again",
                    realm.getName(), user.getEmail(), e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            return new Result(false, FAILURE_NOT_SENT, "The invitation email could not be sent: the mail server did not accept it. "
                    + "Repeat the call for this address to send it again.");
        }
    }
}
