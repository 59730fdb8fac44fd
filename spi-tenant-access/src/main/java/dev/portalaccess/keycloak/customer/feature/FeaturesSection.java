package dev.portalaccess.keycloak.customer.feature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.settings.CustomerSettingsSectionFactory;
import dev.portalaccess.keycloak.settings.SettingTypes;

/**
 * Section {@code features}: the customer's enabled features, resolved with what they require (a PUT of
 * {@code ["alerts"]} stores and answers {@code ["deployments","alerts"]}); the list shows {@code {enabled,total}}.
 */
@AutoService(CustomerSettingsSectionFactory.class)
public final class FeaturesSection implements CustomerSettingsSectionFactory {

    public static final String ID = "features";
    static final String UNKNOWN_FEATURE = "unknownFeature";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Object read(KeycloakSession session, OrganizationModel customer) {
        FeatureCatalog catalog = CustomerFeatureSettings.catalog(session.getContext().getRealm());
        return List.copyOf(new CustomerFeatures(session).enabled(customer, catalog));
    }

    @Override
    public List<Problem> validate(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        List<Problem> violations = new ArrayList<>();
        if (section == null || !section.isArray()) {
            violations.add(Problem.of(SettingTypes.INVALID_VALUE, "", SettingTypes.INVALID_VALUE_KEY,
                    "Expected an array of feature names.", String.valueOf(section)));
            return violations;
        }
        FeatureCatalog catalog = CustomerFeatureSettings.catalog(session.getContext().getRealm());
        for (int i = 0; i < section.size(); i++) {
            JsonNode name = section.get(i);
            if (!name.isTextual() || !catalog.contains(name.asText())) {
                violations.add(Problem.of(UNKNOWN_FEATURE, "[" + i + "]", "portalAccessFeatureUnknown",
                        "Unknown feature " + name + " (known: " + String.join(", ", names(catalog)) + ").", name.asText()));
            }
        }
        return violations;
    }

    @Override
    public void write(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        FeatureCatalog catalog = CustomerFeatureSettings.catalog(session.getContext().getRealm());
        List<String> wanted = new ArrayList<>();
        section.forEach(name -> wanted.add(name.asText()));
        new CustomerFeatures(session).store(customer, catalog.change(wanted));
    }

    @Override
    public Object summary(KeycloakSession session, OrganizationModel customer) {
        FeatureCatalog catalog = CustomerFeatureSettings.catalog(session.getContext().getRealm());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", new CustomerFeatures(session).enabled(customer, catalog).size());
        out.put("total", catalog.features().size());
        return out;
    }

    private static List<String> names(FeatureCatalog catalog) {
        return catalog.features().stream().map(FeatureCatalog.Feature::name).toList();
    }

}
