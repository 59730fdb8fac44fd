package dev.portalaccess.keycloak.membership;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.profile.EmailChange;
import dev.portalaccess.keycloak.profile.EmailChangeRule;
import dev.portalaccess.keycloak.profile.EmailChangeRuleFactory;
import dev.portalaccess.keycloak.profile.EmailRefusal;
import org.keycloak.events.Details;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

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
        UserModel user = change.user();
        if (user == null || !change.realm().isOrganizationsEnabled()) {
            return Optional.empty();
        }
        OrganizationProvider orgs = change.session().getProvider(OrganizationProvider.class);
        if (orgs == null) {
            return Optional.empty();
        }
        String email = change.address().normalized();
        return orgs.getByMember(user)
                .filter(org -> !MembershipSettings.of(org.getAttributes()).check(email).allowed())
                .sorted(java.util.Comparator.comparing(OrganizationModel::getAlias))
                .findFirst()
                .map(org -> new EmailRefusal(MESSAGE, List.of(email, org.getName()),
                        MembershipSettings.Verdict.DOMAIN_NOT_ALLOWED.eventError(),
                        Map.of(Details.ORG_ID, org.getId())));
    }
}
