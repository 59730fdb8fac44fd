package dev.portalaccess.keycloak.membership;

import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;

import dev.portalaccess.keycloak.settings.SettingsJson;

/** The typed API's write of organization settings: through the realm's organization provider, as Keycloak's admin REST writes. */
final class OrganizationSettingsWrite {

    private OrganizationSettingsWrite() {
    }

    static void apply(KeycloakSession session, OrganizationModel customer, Map<String, List<String>> changes) {
        // the model as the realm's (core's decorating) provider hands it out: validation, canonical values, the rules
        OrganizationModel model = session.getProvider(OrganizationProvider.class).getById(customer.getId());
        model.setAttributes(SettingsJson.merged(model, changes));
    }
}
