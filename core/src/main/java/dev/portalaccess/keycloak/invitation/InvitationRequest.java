package dev.portalaccess.keycloak.invitation;

/**
 * What to invite: the address as typed (normalised by {@link InvitationService}), the invitee's names for someone
 * who has no account yet, the role the invitation carries (null: none) and the page to land on after accepting
 * (null: the organization's redirect URL, else the account console, as Keycloak does).
 */
public record InvitationRequest(String email, String firstName, String lastName, String role, String redirectUri) {

    public static InvitationRequest of(String email, String firstName, String lastName) {
        return new InvitationRequest(email, firstName, lastName, null, null);
    }

    public InvitationRequest withRole(String newRole) {
        return new InvitationRequest(email, firstName, lastName, newRole, redirectUri);
    }

    public InvitationRequest withRedirectUri(String newRedirectUri) {
        return new InvitationRequest(email, firstName, lastName, role, newRedirectUri);
    }
}
