package dev.portalaccess.keycloak.customer.selfservice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

import dev.portalaccess.keycloak.customer.DocumentChecks;
import dev.portalaccess.keycloak.customer.OrganizationAttributes;
import dev.portalaccess.keycloak.customer.role.CustomerRolesSettings;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.settings.CustomerSettingsSectionFactory;

/** Section {@code selfService} of a customer's settings: {@code {"serviceAccounts":false,"saml":false}} (realms with customer roles). */
@AutoService(CustomerSettingsSectionFactory.class)
public final class SelfServiceSection implements CustomerSettingsSectionFactory {

    public static final String ID = "selfService";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public boolean appliesTo(RealmModel realm) {
        return CustomerRolesSettings.enabled(realm);
    }

    @Override
    public Object read(KeycloakSession session, OrganizationModel customer) {
        return Map.of("serviceAccounts", SelfServiceSettings.serviceAccountsAllowed(customer),
                "saml", SelfServiceSettings.samlAllowed(customer));
    }

    @Override
    public List<Problem> validate(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        List<Problem> violations = new ArrayList<>();
        if (DocumentChecks.object(section, "", Set.of("serviceAccounts", "saml"), violations)) {
            DocumentChecks.flag(section.get("serviceAccounts"), "serviceAccounts", violations);
            DocumentChecks.flag(section.get("saml"), "saml", violations);
        }
        return violations;
    }

    @Override
    public void write(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        JsonNode allowed = section.get("serviceAccounts");
        if (allowed != null && allowed.isBoolean()) {
            OrganizationAttributes.write(session, customer, SelfServiceSettings.SERVICE_ACCOUNTS.key(),
                    List.of(SelfServiceSettings.SERVICE_ACCOUNTS.write(allowed.asBoolean())));
        }
        JsonNode saml = section.get("saml");
        if (saml != null && saml.isBoolean()) {
            OrganizationAttributes.write(session, customer, SelfServiceSettings.SAML.key(),
                    List.of(SelfServiceSettings.SAML.write(saml.asBoolean())));
        }
    }
}
