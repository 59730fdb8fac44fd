package dev.portalaccess.keycloak.partner;

import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSessionFactory;

import dev.portalaccess.keycloak.rules.RuleFactory;

/** The partner-access rules ({@link PartnerAccessListener}), registered apart from the partner admin REST resource. */
@AutoService(RuleFactory.class)
public final class PartnerAccessRuleFactory implements RuleFactory {

    public static final String PROVIDER_ID = "portal-access-partner-access";

    @Override
    public String guards() {
        return "Partner access on every membership path: at least one user per tenant, automatic addition of partner"
                + " users, partner users never invited, revoking access never deletes an account";
    }

    @Override
    public void register(KeycloakSessionFactory factory) {
        factory.register(new PartnerAccessListener());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
