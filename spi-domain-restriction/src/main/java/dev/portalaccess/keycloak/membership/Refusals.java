package dev.portalaccess.keycloak.membership;

import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorPage;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.utils.MediaTypeMatcher;

import dev.portalaccess.keycloak.problem.Problem;

/**
 * Builds refusals for the context the request is in: a login page (invitation link, registration from an
 * invitation, first sign-in through an identity provider) gets a localized error page and a user event
 * error; anything else (admin REST, the project's own APIs) gets 400 JSON and a warning in the log.
 */
final class Refusals {

    private static final Logger LOG = Logger.getLogger(Refusals.class);

    static final String MSG_DOMAIN_NOT_ALLOWED = "portalAccessDomainNotAllowed";
    static final String MSG_EMAIL_MISSING = "portalAccessMembershipEmailMissing";
    static final String MSG_EMAIL_INVALID = "portalAccessMembershipEmailInvalid";
    static final String MSG_INVITATION_REQUIRED = "portalAccessJitInvitationRequired";

    static final String ERROR_INVITATION_REQUIRED = "invitationRequired";
    static final String EVENT_INVITATION_REQUIRED = "invitation_required";

    private Refusals() {
    }

    /** {@code email} may not join {@code organization}: {@code verdict} says why. */
    static MembershipRefusedException membership(KeycloakSession session, OrganizationModel organization, String email,
            MembershipSettings.Verdict verdict) {
        String description = switch (verdict) {
            case EMAIL_MISSING -> "A user without an email address cannot join organization '" + organization.getName()
                    + "': it only accepts members from its allowed domains.";
            case EMAIL_INVALID -> "Email address '" + email + "' is not valid, so it cannot join organization '"
                    + organization.getName() + "'.";
            default -> "Email address '" + email + "' is outside the allowed domains of organization '"
                    + organization.getName() + "'.";
        };
        String messageKey = switch (verdict) {
            case EMAIL_MISSING -> MSG_EMAIL_MISSING;
            case EMAIL_INVALID -> MSG_EMAIL_INVALID;
            default -> MSG_DOMAIN_NOT_ALLOWED;
        };
        return refuse(session, organization, email, verdict.error(), verdict.eventError(), "email", description,
                messageKey);
    }

    /** A first sign-in through the customer's identity provider without a pending invitation. */
    static MembershipRefusedException invitationRequired(KeycloakSession session, OrganizationModel organization,
            String email) {
        return refuse(session, organization, email, ERROR_INVITATION_REQUIRED, EVENT_INVITATION_REQUIRED, "email",
                "There is no pending invitation for '" + email + "' in organization '" + organization.getName() + "'.",
                MSG_INVITATION_REQUIRED);
    }


    private static MembershipRefusedException refuse(KeycloakSession session, OrganizationModel organization,
            String email, String error, String eventError, String field, String description, String messageKey) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        if (authSession != null || isHtmlRequest(session)) {
            userEvent(session, authSession, organization, email, eventError);
            LOG.infof("Refused membership of %s in organization %s (%s) on a login page: %s", email,
                    organization.getAlias(), organization.getId(), error);
            Response page = ErrorPage.error(session, authSession, Response.Status.BAD_REQUEST, messageKey,
                    email == null ? "" : email, organization.getName());
            return new MembershipRefusedException(page, error, field, description);
        }
        LOG.warnf("Refused membership of %s in organization %s (%s): %s", email, organization.getAlias(),
                organization.getId(), description);
        Map<String, Object> body = Problem.of(error, field, messageKey, description, email == null ? "" : email,
                organization.getName()).toMap();
        body.put("organizationId", organization.getId());
        return new MembershipRefusedException(json(body), error, field, description);
    }

    private static void userEvent(KeycloakSession session, AuthenticationSessionModel authSession,
            OrganizationModel organization, String email, String eventError) {
        RealmModel realm = session.getContext().getRealm();
        if (realm == null) {
            return;
        }
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection());
        SerializedBrokeredIdentityContext broker = authSession == null ? null
                : SerializedBrokeredIdentityContext.readFromAuthenticationSession(authSession,
                        AbstractIdpAuthenticator.BROKERED_CONTEXT_NOTE);
        if (broker != null) {
            event.event(EventType.IDENTITY_PROVIDER_FIRST_LOGIN)
                    .detail(Details.IDENTITY_PROVIDER, broker.getIdentityProviderId())
                    .detail(Details.IDENTITY_PROVIDER_USERNAME, broker.getBrokerUsername());
        } else {
            event.event(EventType.INVITE_ORG);
        }
        if (authSession != null && authSession.getClient() != null) {
            event.client(authSession.getClient());
        }
        event.detail(Details.EMAIL, email)
                .detail(Details.ORG_ID, organization.getId())
                .detail(Details.REASON, eventError)
                .error(eventError);
    }

    private static boolean isHtmlRequest(KeycloakSession session) {
        HttpHeaders headers;
        try {
            headers = session.getContext().getRequestHeaders();
        } catch (RuntimeException noRequest) {
            return false; // no HTTP request at all: a realm import at server start or by kc.sh import
        }
        return headers != null && MediaTypeMatcher.isHtmlRequest(headers);
    }

    private static Response json(Map<String, Object> body) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
