package dev.portalaccess.keycloak.partner;

import java.util.Locale;

import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * "Whoever is in this browser read mail at this address": recorded on the authentication session in which
 * an invitation link (mailed to that address) was opened, for the account the link was made for. An
 * invitation is accepted only in an authentication session that carries this proof and in which that same
 * account has signed in ({@link TenantInvitationAction}); an account's own "verified" flag is not enough
 * (it may have been set without the person who signs in now ever reading that mailbox).
 *
 * <p>Client notes, because Keycloak keeps them when the flow restarts within the session (Keycloak's
 * "Forgot password?" clears the auth notes, not these). Nothing is stored on the user.
 */
final class MailboxProof {

    private static final String USER = "portalaccess.partner.mailboxProof.user";
    private static final String EMAIL = "portalaccess.partner.mailboxProof.email";

    private MailboxProof() {
    }

    static void record(AuthenticationSessionModel authSession, UserModel account, String email) {
        authSession.setClientNote(USER, account.getId());
        authSession.setClientNote(EMAIL, normalise(email));
    }

    /**
     * The proven address if this authentication session holds a proof for {@code user} and it is still the
     * user's address; else null.
     */
    static String provenAddressOf(AuthenticationSessionModel authSession, UserModel user) {
        if (authSession == null || user == null || user.getEmail() == null) {
            return null;
        }
        String email = authSession.getClientNote(EMAIL);
        if (!user.getId().equals(authSession.getClientNote(USER)) || email == null || !email.equals(normalise(user.getEmail()))) {
            return null;
        }
        return email;
    }

    private static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
