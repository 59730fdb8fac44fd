package dev.portalaccess.keycloak.denylist;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.profile.PortalAccessEmailValidator;
import org.keycloak.authentication.actiontoken.inviteorg.InviteOrgActionToken;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.validate.SimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;
import org.keycloak.validate.ValidatorFactory;

/**
 * User-profile validator for the {@code email} attribute: refuses an address on the realm's denylist
 * where a person chooses their own email (registration form, identity-provider review, account
 * console/REST, update-profile and update-email required actions). Admin-made users ({@code USER_API},
 * SCIM) and organization invitations are never checked, and an email that does not change is not
 * checked again. Adding the validator to the realm's user profile turns the check on, removing it
 * turns it off. An address the rule engine cannot parse is never let through: it is refused as not a valid
 * email address (by the project's always-on {@link PortalAccessEmailValidator}, or by this one where that is
 * absent), with the same verdict the admin check endpoint gives ({@link DenylistVerdict}).
 */
@AutoService(ValidatorFactory.class)
public class DenylistEmailValidator implements SimpleValidator, ConfiguredProvider {

    public static final String ID = "portal-access-email-denylist";

    private static final Map<UserProfileContext, EventType> CHECKED = Map.of(
            UserProfileContext.REGISTRATION, EventType.REGISTER_ERROR,
            UserProfileContext.IDP_REVIEW, EventType.IDENTITY_PROVIDER_FIRST_LOGIN_ERROR,
            UserProfileContext.UPDATE_PROFILE, EventType.UPDATE_PROFILE_ERROR,
            UserProfileContext.ACCOUNT, EventType.UPDATE_EMAIL_ERROR,
            UserProfileContext.UPDATE_EMAIL, EventType.UPDATE_EMAIL_ERROR);

    private static final Set<UserProfileContext> STORED_USER_CONTEXTS = Set.of(
            UserProfileContext.UPDATE_PROFILE, UserProfileContext.ACCOUNT, UserProfileContext.UPDATE_EMAIL);

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public ValidationContext validate(Object input, String inputHint, ValidationContext context, ValidatorConfig config) {
        String value = PortalAccessEmailValidator.firstValue(input);
        if (value == null || !(context instanceof UserProfileAttributeValidationContext)) {
            return context;
        }
        AttributeContext attribute = UserProfileAttributeValidationContext.from(context).getAttributeContext();
        EventType eventType = CHECKED.get(attribute.getContext());
        if (eventType == null) {
            return context;
        }
        UserModel user = attribute.getUser();
        KeycloakSession session = context.getSession();
        if (unchanged(attribute.getContext(), user, value) || invited(session, value)) {
            return context;
        }
        RealmModel realm = session.getContext().getRealm();
        DenylistVerdict verdict = DenylistVerdict.of(session, realm, value);
        if (verdict.invalid()) {
            // never let through: the always-on validator of the project's user profile reports it; without it, this one does
            if (!PortalAccessEmailValidator.isPresent(attribute)) {
                context.addError(new ValidationError(ID, inputHint, PortalAccessEmailValidator.MSG_INVALID));
                DenylistRefusal.emit(session, eventType, "user-profile:" + attribute.getContext().name(), user,
                        value, null, Errors.INVALID_EMAIL);
            }
            return context;
        }
        if (verdict.denied()) {
            context.addError(new ValidationError(ID, inputHint, DenylistRefusal.MESSAGE));
            DenylistRefusal.emit(session, eventType, "user-profile:" + attribute.getContext().name(), user,
                    verdict.address().normalized(), verdict.entry(), DenylistRefusal.ERROR);
        }
        return context;
    }

    /**
     * A stored user keeping their email is not choosing one. In the identity-provider review the "user"
     * is the brokered identity, not a stored account, so its email is always checked there.
     */
    private static boolean unchanged(UserProfileContext context, UserModel user, String value) {
        return user != null && STORED_USER_CONTEXTS.contains(context) && value.strip().equalsIgnoreCase(user.getEmail());
    }

    /** Registration through an organization invitation: the invited address is the admin's choice. */
    private static boolean invited(KeycloakSession session, String value) {
        Object token = session.getAttribute(InviteOrgActionToken.class.getName());
        return token instanceof InviteOrgActionToken invitation && invitation.getEmail() != null
                && invitation.getEmail().equalsIgnoreCase(value.strip());
    }

    @Override
    public String getHelpText() {
        return "Refuses email addresses on the realm's self-registration denylist (Portal Access) on self-service "
                + "paths only: registration, identity-provider review, account console, update-profile/update-email. "
                + "Admin-created and invited users are not checked.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
