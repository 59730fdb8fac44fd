package dev.portalaccess.keycloak.invitation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import dev.portalaccess.keycloak.email.EmailAddress;
import dev.portalaccess.keycloak.email.InvalidEmailException;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.organization.InvitationManager;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.representations.idm.OrganizationInvitationRepresentation;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.storage.adapter.AbstractInMemoryUserAdapter;

/**
 * The one invitation service of the project: every invitation path (customer API, customer self-service, automatic
 * invitation, partner invitations of external users) creates, resends, cancels, finds and lists Keycloak's persisted
 * organization invitations here. It works on Keycloak's {@link InvitationManager} (so every
 * {@code OrganizationProvider} decoration, e.g. domain restrictions, applies), builds the links with the project's
 * only copy of Keycloak's link logic ({@link InvitationLinks}), normalises addresses with the email engine
 * ({@link EmailAddress}) and keeps the role an invitation carries in {@code PA_INVITATION_ROLE}, which the database
 * removes with the invitation.
 *
 * <p>Admin-side callers pass their {@link AdminPermissionEvaluator}: the service then requires Keycloak's own
 * {@code manage} permission on the organization, as {@code OrganizationInvitationResource} does, and records
 * Keycloak's admin event for the invite. Self-service callers authorise the caller themselves and pass null.
 */
public final class InvitationService {

    private static final Logger LOG = Logger.getLogger(InvitationService.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationProvider organizations;

    public InvitationService(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.organizations = session.getProvider(OrganizationProvider.class);
    }

    /** The address as the email engine normalises it (NFKC, no invisible characters, lower case, punycode domain). */
    public static String normalizeEmail(String raw) throws InvalidEmailException {
        return EmailAddress.parse(raw == null ? "" : raw).normalized();
    }

    /** The invitation if it exists and belongs to {@code organization}; null otherwise (no cross-customer lookup). */
    public OrganizationInvitationModel find(OrganizationModel organization, String invitationId) {
        OrganizationInvitationModel invitation = invitationId == null ? null : invitations().getById(invitationId);
        return invitation != null && organization.getId().equals(invitation.getOrganizationId()) ? invitation : null;
    }

    /** The organization's invitations, pending and expired (not yet removed), newest first. */
    public Stream<OrganizationInvitationModel> list(OrganizationModel organization, Integer first, Integer max) {
        return invitations().getAllStream(organization, Map.of(), first, max);
    }

    /** The pending or expired invitation of this (normalised) address, or null. */
    public OrganizationInvitationModel findByEmail(OrganizationModel organization, String email) {
        return email == null ? null : invitations().getByEmail(organization, email);
    }

    /**
     * Invites an existing user (a link to join) or a new address (a link to register), as Keycloak's
     * {@code OrganizationInvitationResource.inviteUser}: persisted invitation, action token, {@code org-invite.ftl}
     * email. An expired invitation of the same address is replaced; a pending one or a member is refused.
     *
     * @param auth       the admin's permissions (Keycloak's manage check on the organization), or null for callers that
     *                   authorise themselves (self-service)
     * @param adminEvent Keycloak's admin event for the invite ({@code ACTION} on the request path), or null when the
     *                   caller records its own
     * @throws InvitationRefusedException when nothing was sent and why; model refusals (domain restrictions) pass as thrown
     */
    public OrganizationInvitationModel invite(OrganizationModel organization, InvitationRequest request,
                                              AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        if (auth != null) {
            auth.orgs().requireManage(organization);
        }
        requireEnabled(organization);
        String email;
        try {
            email = normalizeEmail(request.email());
        } catch (InvalidEmailException e) {
            throw new InvitationRefusedException(InvitationRefusedException.Reason.INVALID_EMAIL,
                    "Invalid email address: " + e.getMessage(), request.email(), null);
        }
        UserModel existing = session.users().getUserByEmail(realm, email);
        if (existing != null && organization.isMember(existing)) {
            throw new InvitationRefusedException(InvitationRefusedException.Reason.ALREADY_MEMBER,
                    email + " is already a member of " + organization.getName() + ".", email, null);
        }
        OrganizationInvitationModel pending = invitations().getByEmail(organization, email);
        if (pending != null) {
            if (!pending.isExpired()) {
                throw new InvitationRefusedException(InvitationRefusedException.Reason.ALREADY_INVITED,
                        email + " already has a pending invitation to " + organization.getName() + ".", email, pending.getId());
            }
            remove(pending);
        }
        UserModel invitee = existing != null ? existing : transientUser(email, request.firstName(), request.lastName());
        OrganizationInvitationModel invitation = invitations().create(organization, email,
                existing != null ? existing.getFirstName() : request.firstName(),
                existing != null ? existing.getLastName() : request.lastName());
        if (request.role() != null) {
            setRole(invitation.getId(), request.role());
        }
        String link = new InvitationLinks(session, realm).link(organization, invitee, invitation, request.redirectUri());
        invitation.setInviteLink(link);
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(invitee)
                    .sendOrgInviteEmail(organization, link, TimeUnit.SECONDS.toMinutes(realm.getActionTokenGeneratedByAdminLifespan()));
        } catch (EmailException e) {
            LOG.warnf(e, "Could not send the invitation of %s to organization %s", email, organization.getAlias());
            session.getTransactionManager().setRollbackOnly();
            throw new InvitationRefusedException(InvitationRefusedException.Reason.EMAIL_NOT_SENT,
                    "The invitation email to " + email + " could not be sent.", email, null);
        }
        if (adminEvent != null) {
            adminEvent.resource(ResourceType.ORGANIZATION_MEMBERSHIP).operation(OperationType.ACTION)
                    .representation(minimalRepresentation(invitation))
                    .resourcePath(session.getContext().getUri())
                    .success();
        }
        return invitation;
    }

