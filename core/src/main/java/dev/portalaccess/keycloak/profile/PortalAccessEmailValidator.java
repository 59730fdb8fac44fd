package dev.portalaccess.keycloak.profile;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.email.EmailAddress;
import dev.portalaccess.keycloak.email.InvalidEmailException;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.AttributeValidatorMetadata;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.validate.SimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;
import org.keycloak.validate.ValidatorFactory;
import org.keycloak.validate.validators.EmailValidator;

/**
 * The project's email validation, on the {@code email} attribute of every user-profile context of every
 * realm (added by {@link PortalAccessUserProfileProviderFactory}, not by realm configuration, so an admin
 * cannot remove it). For an address that is new or changes:
 * <ol>
 *   <li>the rule engine must parse it; otherwise it is refused with {@value #MSG_INVALID} (an address
 *       with an invisible character, several {@code @}, an {@code xn--} label that is not Punycode, ...);</li>
 *   <li>every {@link EmailChangeRule} must allow it (a customer's domain restriction, a self-registered
 *       company member's accepted domains, ...).</li>
 * </ol>
 * A user event is sent for each refusal on self-service paths. An email that does not change is never
 * re-checked, so a member editing their name keeps an address that a later rule would refuse.
 *
 * <p>It is deliberately not a {@code ConfiguredProvider}, so the admin console does not offer it in the
 * user-profile tab's validator list: it is always on and there is nothing to add or configure.
 */
@AutoService(ValidatorFactory.class)
public final class PortalAccessEmailValidator implements SimpleValidator {

    public static final String ID = "portal-access-email";

    /** Message key: the address is not a valid email address. */
    public static final String MSG_INVALID = "portalaccessEmailInvalid";

    /** Contexts where {@link AttributeContext#getUser()} is the stored user whose email changes. */
    private static final Set<UserProfileContext> STORED_USER_CONTEXTS = Set.of(UserProfileContext.ACCOUNT,
            UserProfileContext.UPDATE_PROFILE, UserProfileContext.UPDATE_EMAIL, UserProfileContext.USER_API,
            UserProfileContext.SCIM);

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public ValidationContext validate(Object input, String inputHint, ValidationContext context, ValidatorConfig config) {
        String value = firstValue(input);
        if (value == null || !(context instanceof UserProfileAttributeValidationContext)) {
            return context;
        }
        AttributeContext attribute = UserProfileAttributeValidationContext.from(context).getAttributeContext();
        UserProfileContext profileContext = attribute.getContext();
        KeycloakSession session = context.getSession();
        UserModel user = STORED_USER_CONTEXTS.contains(profileContext) ? attribute.getUser() : null;
        if (user != null && (user.getServiceAccountClientLink() != null || EmailChoice.sameAddress(value, user.getEmail()))) {
            return context;
        }
        EmailAddress address;
        try {
            address = EmailAddress.parse(value);
        } catch (InvalidEmailException e) {
            if (!refusedByKeycloak(attribute)) {
                context.addError(new ValidationError(ID, inputHint, MSG_INVALID));
            }
            EmailChoiceEvents.profileRefusal(session, profileContext, user, value, Errors.INVALID_EMAIL,
                    Map.of(EmailChoiceEvents.DETAIL_INVALID_REASON, e.reason()));
            return context;
        }
        EmailChange change = new EmailChange(session, session.getContext().getRealm(), profileContext, user, address);
        Optional<EmailRefusal> refusal = rules(session).stream().map(rule -> rule.check(change))
                .flatMap(Optional::stream).findFirst();
        refusal.ifPresent(r -> {
            context.addError(new ValidationError(ID, inputHint, r.messageKey(), r.parameters().toArray()));
            EmailChoiceEvents.profileRefusal(session, profileContext, user, address.normalized(), r.eventError(),
                    r.details());
        });
        return context;
    }

    /** Every rule of the SPI, in provider-id order so the first refusal reported never depends on load order. */
    private static List<EmailChangeRule> rules(KeycloakSession session) {
        return session.getKeycloakSessionFactory().getProviderFactoriesStream(EmailChangeRule.class)
                .map(ProviderFactory::getId).sorted(Comparator.naturalOrder())
                .map(id -> session.getProvider(EmailChangeRule.class, id)).toList();
    }

    /**
     * Whether Keycloak's own email validator on this attribute already refuses the value: then its message
     * ("Invalid email address") is on the field and a second one would only repeat it.
     */
    private static boolean refusedByKeycloak(AttributeContext attribute) {
        return attribute.getMetadata().getValidators().stream()
                .filter(v -> EmailValidator.ID.equals(v.getValidatorId()))
                .anyMatch(v -> !v.validate(attribute).isValid());
    }

    /** Whether this validator is on the attribute (it always is, unless the project's user profile is not in use). */
    public static boolean isPresent(AttributeContext attribute) {
        return attribute.getMetadata().getValidators().stream().map(AttributeValidatorMetadata::getValidatorId)
                .anyMatch(ID::equals);
    }

    /** The first non-blank value of a user-profile attribute as validators receive it (a list or one string), or null. */
    public static String firstValue(Object input) {
        if (input instanceof List<?> list) {
            return list.stream().filter(v -> v instanceof String s && !s.isBlank()).map(String.class::cast).findFirst()
                    .orElse(null);
        }
        return input instanceof String s && !s.isBlank() ? s : null;
    }
}
