package dev.portalaccess.keycloak.customer.invite;

import org.keycloak.email.EmailException;
import org.keycloak.email.freemarker.FreeMarkerEmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak's email templates, plus who sent an organization invitation: the template attribute
 * {@code inviterName} is the acting user (the admin or customer administrator whose bearer token the
 * request carries), unless the caller already set it (automatic invitations name the realm).
 */
final class InviterNamingEmailTemplateProvider extends FreeMarkerEmailTemplateProvider {

    static final String INVITER_NAME = "inviterName";

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
        super.sendOrgInviteEmail(organization, link, expirationInMinutes);
    }

    /** "First Last" when both are known, else the username; null without an acting user. */
    static String displayName(UserModel user) {
        if (user == null) {
            return null;
        }
        if (user.getFirstName() != null && !user.getFirstName().isBlank()
                && user.getLastName() != null && !user.getLastName().isBlank()) {
            return user.getFirstName() + " " + user.getLastName();
        }
        return user.getUsername();
    }
}
