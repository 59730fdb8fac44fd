package dev.portalaccess.keycloak.customer.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

import dev.portalaccess.keycloak.customer.DocumentChecks;
import dev.portalaccess.keycloak.customer.OrganizationAttributes;
import dev.portalaccess.keycloak.customer.PortalAccessSettings;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.settings.CustomerSettingsSectionFactory;

/** Section {@code contactEmail}: the customer's contact address (normalised by the email engine), or null. */
@AutoService(CustomerSettingsSectionFactory.class)
public final class ContactEmailSection implements CustomerSettingsSectionFactory {

    public static final String ID = "contactEmail";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Object read(KeycloakSession session, OrganizationModel customer) {
        return PortalAccessSettings.contactEmail(customer);
    }

    @Override
    public List<Problem> validate(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        List<Problem> violations = new ArrayList<>();
        DocumentChecks.text(PortalAccessSettings.CONTACT_EMAIL, section, "", violations);
        return violations;
    }

    @Override
    public void write(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        String key = PortalAccessSettings.CONTACT_EMAIL.key();
        if (section == null || section.isNull()) {
            OrganizationAttributes.write(session, customer, key, null);
            return;
        }
        try {
            OrganizationAttributes.write(session, customer, key, PortalAccessSettings.CONTACT_EMAIL.canonical(List.of(section.asText()), ID));
        } catch (dev.portalaccess.keycloak.settings.SettingViolation v) {
            throw new IllegalStateException("validated before: " + v.getMessage(), v);
        }
    }
}
