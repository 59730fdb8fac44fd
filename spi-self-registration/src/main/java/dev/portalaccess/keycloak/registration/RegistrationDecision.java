package dev.portalaccess.keycloak.registration;

import java.util.List;

import org.keycloak.models.OrganizationModel;

/**
 * What the policy says about one registrant on one path: allowed (with the company to join, the services
 * to grant and whether to send the portal invitation) or refused (an event error code and a message key).
 */
public record RegistrationDecision(boolean allowed, OrganizationModel company, List<String> services,
                                   boolean grantPortalAccess, String error, String messageKey) {

    /** Event error codes of refusals (user events, {@code EventBuilder.error}). */
    public static final String ERROR_CLOSED = "self_registration_closed";
    public static final String ERROR_METHOD_DISABLED = "self_registration_method_disabled";
    public static final String ERROR_COMPANY_NOT_PERMITTED = "self_registration_company_not_permitted";
    public static final String ERROR_COMPANY_METHOD_DISABLED = "self_registration_company_method_disabled";
    public static final String ERROR_DIRECTORY_NOT_OFFERED = "self_registration_directory_not_offered";
    public static final String ERROR_INVALID_EMAIL = "self_registration_invalid_email";

    /** Message keys of refusals (theme-resources/messages). */
    public static final String MSG_CLOSED = "selfRegistrationClosed";
    public static final String MSG_METHOD_DISABLED = "selfRegistrationMethodDisabled";
    public static final String MSG_COMPANY_NOT_PERMITTED = "selfRegistrationCompanyNotPermitted";
    public static final String MSG_COMPANY_METHOD_DISABLED = "selfRegistrationCompanyMethodDisabled";
    public static final String MSG_DIRECTORY_NOT_OFFERED = "selfRegistrationDirectoryNotOffered";
    public static final String MSG_INVALID_EMAIL = "selfRegistrationInvalidEmail";

    static RegistrationDecision allow(OrganizationModel company, List<String> services, boolean grantPortalAccess) {
        return new RegistrationDecision(true, company, List.copyOf(services), grantPortalAccess, null, null);
    }

    static RegistrationDecision refuse(String error, String messageKey) {
        return new RegistrationDecision(false, null, List.of(), false, error, messageKey);
    }
}
