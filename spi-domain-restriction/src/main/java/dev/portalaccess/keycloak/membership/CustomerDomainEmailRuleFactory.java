package dev.portalaccess.keycloak.membership;

import java.util.Optional;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.profile.EmailChange;
import dev.portalaccess.keycloak.profile.EmailChangeRule;
import dev.portalaccess.keycloak.profile.EmailChangeRuleFactory;
import dev.portalaccess.keycloak.profile.EmailRefusal;
import dev.portalaccess.keycloak.profile.OrganizationEmailRules;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

/**
 * While a user is a member of a customer whose domain restriction is on, their email may only change to an
 * address the customer's allowed entries admit, on every path that changes an email through the user
 * profile (account console and REST, update-email and update-profile actions, admin REST). Joining checks
 * the same settings ({@link MembershipRule}); this rule keeps them true afterwards.
 */
@AutoService(EmailChangeRuleFactory.class)
public final class CustomerDomainEmailRuleFactory implements EmailChangeRuleFactory {

    public static final String PROVIDER_ID = "customer-domain-restriction";

    /** Message key: {1} the new address, {2} the customer's name. */
    public static final String MESSAGE = "portalaccessEmailOutsideCustomer";

    private static final EmailChangeRule RULE = CustomerDomainEmailRuleFactory::check;

    @Override
    public EmailChangeRule create(KeycloakSession session) {
        return RULE;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    private static Optional<EmailRefusal> check(EmailChange change) {
        String email = change.address().normalized();
        return OrganizationEmailRules.firstRefusing(change,
                (orgs, user) -> orgs.getByMember(user).sorted(java.util.Comparator.comparing(OrganizationModel::getAlias)),
                org -> !MembershipSettings.of(org.getAttributes()).check(email).allowed(),
                MESSAGE, MembershipSettings.Verdict.DOMAIN_NOT_ALLOWED.eventError());
    }
}
