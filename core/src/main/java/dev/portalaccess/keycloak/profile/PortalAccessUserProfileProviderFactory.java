package dev.portalaccess.keycloak.profile;

import java.util.List;

import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.AttributeValidatorMetadata;
import org.keycloak.userprofile.DeclarativeUserProfileProvider;
import org.keycloak.userprofile.DeclarativeUserProfileProviderFactory;
import org.keycloak.userprofile.DefaultAttributes;
import org.keycloak.userprofile.UserProfileMetadata;
import org.keycloak.userprofile.UserProfileProviderFactory;
import org.keycloak.userprofile.validator.ReadOnlyAttributeUnchangedValidator;
import org.keycloak.validate.ValidatorConfig;

/**
 * Keycloak's declarative user profile with the project's email rules built in, for every realm.
 *
 * <p>It keeps Keycloak's provider id ({@value DeclarativeUserProfileProviderFactory#ID}) and has a higher
 * {@link #order()}, which is how Keycloak lets an extension replace a built-in provider: the realm's stored
 * user-profile configuration (a component of that provider id), the admin console's user-profile tab and
 * every caller of {@code session.getProvider(UserProfileProvider.class)} keep working unchanged. On top of
 * Keycloak's own metadata it adds, in every context (registration, account, update-profile, update-email,
 * identity-provider review, admin REST, SCIM):
 * <ul>
 *   <li>the validator {@value PortalAccessEmailValidator#ID} on {@code email}, which no realm configuration
 *       can remove;</li>
 *   <li>the email in the rule engine's normalised form before the uniqueness check
 *       ({@link NormalizedEmailAttributes});</li>
 *   <li>outside admin contexts, attributes named {@value #SERVER_ATTRIBUTE_PREFIX}{@code *} are read-only:
 *       the server writes them (e.g. which company a self-registered member joined), the user never does,
 *       even when a realm allows unmanaged attributes.</li>
 * </ul>
 */
@AutoService(UserProfileProviderFactory.class)
public final class PortalAccessUserProfileProviderFactory extends DeclarativeUserProfileProviderFactory {

    /** Keycloak's own id, on purpose: see the class comment. */
    public static final String PROVIDER_ID = DeclarativeUserProfileProviderFactory.ID;

    /** Above Keycloak's {@value DeclarativeUserProfileProviderFactory#PROVIDER_PRIORITY}. */
    public static final int ORDER = 100;

    /** Prefix of user attributes that only the server (or an admin) writes. */
    public static final String SERVER_ATTRIBUTE_PREFIX = "portalaccess.";

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public DeclarativeUserProfileProvider create(KeycloakSession session) {
        return new PortalAccessUserProfileProvider(session, this);
    }

    @Override
    protected UserProfileMetadata configureUserProfile(UserProfileMetadata metadata) {
        for (AttributeMetadata email : metadata.getAttribute(UserModel.EMAIL)) {
            email.addValidators(List.of(new AttributeValidatorMetadata(PortalAccessEmailValidator.ID)));
        }
        if (!metadata.getContext().isAdminContext()) {
            ValidatorConfig serverAttributes = ValidatorConfig.builder()
                    .config(ReadOnlyAttributeUnchangedValidator.CFG_PATTERN,
                            getRegexPatternString(new String[] {SERVER_ATTRIBUTE_PREFIX + "*"}))
                    .build();
            for (AttributeMetadata readOnly : metadata.getAttribute(DefaultAttributes.READ_ONLY_ATTRIBUTE_KEY)) {
                readOnly.addValidators(List.of(new AttributeValidatorMetadata(ReadOnlyAttributeUnchangedValidator.ID,
                        serverAttributes)));
            }
        }
        return super.configureUserProfile(metadata);
    }
}
