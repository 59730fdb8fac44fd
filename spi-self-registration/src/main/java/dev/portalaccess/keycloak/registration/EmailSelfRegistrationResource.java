package dev.portalaccess.keycloak.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.messages.Messages;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

import dev.portalaccess.keycloak.email.EmailAddress;
import dev.portalaccess.keycloak.email.InvalidEmailException;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;

/**
 * {@code /realms/{realm}/portal-access/self-registration} (and {@code /realms/{realm}/self-registration}, kept for
 * the mail intakes configured with it): email self-registration for the service desk's mail intake. Only a service
 * account holding the realm role {@value #INTAKE_ROLE} may call it; anyone else gets a bare 401/403 and learns
 * nothing about who is registered.
 */
public final class EmailSelfRegistrationResource {

    private static final Logger LOG = Logger.getLogger(EmailSelfRegistrationResource.class);

    /** Realm role the mail intake's service account needs. */
    public static final String INTAKE_ROLE = "self-registration-intake";

    private final KeycloakSession session;

    EmailSelfRegistrationResource(KeycloakSession session) {
        this.session = session;
    }

    @POST
    @Path("email")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response registerSender(EmailRegistrationRequest request) {
        RealmModel realm = session.getContext().getRealm();
        AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
        // 401/403 stay bare on purpose: a caller without the intake role learns nothing, not even an error code
        if (auth == null) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        RoleModel intake = realm.getRole(INTAKE_ROLE);
        UserModel caller = auth.getUser();
        if (intake == null || caller == null || caller.getServiceAccountClientLink() == null || !caller.hasRole(intake)) {
            return Response.status(Response.Status.FORBIDDEN).build();
        }

        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.REGISTER)
                .client(auth.getClient())
                .detail(Details.REGISTER_METHOD, "email")
                .detail(SelfRegistrationFormAction.DETAIL_METHOD, RegistrationMethod.EMAIL.key());

        String raw = request == null || request.email == null ? "" : request.email.trim();
        EmailAddress address;
        try {
            address = EmailAddress.parse(raw);
        } catch (InvalidEmailException e) {
            event.detail(Details.EMAIL, raw).error(RegistrationDecision.ERROR_INVALID_EMAIL);
            return Problems.response(Response.Status.BAD_REQUEST.getStatusCode(), Problem.of(e.reason(), UserModel.EMAIL,
                    RegistrationDecision.MSG_INVALID_EMAIL, Localized.message(session, realm, RegistrationDecision.MSG_INVALID_EMAIL),
                    raw));
        }
        String email = address.normalized();
        event.detail(Details.EMAIL, email);

        UserModel existing = existing(session, realm, email);
        if (existing != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("result", "exists");
            body.put("userId", existing.getId());
            PortalInvitation.resendIfPending(session, realm, existing).ifPresent(r -> r.addTo(body));
            return Response.ok(body, MediaType.APPLICATION_JSON).build();
        }

        // profile validation first, as for a registration: it carries the realm's rules, the email denylist among them
        UserProfile profile = session.getProvider(UserProfileProvider.class)
                .create(UserProfileContext.REGISTRATION, attributes(request, address));
        try {
            profile.validate();
        } catch (ValidationException e) {
            // a parallel call for the same sender committed the user since the lookup above
            UserModel winner = e.hasError(Messages.USERNAME_EXISTS, Messages.EMAIL_EXISTS) ? existing(session, realm, email) : null;
            if (winner != null) {
                return exists(winner.getId());
            }
            ValidationException.Error first = e.getErrors().get(0);
            event.error(first.getMessage());
            return refused(first.getAttribute(), first.getMessage(), first.getMessage(),
                    Localized.message(session, realm, first.getMessage(), first.getMessageParameters()));
        }

        RegistrationDecision decision = SelfRegistrationEvaluator.decide(session, realm, email, RegistrationMethod.EMAIL);
        if (!decision.allowed()) {
            event.error(decision.error());
            return refused(UserModel.EMAIL, decision.messageKey(), decision.error(),
                    Localized.message(session, realm, decision.messageKey()));
        }

