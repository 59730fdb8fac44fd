package dev.portalaccess.keycloak.membership;

import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSessionFactory;

import dev.portalaccess.keycloak.rules.RuleFactory;

/** The domain restriction on every membership path ({@link MembershipListener}), registered apart from any REST resource. */
@AutoService(RuleFactory.class)
public final class DomainRestrictionRuleFactory implements RuleFactory {

    public static final String PROVIDER_ID = "portal-access-domain-restriction";

    @Override
    public String guards() {
        return "Domain restriction on every membership path: joins and invitations outside a customer's allowed domains"
                + " refused, members who joined in the same transaction re-checked when the settings are written";
    }

    @Override
    public void register(KeycloakSessionFactory factory) {
        factory.register(new MembershipListener());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
