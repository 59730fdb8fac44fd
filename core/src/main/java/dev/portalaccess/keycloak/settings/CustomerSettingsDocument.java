package dev.portalaccess.keycloak.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.provider.ProviderFactory;

import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;

/**
 * A customer's settings document: one property per {@link CustomerSettingsSection} that applies to the realm.
 * A write validates every submitted section first and stores nothing when any is bad (400 listing every
 * violation, fields prefixed with the section's name); sections left out of a document are left unchanged.
 */
public final class CustomerSettingsDocument {

    /** The {@code error} of a property that names no section of this realm. */
    public static final String UNKNOWN_SECTION = "unknownSetting";

    @SuppressWarnings("rawtypes")
    private static final Comparator<ProviderFactory> BY_ORDER_THEN_ID = (a, b) -> a.order() != b.order()
            ? Integer.compare(a.order(), b.order()) : a.getId().compareTo(b.getId());

    private CustomerSettingsDocument() {
    }

    public static Map<String, Object> read(KeycloakSession session, OrganizationModel customer) {
        Map<String, Object> out = new LinkedHashMap<>();
        sections(session).forEach((name, section) -> out.put(name, section.read(session, customer)));
        return out;
    }

    /** The list columns of the sections that have one. */
    public static Map<String, Object> summary(KeycloakSession session, OrganizationModel customer) {
        Map<String, Object> out = new LinkedHashMap<>();
        sections(session).forEach((name, section) -> {
            Object summary = section.summary(session, customer);
            if (summary != null) {
                out.put(name, summary);
            }
        });
        return out;
    }

    /** Validates the whole document, then writes it: all or nothing (throws a 400 with every violation). */
    public static void write(KeycloakSession session, OrganizationModel customer, JsonNode document) {
        Map<String, CustomerSettingsSection> sections = check(session, customer, document);
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            sections.get(property.getKey()).write(session, customer, property.getValue());
        }
    }

    /**
     * The validation of {@link #write} without the write (the check-only endpoint uses it, so a check and a
     * write can never disagree): throws a 400 with every violation, else answers the sections of this realm.
     */
    public static Map<String, CustomerSettingsSection> check(KeycloakSession session, OrganizationModel customer, JsonNode document) {
        if (document == null || !document.isObject()) {
            throw Problems.badRequest(Problem.of("invalidDocument", null, "portalAccessInvalidDocument",
                    "Expected a JSON object of customer settings."));
        }
        Map<String, CustomerSettingsSection> sections = sections(session);
        List<Problem> violations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            CustomerSettingsSection section = sections.get(property.getKey());
            if (section == null) {
                violations.add(Problem.of(UNKNOWN_SECTION, property.getKey(), "portalAccessUnknownSetting",
                        "No customer setting '" + property.getKey() + "' in this realm.", property.getKey()));
                continue;
            }
            for (Problem p : section.validate(session, customer, property.getValue())) {
                violations.add(p.withField(prefixed(property.getKey(), p.field())));
            }
        }
        if (!violations.isEmpty()) {
            throw Problems.badRequest(violations);
        }
        return sections;
    }

    static String prefixed(String section, String field) {
        if (field == null || field.isEmpty()) {
            return section;
        }
        return field.startsWith("[") ? section + field : section + "." + field;
    }

    private static Map<String, CustomerSettingsSection> sections(KeycloakSession session) {
        Map<String, CustomerSettingsSection> out = new LinkedHashMap<>();
        session.getKeycloakSessionFactory().getProviderFactoriesStream(CustomerSettingsSection.class)
                .sorted(BY_ORDER_THEN_ID)
                .forEach(f -> {
                    CustomerSettingsSection section = (CustomerSettingsSection) f.create(session);
                    if (section.appliesTo(session.getContext().getRealm())) {
                        out.put(f.getId(), section);
                    }
                });
        return out;
    }

}
