package dev.portalaccess.keycloak.customer.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

import dev.portalaccess.keycloak.customer.DocumentChecks;
import dev.portalaccess.keycloak.customer.OrganizationAttributes;
import dev.portalaccess.keycloak.customer.PortalAccessSettings;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.settings.CustomerSettingsSectionFactory;

/** Section {@code portalAccess} of a customer's settings: {@code {"enabled":true}}; the list shows it as a flag. */
@AutoService(CustomerSettingsSectionFactory.class)
public final class PortalAccessSection implements CustomerSettingsSectionFactory {

    public static final String ID = "portalAccess";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Object read(KeycloakSession session, OrganizationModel customer) {
        return Map.of("enabled", PortalAccessSettings.isPortalAccessEnabled(customer));
    }

    @Override
    public List<Problem> validate(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        List<Problem> violations = new ArrayList<>();
        if (DocumentChecks.object(section, "", Set.of("enabled"), violations)) {
            DocumentChecks.flag(section.get("enabled"), "enabled", violations);
        }
        return violations;
    }

    @Override
    public void write(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        JsonNode enabled = section.get("enabled");
        if (enabled != null && enabled.isBoolean()) {
            OrganizationAttributes.write(session, customer, PortalAccessSettings.ENABLED.key(),
                    List.of(PortalAccessSettings.ENABLED.write(enabled.asBoolean())));
        }
    }

    @Override
    public Object summary(KeycloakSession session, OrganizationModel customer) {
        return PortalAccessSettings.isPortalAccessEnabled(customer);
    }
}