        UserModel user;
        try {
            user = profile.create();
            user.setEnabled(true);
            // the database decides races between parallel calls: the username (the normalized address) is unique
            // per realm, and so is the email where the realm requires it; flushing here brings a loss to this point
            session.getProvider(JpaConnectionProvider.class).getEntityManager().flush();
        } catch (RuntimeException e) {
            // the winner sends the invitation; a losing call answers exists and sends nothing more
            return existsAfterLostRace(realm, email, e);
        }
        PortalInvitation.markRegisteredByEmail(user);
        // receiving mail from an address does not prove control of it (a From header is easily forged): a
        // company's membership waits for verification, which the invitation link (or a password reset) gives
        CompanyGrants.Outcome outcome = CompanyGrants.grantOrDefer(session, realm, user, decision);
        PortalInvitation.Result invitation = decision.grantPortalAccess()
                ? PortalInvitation.send(session, realm, user, decision.company())
                : new PortalInvitation.Result(false, null, null);

        event.user(user).detail(Details.USERNAME, user.getUsername())
                .detail("self_registration_services", String.join(",", outcome.granted()))
                .detail("self_registration_invitation", String.valueOf(invitation.sent()));
        if (outcome.pending()) {
            event.detail(SelfRegistrationFormAction.DETAIL_PENDING, "true");
        }
        if (decision.company() != null) {
            event.detail(SelfRegistrationFormAction.DETAIL_COMPANY, decision.company().getAlias());
        }
        event.success();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", "created");
        body.put("userId", user.getId());
        body.put("username", user.getUsername());
        body.put("company", decision.company() == null ? null : decision.company().getAlias());
        body.put("services", outcome.granted());
        body.put("pendingVerification", outcome.pending());
        if (decision.grantPortalAccess()) {
            invitation.addTo(body);
        } else {
            body.put("invitationSent", false);
            body.put("inviteSent", false);
        }
        return Response.status(Response.Status.CREATED).entity(body).type(MediaType.APPLICATION_JSON).build();
    }

    private static UserModel existing(KeycloakSession session, RealmModel realm, String email) {
        UserModel user = session.users().getUserByEmail(realm, email);
        return user != null ? user : session.users().getUserByUsername(realm, email);
    }

    private static Response exists(String userId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", "exists");
        body.put("userId", userId);
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    /**
     * Creating the user failed. If a parallel call (on any node) created it meanwhile, the database refused this
     * second insert: this transaction is spoilt, so it is rolled back and the winner is read in a new one; this
     * caller gets the same answer as a later call would. Any other failure is not ours to hide.
     */
    private Response existsAfterLostRace(RealmModel realm, String email, RuntimeException failure) {
        session.getTransactionManager().setRollbackOnly();
        String realmId = realm.getId();
        String winner = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
            RealmModel r = s.realms().getRealm(realmId);
            s.getContext().setRealm(r);
            UserModel user = existing(s, r, email);
            return user == null ? null : user.getId();
        });
        if (winner == null) {
            throw failure;
        }
        LOG.debugf("Realm %s: %s was registered by a parallel call (%s); answering exists", realm.getName(), email,
                failure.getClass().getSimpleName());
        return exists(winner);
    }

    private static Map<String, List<String>> attributes(EmailRegistrationRequest request, EmailAddress address) {
        String first = request.firstName;
        String last = request.lastName;
        if ((first == null || first.isBlank()) && request.name != null && !request.name.isBlank()) {
            String name = request.name.trim();
            int space = name.lastIndexOf(' ');
            first = space > 0 ? name.substring(0, space).trim() : name;
            last = space > 0 ? name.substring(space + 1).trim() : last;
        }
        // the default user profile requires both names; an address without a name gets its local part
        if (first == null || first.isBlank()) {
            first = address.localPart();
        }
        if (last == null || last.isBlank()) {
            last = address.localPart();
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(UserModel.USERNAME, List.of(address.normalized()));
        attributes.put(UserModel.EMAIL, List.of(address.normalized()));
        attributes.put(UserModel.FIRST_NAME, List.of(first));
        attributes.put(UserModel.LAST_NAME, List.of(last));
        return attributes;
    }

    /**
     * 422 with the error contract's fields ({@code error} is the message key, as the intake has always answered)
     * and the intake's own {@code result} and {@code reason} (the user event's error code).
     */
    private static Response refused(String field, String messageKey, String reason, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", "refused");
        body.put("field", field);
        body.put("error", messageKey);
        body.put("reason", reason);
        body.put("errorMessage", message);
        body.put("messageKey", messageKey);
        body.put("params", List.of());
        return Response.status(422).entity(body).type(MediaType.APPLICATION_JSON).build();
    }
}
