package dev.portalaccess.keycloak.customer.role;

import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSessionFactory;

import dev.portalaccess.keycloak.rules.RuleFactory;

/** The customer-role rules ({@link CustomerRoleListener}), registered apart from the self-service REST resource. */
@AutoService(RuleFactory.class)
public final class CustomerRolesRuleFactory implements RuleFactory {

    public static final String PROVIDER_ID = "portal-access-customer-roles";

    @Override
    public String guards() {
        return "Customer roles on every membership path: one role per member, the first member an Administrator,"
                + " the last Administrator never demoted or removed, role groups provisioned";
    }

    @Override
    public void register(KeycloakSessionFactory factory) {
        factory.register(new CustomerRoleListener(factory));
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
