package dev.portalaccess.keycloak.profile;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.DefaultAttributes;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileMetadata;

/**
 * Keycloak's attributes, with the {@code email} value put into the rule engine's normalised form before any
 * validator sees it: the uniqueness check ({@code DuplicateEmailValidator}) then compares one spelling per
 * address, so {@code josé@acme.com} written precomposed and decomposed, {@code ｊｏｈｎ@acme.com} and
 * {@code john@acme.com}, or {@code a@bücher.de} and {@code a@xn--bcher-kva.de}, are one account. A stored
 * user's unchanged email keeps its stored form.
 */
final class NormalizedEmailAttributes extends DefaultAttributes {

    /** Contexts where the user is the stored user whose email this is. */
    private static final Set<UserProfileContext> STORED_USER_CONTEXTS = Set.of(UserProfileContext.ACCOUNT,
            UserProfileContext.UPDATE_PROFILE, UserProfileContext.UPDATE_EMAIL, UserProfileContext.USER_API,
            UserProfileContext.SCIM);

    NormalizedEmailAttributes(UserProfileContext context, Map<String, ?> attributes, UserModel user,
                              UserProfileMetadata metadata, KeycloakSession session) {
        super(context, attributes, user, metadata, session);
    }

    @Override
    protected List<String> normalizeAttributeValues(String name, Object value) {
        List<String> values = super.normalizeAttributeValues(name, value);
        if (!UserModel.EMAIL.equals(name) || values.isEmpty()) {
            return values;
        }
        // called from the super constructor: only the fields DefaultAttributes sets first are usable
        String stored = user != null && STORED_USER_CONTEXTS.contains(context) ? user.getEmail() : null;
        return values.stream().map(v -> EmailChoice.storedForm(v, stored)).toList();
    }
}
