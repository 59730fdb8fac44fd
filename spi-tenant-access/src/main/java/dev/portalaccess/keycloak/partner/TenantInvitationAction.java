package dev.portalaccess.keycloak.partner;

import java.util.List;

import com.google.auto.service.AutoService;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.Config;
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
 * "Join a tenant": after a user with an account has signed in, they accept (or put off) the pending
 * invitations to their verified address. This is how an invited user with an account accepts: the
 * invitation link itself only sends them to sign in ({@link PartnerInvitationLinkHandler}).
 *
 * <p>Triggered per sign-in, on the authentication session only (nothing is stored on the user), in
 * realms with partner access on. Stateless: one instance serves the server.
 */
@AutoService(RequiredActionFactory.class)
public final class TenantInvitationAction implements RequiredActionProvider, RequiredActionFactory {

    public static final String PROVIDER_ID = "portalaccess-tenant-invitation";
    static final String TEMPLATE = "portalaccess-tenant-invitation.ftl";
    static final String DECLINE = "decline";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        PartnerAccess access = new PartnerAccess(context.getSession(), context.getRealm());
        if (!access.acceptableInvitations(context.getUser()).isEmpty()) {
            context.getAuthenticationSession().addRequiredAction(PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        List<OrganizationInvitationModel> invitations =
                new PartnerAccess(context.getSession(), context.getRealm()).acceptableInvitations(context.getUser());
        if (invitations.isEmpty()) {
            context.success();
            return;
        }
        context.challenge(form(context, invitations, null));
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
        for (OrganizationInvitationModel invitation : access.acceptableInvitations(user)) {
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
                context.challenge(form(context, access.acceptableInvitations(user), "partnerAccess.invitationRefused"));
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
     */
    static void ensureRegistered(RealmModel realm) {
        if (realm.getRequiredActionProviderByAlias(PROVIDER_ID) != null) {
            return;
        }
        RequiredActionProviderModel model = new RequiredActionProviderModel();
        model.setAlias(PROVIDER_ID);
        model.setProviderId(PROVIDER_ID);
        model.setName("Join a tenant (partner access)");
        model.setEnabled(true);
        model.setDefaultAction(false);
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
