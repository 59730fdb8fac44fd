package dev.portalaccess.keycloak.customer.invite;

import org.keycloak.email.EmailException;
import org.keycloak.email.freemarker.FreeMarkerEmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak's email templates, plus two facts about an organization invitation for its template:
 * {@code inviterName}, the acting user (the admin or customer administrator whose bearer token the request
 * carries) by display name, unless the caller already set it (automatic invitations name the realm); and
 * {@code inviteeHasAccount}, whether the invitation goes to an existing account (its link asks to sign in
 * or confirm) or to someone who registers through it.
 */
final class InviterNamingEmailTemplateProvider extends FreeMarkerEmailTemplateProvider {

    static final String INVITER_NAME = "inviterName";
    static final String INVITEE_HAS_ACCOUNT = "inviteeHasAccount";

    InviterNamingEmailTemplateProvider(KeycloakSession session) {
        super(session);
    }

    @Override
    public void sendOrgInviteEmail(OrganizationModel organization, String link, long expirationInMinutes) throws EmailException {
        if (!attributes.containsKey(INVITER_NAME)) {
            String inviter = displayName(session.getContext().getUser());
            if (inviter != null) {
                attributes.put(INVITER_NAME, inviter);
            }
        }
        // Keycloak's invite paths hand a transient user without an id for someone who has no account yet
        attributes.put(INVITEE_HAS_ACCOUNT, user != null && user.getId() != null && realm != null
                && session.users().getUserById(realm, user.getId()) != null);
        super.sendOrgInviteEmail(organization, link, expirationInMinutes);
    }

    /** "First Last", or the one of them that is set, else the username; null without an acting user. */
    static String displayName(UserModel user) {
        if (user == null) {
            return null;
        }
        String name = (blankToEmpty(user.getFirstName()) + " " + blankToEmpty(user.getLastName())).trim();
        return name.isEmpty() ? user.getUsername() : name;
    }

    private static String blankToEmpty(String value) {
        return value == null || value.isBlank() ? "" : value.trim();
    }
}
