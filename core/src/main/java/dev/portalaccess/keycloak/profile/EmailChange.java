package dev.portalaccess.keycloak.profile;

import dev.portalaccess.keycloak.email.EmailAddress;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfileContext;

/**
 * One address being set through a user profile.
 *
 * @param session the request's session
 * @param realm the realm
 * @param context where it happens (registration, account, admin REST, ...)
 * @param user the stored user whose email changes, or null when no stored user exists yet (registration,
 *     identity-provider review, admin creating a user)
 * @param address the new address, parsed and normalised by the rule engine
 */
public record EmailChange(KeycloakSession session, RealmModel realm, UserProfileContext context, UserModel user,
                          EmailAddress address) {
}