    /**
     * Sends an invitation again as Keycloak's {@code resendInvitation} does: the old invitation (and its link) is
     * removed and a new one with the same address and names is made and mailed. The new one carries the old one's role.
     */
    public OrganizationInvitationModel resend(OrganizationModel organization, OrganizationInvitationModel old,
                                              AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        if (auth != null) {
            auth.orgs().requireManage(organization);
        }
        requireEnabled(organization);
        String role = role(old.getId()).orElse(null);
        InvitationRequest request = new InvitationRequest(old.getEmail(), old.getFirstName(), old.getLastName(), role, null);
        remove(old);
        return invite(organization, request, auth, adminEvent);
    }

    /** Removes the invitation (its role goes with it, by the database's cascade). */
    public boolean cancel(OrganizationModel organization, OrganizationInvitationModel invitation, AdminPermissionEvaluator auth) {
        if (auth != null) {
            auth.orgs().requireManage(organization);
        }
        return invitation != null && organization.getId().equals(invitation.getOrganizationId()) && remove(invitation);
    }

    /** The role the invitation carries, read from {@code PA_INVITATION_ROLE} (never from an attribute anyone can write). */
    public Optional<String> role(String invitationId) {
        if (invitationId == null) {
            return Optional.empty();
        }
        return em().createNamedQuery("paInvitationRole", String.class)
                .setParameter("invitationId", invitationId)
                .getResultStream().findFirst();
    }

    /** Sets the role an existing invitation carries. */
    public void setRole(String invitationId, String role) {
        EntityManager em = em();
        // the invitation row must be written before its role row refers to it
        em.flush();
        em.createNamedQuery("paInvitationRoleDelete").setParameter("invitationId", invitationId).executeUpdate();
        em.persist(new InvitationRoleEntity(invitationId, role));
        em.flush();
    }

    /** Keycloak's {@code OrganizationInvitationResource} representation of an invitation. */
    public static OrganizationInvitationRepresentation representation(OrganizationInvitationModel model) {
        OrganizationInvitationRepresentation rep = new OrganizationInvitationRepresentation();
        rep.setId(model.getId());
        rep.setEmail(model.getEmail());
        rep.setFirstName(model.getFirstName());
        rep.setLastName(model.getLastName());
        rep.setOrganizationId(model.getOrganizationId());
        rep.setSentDate(model.getCreatedAt());
        rep.setExpiresAt(model.getExpiresAt());
        rep.setStatus(model.isExpired() ? OrganizationInvitationRepresentation.Status.EXPIRED
                : OrganizationInvitationRepresentation.Status.PENDING);
        return rep;
    }

    /**
     * {@link #representation} as a JSON object with every property present (null where unset), in Keycloak's order;
     * with {@code withLink} also the invitation link (a credential: only for those who may manage the organization).
     * Callers add what they carry with it (the role).
     */
    public static Map<String, Object> document(OrganizationInvitationModel model, boolean withLink) {
        OrganizationInvitationRepresentation rep = representation(model);
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("id", rep.getId());
        view.put("organizationId", rep.getOrganizationId());
        view.put("email", rep.getEmail());
        view.put("firstName", rep.getFirstName());
        view.put("lastName", rep.getLastName());
        view.put("sentDate", rep.getSentDate());
        view.put("expiresAt", rep.getExpiresAt());
        view.put("status", rep.getStatus().name());
        if (withLink) {
            view.put("inviteLink", model.getInviteLink());
        }
        return view;
    }

    /** The minimal representation Keycloak puts in its invitation admin events. */
    public static OrganizationInvitationRepresentation minimalRepresentation(OrganizationInvitationModel model) {
        OrganizationInvitationRepresentation rep = new OrganizationInvitationRepresentation();
        rep.setId(model.getId());
        rep.setEmail(model.getEmail());
        rep.setOrganizationId(model.getOrganizationId());
        return rep;
    }

    private void requireEnabled(OrganizationModel organization) {
        if (!organization.isEnabled()) {
            throw new InvitationRefusedException(InvitationRefusedException.Reason.ORGANIZATION_DISABLED,
                    "Organization " + organization.getName() + " is disabled.", null, null);
        }
    }

    private boolean remove(OrganizationInvitationModel invitation) {
        boolean removed = invitations().remove(invitation.getId());
        // written now: a new invitation of the same address must not meet the old row's unique key at flush
        em().flush();
        return removed;
    }

    /** Carries the new invitee's address and names into the invitation email, as Keycloak's InMemoryUserAdapter does. */
    private UserModel transientUser(String email, String firstName, String lastName) {
        UserModel user = new AbstractInMemoryUserAdapter(session, realm, null) {
            @Override
            public SubjectCredentialManager credentialManager() {
                return session.users().getUserCredentialManager(this);
            }
        };
        user.setEmail(email);
        if (firstName != null && lastName != null) {
            user.setFirstName(firstName);
            user.setLastName(lastName);
        }
        return user;
    }

    private InvitationManager invitations() {
        return organizations.getInvitationManager();
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
