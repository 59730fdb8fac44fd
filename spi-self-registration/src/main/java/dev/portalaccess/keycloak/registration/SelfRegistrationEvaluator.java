package dev.portalaccess.keycloak.registration;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.portalaccess.keycloak.email.DomainName;
import dev.portalaccess.keycloak.email.EmailAddress;
import dev.portalaccess.keycloak.email.InvalidEmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/** The one place every path asks whether a registrant may register, and with what. */
public final class SelfRegistrationEvaluator {

    private SelfRegistrationEvaluator() {
    }

    public static RegistrationDecision decide(KeycloakSession session, RealmModel realm, String email, RegistrationMethod method) {
        return decide(session, realm, SelfRegistrationPolicy.of(realm), email, method);
    }

    static RegistrationDecision decide(KeycloakSession session, RealmModel realm, SelfRegistrationPolicy policy,
                                       String email, RegistrationMethod method) {
        switch (policy.mode()) {
            case NONE:
                return RegistrationDecision.refuse(RegistrationDecision.ERROR_CLOSED, RegistrationDecision.MSG_CLOSED);
            case ANYONE:
                if (!policy.allows(method)) {
                    return RegistrationDecision.refuse(RegistrationDecision.ERROR_METHOD_DISABLED, RegistrationDecision.MSG_METHOD_DISABLED);
                }
                return RegistrationDecision.allow(null, policy.defaultServices(), policy.grantPortalAccess());
            case COMPANIES:
            default:
                return decideForCompanies(session, realm, email, method);
        }
    }

    private static RegistrationDecision decideForCompanies(KeycloakSession session, RealmModel realm, String email,
                                                           RegistrationMethod method) {
        if (method == RegistrationMethod.DIRECTORY) {
            return RegistrationDecision.refuse(RegistrationDecision.ERROR_DIRECTORY_NOT_OFFERED, RegistrationDecision.MSG_DIRECTORY_NOT_OFFERED);
        }
        String domain;
        try {
            domain = EmailAddress.parse(email).domain();
        } catch (InvalidEmailException e) {
            return RegistrationDecision.refuse(RegistrationDecision.ERROR_INVALID_EMAIL, RegistrationDecision.MSG_INVALID_EMAIL);
        }
        Optional<Company> company = companyFor(session, realm, domain);
        if (company.isEmpty()) {
            return RegistrationDecision.refuse(RegistrationDecision.ERROR_COMPANY_NOT_PERMITTED, RegistrationDecision.MSG_COMPANY_NOT_PERMITTED);
        }
        Company c = company.get();
        if (!c.methods().contains(method)) {
            return RegistrationDecision.refuse(RegistrationDecision.ERROR_COMPANY_METHOD_DISABLED, RegistrationDecision.MSG_COMPANY_METHOD_DISABLED);
        }
        return RegistrationDecision.allow(c.organization(), c.services(), c.grantPortalAccess());
    }

    /**
     * The permitted company whose accepted domain matches: the domain itself or a subdomain of it. The most
     * specific domain wins, then the company alias, so the answer never depends on storage order.
     */
    static Optional<Company> companyFor(KeycloakSession session, RealmModel realm, String emailDomain) {
        OrganizationProvider orgs = session.getProvider(OrganizationProvider.class);
        if (orgs == null || !realm.isOrganizationsEnabled()) {
            return Optional.empty();
        }
        String normalized = DomainName.normalize(emailDomain);
        record Match(Company company, String domain) {
        }
        List<Match> matches = orgs.getAllStream(Company.permittedSearch(), null, null)
                .map(Company::of)
                .filter(Company::permitted)
                .flatMap(c -> c.domains().stream()
                        .filter(d -> DomainName.isSameOrSubdomain(normalized, DomainName.normalize(d)))
                        .map(d -> new Match(c, d)))
                .toList();
        return matches.stream()
                .max(Comparator.comparingInt((Match m) -> m.domain().length())
                        .thenComparing(m -> m.company().organization().getAlias(), Comparator.reverseOrder()))
                .map(Match::company);
    }
}
