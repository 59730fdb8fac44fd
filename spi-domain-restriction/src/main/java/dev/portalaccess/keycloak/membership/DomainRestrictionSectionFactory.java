package dev.portalaccess.keycloak.membership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.settings.CustomerSettingsSectionFactory;
import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SettingsJson;

/**
 * The {@code domainRestriction} section of a customer's settings document, {@code {"enabled":false,"entries":[]}};
 * in the customers list, {@code true} when the restriction is on. A write stores the organization attributes
 * through Keycloak's organization model, so it is checked and has the same effects as a raw attribute write
 * (core's organization decorator: canonical values; {@link MembershipListener}: the members who joined in the same
 * transaction re-checked).
 */
@AutoService(CustomerSettingsSectionFactory.class)
public final class DomainRestrictionSectionFactory implements CustomerSettingsSectionFactory {

    public static final String PROVIDER_ID = "domainRestriction";

    static final String ENABLED = "enabled";
    static final String ENTRIES = "entries";

    @Override
    public Object read(KeycloakSession session, OrganizationModel customer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(ENABLED, SettingsJson.value(DomainRestrictionSettings.ENABLED, customer));
        out.put(ENTRIES, SettingsJson.value(DomainRestrictionSettings.ENTRIES, customer));
        List<Problem> invalid = SettingsJson.invalid(customer, Map.<String, Setting<?>>of(ENABLED, DomainRestrictionSettings.ENABLED, ENTRIES, DomainRestrictionSettings.ENTRIES));
        if (!invalid.isEmpty()) {
            out.put(SettingsJson.INVALID, invalid);
        }
        return out;
    }

    @Override
    public List<Problem> validate(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        List<Problem> out = new ArrayList<>(SettingsJson.unknownProperties(section, Set.of(ENABLED, ENTRIES), ""));
        if (section != null && section.isObject()) {
            out.addAll(SettingsJson.check(DomainRestrictionSettings.ENABLED, section.get(ENABLED), ENABLED));
            out.addAll(SettingsJson.check(DomainRestrictionSettings.ENTRIES, section.get(ENTRIES), ENTRIES));
        }
        return out;
    }

    @Override
    public void write(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        Map<String, List<String>> changes = new LinkedHashMap<>();
        SettingsJson.canonical(DomainRestrictionSettings.ENABLED, section, ENABLED)
                .ifPresent(v -> changes.put(DomainRestrictionSettings.ENABLED.key(), v));
        SettingsJson.canonical(DomainRestrictionSettings.ENTRIES, section, ENTRIES)
                .ifPresent(v -> changes.put(DomainRestrictionSettings.ENTRIES.key(), v));
        if (!changes.isEmpty()) {
            OrganizationSettingsWrite.apply(session, customer, changes);
        }
    }

    @Override
    public Object summary(KeycloakSession session, OrganizationModel customer) {
        return SettingsJson.value(DomainRestrictionSettings.ENABLED, customer);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
