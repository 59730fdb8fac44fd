package dev.portalaccess.keycloak.partner;

import java.util.List;

import com.google.auto.service.AutoService;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.Config;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;

/**
 * "Join a tenant": a user with an account who opened an invitation link and then signed in in that same
 * authentication session ({@link PartnerInvitationLinkHandler}) accepts (or puts off) the pending
 * invitations to their address. The link proved the mailbox and the sign-in the account, in one session
 * ({@link MailboxProof}); that is when the address is marked verified. A sign-in without a link offers
 * nothing (an account that merely carries the address, verified or not, proves nothing about who reads it).
 *
 * <p>Triggered per sign-in, on the authentication session only (nothing is stored on the user), in
 * realms with partner access on. Stateless: one instance serves the server.
 */
@AutoService(RequiredActionFactory.class)
public class TenantInvitationAction implements RequiredActionProvider, RequiredActionFactory {

    public static final String PROVIDER_ID = "portal-access-tenant-invitation";
    static final String TEMPLATE = "portalaccess-tenant-invitation.ftl";
    static final String DECLINE = "decline";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        if (!acceptable(context).isEmpty()) {
            // this factory's own id: Keycloak finds the action by the alias the realm registered (new or deprecated)
            context.getAuthenticationSession().addRequiredAction(getId());
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        List<OrganizationInvitationModel> invitations = acceptable(context);
        if (invitations.isEmpty()) {
            context.success();
            return;
        }
        UserModel user = context.getUser();
        if (!user.isEmailVerified()) {
            // this person read the mailbox (the link, in this session) and signed in as this account: the
            // address is theirs. Whoever held the account before without it (someone who registered the
            // address first) loses every other session, so no old session or refresh token gets the tenant.
            user.setEmailVerified(true);
            AuthenticatorUtil.logoutOtherSessions(context);
        }
        context.challenge(form(context, invitations, null));
    }

    /** The invitations this authentication session may accept for its signed-in user (see {@link MailboxProof}). */
    private static List<OrganizationInvitationModel> acceptable(RequiredActionContext context) {
        String proven = MailboxProof.provenAddressOf(context.getAuthenticationSession(), context.getUser());
        return new PartnerAccess(context.getSession(), context.getRealm()).acceptableInvitations(context.getUser(), proven);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        PartnerAccess access = new PartnerAccess(context.getSession(), context.getRealm());
        UserModel user = context.getUser();
        if (form.containsKey(DECLINE)) {
            // not now: the invitations stay pending (an admin cancels them), access is unchanged
            context.success();
            return;
        }
        List<String> chosen = form.get("invitationId");
        for (OrganizationInvitationModel invitation : acceptable(context)) {
            if (chosen != null && !chosen.contains(invitation.getId())) {
                continue;
            }
            try {
                OrganizationModel tenant = access.accept(user, invitation);
                context.getEvent().clone().event(EventType.INVITE_ORG).user(user)
                        .detail(Details.ORG_ID, tenant.getId()).detail(Details.EMAIL, user.getEmail())
                        .detail("invitation_id", invitation.getId()).success();
            } catch (ModelException e) {
                // refused by a tenant rule (e.g. its domain restriction) before anything was written: say so
                context.getEvent().clone().event(EventType.INVITE_ORG_ERROR).user(user)
                        .detail(Details.ORG_ID, invitation.getOrganizationId()).detail(Details.REASON, e.getMessage())
                        .error("invitation_refused");
                context.challenge(form(context, acceptable(context), "portalAccessPartnerInvitationRefused"));
                return;
            }
        }
        context.success();
    }

    private static Response form(RequiredActionContext context, List<OrganizationInvitationModel> invitations, String error) {
        KeycloakSession session = context.getSession();
        var orgs = session.getProvider(org.keycloak.organization.OrganizationProvider.class);
        List<InvitationView> views = invitations.stream()
                .map(i -> new InvitationView(i.getId(), nameOf(orgs.getById(i.getOrganizationId()))))
                .toList();
        var form = context.form().setAttribute("tenantInvitations", views);
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }

    private static String nameOf(OrganizationModel tenant) {
        return tenant == null ? "" : tenant.getName();
    }

    /** What the template shows of one invitation (a bean: FreeMarker reads its getters). */
    public static final class InvitationView {
        private final String id;
        private final String tenantName;

        InvitationView(String id, String tenantName) {
            this.id = id;
            this.tenantName = tenantName;
        }

        public String getId() {
            return id;
        }

        public String getTenantName() {
            return tenantName;
        }
    }

    /**
     * Registered (enabled) when a realm is created or imported with partner access on, and, for realms
     * that turn partner access on later, on first use of an invitation link. An admin who disables it
     * switches acceptance by users with an account off, and that is respected.
     *
     * <p>It runs after every other required action (highest priority number): when the invited person took
     * the invited account over on the way ("Forgot password?" on the link's sign-in), Keycloak's
     * "Update password" (and any other pending action) completes first, so the tenant is never accepted
     * into an account whose old password still works.
     */
    static void ensureRegistered(RealmModel realm) {
        RequiredActionProviderModel renamed = realm.getRequiredActionProviderByAlias(PROVIDER_ID);
        // a realm of an earlier version registered the deprecated id: that registration serves (enabled or not)
        RequiredActionProviderModel existing = renamed != null ? renamed
                : realm.getRequiredActionProviderByAlias(DeprecatedTenantInvitationAction.OLD_ID);
        String alias = existing == null ? PROVIDER_ID : existing.getAlias();
        int last = realm.getRequiredActionProvidersStream().filter(m -> !alias.equals(m.getAlias()))
                .mapToInt(RequiredActionProviderModel::getPriority).max().orElse(0);
        if (existing != null) {
            if (existing.getPriority() <= last) {
                existing.setPriority(last + 10);
                realm.updateRequiredActionProvider(existing);
            }
            return;
        }
        RequiredActionProviderModel model = new RequiredActionProviderModel();
        model.setAlias(PROVIDER_ID);
        model.setProviderId(PROVIDER_ID);
        model.setName("Join a tenant (partner access)");
        model.setEnabled(true);
        model.setDefaultAction(false);
        model.setPriority(last + 10);
        realm.addRequiredActionProvider(model);
    }

    @Override
    public String getDisplayText() {
        return "Join a tenant (partner access)";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {
        // per-realm settings only
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to register
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
