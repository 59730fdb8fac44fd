package dev.portalaccess.keycloak.customer.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

import dev.portalaccess.keycloak.customer.OrganizationAttributes;
import dev.portalaccess.keycloak.customer.PortalAccessSettings;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.settings.CustomerSettingsSectionFactory;
import dev.portalaccess.keycloak.settings.InvalidSettingValue;
import dev.portalaccess.keycloak.settings.SettingTypes;

/**
 * Section {@code portalUrl}: the customer's portal, Keycloak's own organization redirect URL (invitation links lead
 * there), an absolute http(s) URL or null.
 */
@AutoService(CustomerSettingsSectionFactory.class)
public final class PortalUrlSection implements CustomerSettingsSectionFactory {

    public static final String ID = "portalUrl";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Object read(KeycloakSession session, OrganizationModel customer) {
        String url = customer.getRedirectUrl();
        return url == null || url.isBlank() ? null : url;
    }

    @Override
    public List<Problem> validate(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        List<Problem> violations = new ArrayList<>();
        if (section == null || section.isNull()) {
            return violations;
        }
        if (!section.isTextual()) {
            violations.add(Problem.of(SettingTypes.INVALID_VALUE, "", SettingTypes.INVALID_VALUE_KEY,
                    "Expected a URL or null, not " + section + ".", section.toString()));
            return violations;
        }
        try {
            PortalAccessSettings.PORTAL_URL_TYPE.parse(section.asText());
        } catch (InvalidSettingValue e) {
            violations.add(Problem.of(e.error(), "", e.messageKey(), e.reason(), section.asText(), "redirectUrl"));
        }
        return violations;
    }

    @Override
    public void write(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        OrganizationModel organization = OrganizationAttributes.fresh(session, customer);
        if (section == null || section.isNull()) {
            organization.setRedirectUrl(null);
            return;
        }
        try {
            var type = PortalAccessSettings.PORTAL_URL_TYPE;
            organization.setRedirectUrl(type.write(type.parse(section.asText())));
        } catch (InvalidSettingValue e) {
            throw new IllegalStateException("validated before: " + e.reason(), e);
        }
    }
}
