package dev.portalaccess.keycloak.registration;

import java.util.Optional;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.email.DomainName;
import dev.portalaccess.keycloak.email.InvalidEmailException;
import dev.portalaccess.keycloak.profile.EmailChange;
import dev.portalaccess.keycloak.profile.EmailChangeRule;
import dev.portalaccess.keycloak.profile.EmailChangeRuleFactory;
import dev.portalaccess.keycloak.profile.EmailRefusal;
import dev.portalaccess.keycloak.profile.OrganizationEmailRules;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/**
 * A member who joined their company by self-registration keeps an address of that company: while the
 * membership lasts, an email change to an address outside every accepted domain of the company (its
 * organization domains, subdomains included, as at registration) is refused, on every path that changes an
 * email through the user profile. The rule is "refuse", not "end the membership": nothing is half-revoked,
 * the person sees why, and an administrator who wants the change removes the membership first.
 *
 * <p>Which memberships came from self-registration is recorded on the user when they are granted
 * ({@link ServiceGrants}): the user attribute {@value #USER_ATTRIBUTE} holds the company's organization id.
 * Users cannot change it (the project's user profile makes {@code portalaccess.*} attributes read-only
 * outside admin contexts).
 */
@AutoService(EmailChangeRuleFactory.class)
public final class SelfRegisteredCompanyEmailRuleFactory implements EmailChangeRuleFactory {

    public static final String PROVIDER_ID = "self-registered-company-domains";

    /** User attribute: the organization id of the company the user joined by self-registration. */
    public static final String USER_ATTRIBUTE = "portalaccess.selfRegistration.company";

    /** Message key: {1} the new address, {2} the company's name. */
    public static final String MESSAGE = "selfRegistrationEmailOutsideCompany";

    /** User-event error of the refusal. */
    public static final String ERROR = "email_outside_company";

    private static final EmailChangeRule RULE = SelfRegisteredCompanyEmailRuleFactory::check;

    @Override
    public EmailChangeRule create(KeycloakSession session) {
        return RULE;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    private static Optional<EmailRefusal> check(EmailChange change) {
        return OrganizationEmailRules.firstRefusing(change,
                (orgs, user) -> user.getAttributeStream(USER_ATTRIBUTE).sorted().map(orgs::getById)
                        .filter(org -> org != null && orgs.isMember(org, user)),
                org -> !accepts(org, change.address().domain()), MESSAGE, ERROR);
    }

    /** Whether the address's domain is one of the company's domains or a subdomain of one. */
    private static boolean accepts(OrganizationModel company, String emailDomain) {
        return company.getDomains().map(OrganizationDomainModel::getName).anyMatch(d -> {
            try {
                return DomainName.isSameOrSubdomain(emailDomain, DomainName.normalize(d));
            } catch (InvalidEmailException e) {
                return false; // a domain the engine cannot read accepts nothing
            }
        });
    }

    /** Records that {@code user} joined {@code company} by self-registration. */
    static void recordMembership(UserModel user, OrganizationModel company) {
        user.setSingleAttribute(USER_ATTRIBUTE, company.getId());
    }
}
