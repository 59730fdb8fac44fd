package dev.portalaccess.keycloak.registration;

/** Organization attributes that make an organization a company open to self-registration. */
public final class CompanyAttributes {

    /** {@code true}: the company is permitted (COMPANIES mode). */
    public static final String PERMITTED = "portalaccess.selfRegistration.permitted";
    /** Methods its employees may use: {@code portal}, {@code identityProvider}, {@code email} (one per value or comma-separated). */
    public static final String METHODS = "portalaccess.selfRegistration.methods";
    /** Services its employees get: {@code role:<realm role>} or {@code group:<group path>}. */
    public static final String SERVICES = "portalaccess.selfRegistration.services";
    /** {@code true}: email registrants of this company also get the invitation email. */
    public static final String GRANT_PORTAL_ACCESS = "portalaccess.selfRegistration.grantPortalAccess";

    private CompanyAttributes() {
    }
}
