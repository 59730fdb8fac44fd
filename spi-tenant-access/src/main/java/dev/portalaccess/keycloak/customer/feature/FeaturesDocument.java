package dev.portalaccess.keycloak.customer.feature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import dev.portalaccess.keycloak.customer.DocumentChecks;
import dev.portalaccess.keycloak.customer.role.CustomerRoles;
import dev.portalaccess.keycloak.customer.role.CustomerRolesSettings;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.settings.RealmSettingsDocumentFactory;

/**
 * {@code settings/features}: {@code {"rolesEnabled":true,"catalog":[{"name","label","default","requires"}]}}. Switching
 * roles on provisions every customer's role groups at once (as a realm import does); the catalogue is stored in
 * canonical form. A property left out is left unchanged.
 */
@AutoService(RealmSettingsDocumentFactory.class)
public final class FeaturesDocument implements RealmSettingsDocumentFactory {

    public static final String ID = "features";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Object read(KeycloakSession session, RealmModel realm) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rolesEnabled", CustomerRolesSettings.ENABLED.read(realm));
        List<Map<String, Object>> catalog = new ArrayList<>();
        for (FeatureCatalog.Feature feature : CustomerFeatureSettings.catalog(realm).features()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", feature.name());
            f.put("label", feature.label());
            f.put("default", feature.enabledByDefault());
            f.put("requires", feature.requires());
            catalog.add(f);
        }
        out.put("catalog", catalog);
        DocumentChecks.reportInvalid(out, realm, Map.of("rolesEnabled", CustomerRolesSettings.ENABLED,
                "catalog", CustomerFeatureSettings.CATALOG));
        return out;
    }

    @Override
    public List<Problem> validate(KeycloakSession session, RealmModel realm, JsonNode document) {
        List<Problem> violations = new ArrayList<>();
        if (DocumentChecks.object(document, "", Set.of("rolesEnabled", "catalog", DocumentChecks.INVALID), violations)) {
            DocumentChecks.flag(document.get("rolesEnabled"), "rolesEnabled", violations);
            if (document.has("rolesEnabled") && document.get("rolesEnabled").asBoolean(false) && !realm.isOrganizationsEnabled()) {
                violations.add(Problem.of("organizationsDisabled", "rolesEnabled", "portalAccessOrganizationsDisabled",
                        "Customer roles need organizations enabled in the realm."));
            }
            if (document.has("catalog")) {
                violations.addAll(FeatureCatalog.violations(document.get("catalog"), "catalog"));
            }
        }
        return violations;
    }

    @Override
    public void write(KeycloakSession session, RealmModel realm, JsonNode document) {
        if (document.has("catalog")) {
            FeatureCatalog catalog = FeatureCatalog.parse(document.get("catalog").toString());
            realm.setAttribute(CustomerFeatureSettings.CATALOG.key(), CustomerFeatureSettings.CATALOG.write(catalog));
        }
        JsonNode roles = document.get("rolesEnabled");
        if (roles != null && roles.isBoolean()) {
            boolean wasOn = CustomerRolesSettings.ENABLED.read(realm);
            realm.setAttribute(CustomerRolesSettings.ENABLED.key(), CustomerRolesSettings.ENABLED.write(roles.asBoolean()));
            if (!wasOn && roles.asBoolean()) {
                new CustomerRoles(session).provision(realm);
            }
        }
    }
}
