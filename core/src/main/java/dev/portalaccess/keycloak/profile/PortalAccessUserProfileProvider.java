package dev.portalaccess.keycloak.profile;

import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.Attributes;
import org.keycloak.userprofile.DeclarativeUserProfileProvider;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileMetadata;

/** Keycloak's declarative user profile, reading the email in its normalised form ({@link NormalizedEmailAttributes}). */
final class PortalAccessUserProfileProvider extends DeclarativeUserProfileProvider {

    private final KeycloakSession session;

    PortalAccessUserProfileProvider(KeycloakSession session, PortalAccessUserProfileProviderFactory factory) {
        super(session, factory);
        this.session = session;
    }

    @Override
    protected Attributes createAttributes(UserProfileContext context, Map<String, ?> attributes, UserModel user,
                                          UserProfileMetadata metadata) {
        if (user != null && user.getServiceAccountClientLink() != null) {
            return super.createAttributes(context, attributes, user, metadata);
        }
        return new NormalizedEmailAttributes(context, attributes, user, metadata, session);
    }
}
