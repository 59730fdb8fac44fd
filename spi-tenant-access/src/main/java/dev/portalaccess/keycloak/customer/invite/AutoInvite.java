package dev.portalaccess.keycloak.customer.invite;

import jakarta.ws.rs.WebApplicationException;

import dev.portalaccess.keycloak.customer.PortalAccessSettings;
import org.jboss.logging.Logger;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * The automatic invitation of a new customer's contact email. It runs after the customer's creation
 * committed, in its own transaction, as the admin who created the customer: a refused or failed invite
 * (domain restriction, SMTP down) never undoes the creation; it is logged and recorded as an admin event
 * with the details {@code autoInvite=refused} and {@code reason}.
 */
final class AutoInvite {

    private static final Logger LOG = Logger.getLogger(AutoInvite.class);

    static final String DETAIL_AUTO_INVITE = "autoInvite";
    static final String DETAIL_REASON = "reason";

    private final String realmId;
    private final String customerId;
    private final AuthDetails admin;
    private final AccessToken adminToken;
    private final ClientConnection connection;

    AutoInvite(String realmId, String customerId, AuthDetails admin, AccessToken adminToken, ClientConnection connection) {
        this.realmId = realmId;
        this.customerId = customerId;
        this.admin = admin;
        this.adminToken = adminToken;
        this.connection = connection;
    }

    /** What happened: sent, or not with the reason (nothing to send, or refused). */
    record Outcome(boolean sent, String reason) {
    }

    private static final String SENT = "";

    Outcome run(KeycloakSession session) {
        String refusal;
        try {
            refusal = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), this::invite);
        } catch (RuntimeException e) {
            refusal = describe(e);
        }
        if (SENT.equals(refusal)) {
            return new Outcome(true, null);
        }
        if (refusal != null && refusal.startsWith(NOTHING_TO_SEND)) {
            return new Outcome(false, refusal.substring(NOTHING_TO_SEND.length()));
        }
        if (refusal != null) {
            String reason = refusal;
            LOG.warnf("Automatic invitation for customer %s in realm %s refused: %s", customerId, realmId, reason);
            try {
                KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> recordRefusal(s, reason));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not record the refused automatic invitation of customer %s", customerId);
            }
        }
        return new Outcome(false, refusal);
    }

    /** Prefix of an answer of {@link #invite} that is no refusal: there was nothing to send. */
    private static final String NOTHING_TO_SEND = "nothing to send: ";

    /** Sends the invitation; returns {@link #SENT}, {@link #NOTHING_TO_SEND} with why, or why it was refused. */
    private String invite(KeycloakSession session) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return NOTHING_TO_SEND + "the realm is gone";
        }
        session.getContext().setRealm(realm);
        OrganizationModel customer = session.getProvider(OrganizationProvider.class).getById(customerId);
        if (customer == null) {
            return NOTHING_TO_SEND + "the customer is gone";
        }
        String email = PortalAccessSettings.contactEmail(customer);
        var stored = customer.getAttributes().get(PortalAccessSettings.CONTACT_EMAIL.key());
        if (email == null && stored != null && stored.stream().anyMatch(v -> v != null && !v.isBlank())) {
            // a contact the email engine cannot read (written around the validation): a refusal, not "no contact"
            return "Invalid email address: " + PortalAccessSettings.CONTACT_EMAIL.check(stored, PortalAccessSettings.CONTACT_EMAIL.key())
                    .map(p -> p.errorMessage()).orElse(String.valueOf(stored));
        }
        if (email == null) {
            LOG.debugf("Customer %s has no contact email: no automatic invitation", customer.getAlias());
            return NOTHING_TO_SEND + NO_CONTACT_EMAIL;
        }
        Actor actor = actor(session);
        if (actor == null || adminToken == null) {
            return "the admin who created the customer is unknown";
        }
        // the admin's own (already verified) token: the invite runs with exactly that admin's permissions
        AdminAuth adminAuth = new AdminAuth(actor.realm(), adminToken, actor.user(), actor.client());
        AdminPermissionEvaluator auth = AdminPermissions.evaluator(session, realm, adminAuth);
        AdminEventBuilder adminEvent = new AdminEventBuilder(realm, adminAuth, session, connection).detail(DETAIL_AUTO_INVITE, "sent");
        CustomerInvitations.invite(session, realm, customer, email, null, null, CustomerInvitations.realmInviterName(realm),
                null, auth, adminEvent);
        LOG.debugf("Automatic invitation of customer %s sent to %s", customer.getAlias(), email);
        return SENT;
    }

    static final String NO_CONTACT_EMAIL = "the customer has no contact email";

    private void recordRefusal(KeycloakSession session, String reason) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm);
        Actor actor = actor(session);
        if (actor == null) {
            return;
        }
        new AdminEventBuilder(realm, new AdminAuth(actor.realm(), adminToken, actor.user(), actor.client()), session, connection)
                .resource(ResourceType.ORGANIZATION_MEMBERSHIP)
                .operation(OperationType.ACTION)
                .resourcePath("organizations", customerId, "members", "invite-user")
                .detail(DETAIL_AUTO_INVITE, "refused")
                .detail(DETAIL_REASON, reason)
                .success();
    }

    private Actor actor(KeycloakSession session) {
        if (admin == null || admin.getRealmId() == null || admin.getUserId() == null) {
            return null;
        }
        RealmModel adminRealm = session.realms().getRealm(admin.getRealmId());
        if (adminRealm == null) {
            return null;
        }
        UserModel user = session.users().getUserById(adminRealm, admin.getUserId());
        ClientModel client = admin.getClientId() == null ? null : session.clients().getClientById(adminRealm, admin.getClientId());
        return user == null || client == null ? null : new Actor(adminRealm, user, client);
    }

    /** What Keycloak answered (status and JSON body of an error response), else the exception. */
    private static String describe(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof dev.portalaccess.keycloak.invitation.InvitationRefusedException refused) {
                return refused.status() + " " + refused.getMessage();
            }
            if (t instanceof WebApplicationException web && web.getResponse() != null) {
                return web.getResponse().getStatus() + " " + entityText(web);
            }
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String entityText(WebApplicationException e) {
        Object entity = e.getResponse().getEntity();
        if (entity == null) {
            return e.getMessage();
        }
        try {
            return org.keycloak.util.JsonSerialization.writeValueAsString(entity);
        } catch (java.io.IOException io) {
            return String.valueOf(entity);
        }
    }

    private record Actor(RealmModel realm, UserModel user, ClientModel client) {
    }
}
