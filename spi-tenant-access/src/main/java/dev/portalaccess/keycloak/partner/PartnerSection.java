package dev.portalaccess.keycloak.partner;

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
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.settings.CustomerSettingsSectionFactory;

/**
 * Section {@code partner} of a customer's settings, only in realms with partner access: {@code {"autoAdd":false}}.
 * Written through the same switch as {@code PUT .../partner/tenants/{id}/auto-add} (on: every partner user gets
 * access at once).
 */
@AutoService(CustomerSettingsSectionFactory.class)
public final class PartnerSection implements CustomerSettingsSectionFactory {

    public static final String ID = "partner";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public boolean appliesTo(RealmModel realm) {
        return PartnerAccessConfig.of(realm).enabled() && realm.isOrganizationsEnabled();
    }

    @Override
    public Object read(KeycloakSession session, OrganizationModel customer) {
        return Map.of("autoAdd", PartnerAccessConfig.autoAdd(customer));
    }

    @Override
    public List<Problem> validate(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        List<Problem> violations = new ArrayList<>();
        if (DocumentChecks.object(section, "", Set.of("autoAdd"), violations)) {
            JsonNode autoAdd = section.get("autoAdd");
            DocumentChecks.flag(autoAdd, "autoAdd", violations);
            if (autoAdd != null && autoAdd.asBoolean(false)
                    && new PartnerAccess(session, session.getContext().getRealm()).staffGroup() == null) {
                violations.add(Problem.of("staffGroupMissing", "autoAdd", "portalAccessPartnerStaffGroupMissing",
                        "The partner staff group '" + PartnerAccessConfig.of(session.getContext().getRealm()).staffGroupName()
                                + "' does not exist."));
            }
        }
        return violations;
    }

    @Override
    public void write(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        JsonNode autoAdd = section.get("autoAdd");
        if (autoAdd != null && autoAdd.isBoolean()) {
            try {
                new PartnerAccess(session, session.getContext().getRealm())
                        .setAutoAdd(OrganizationAttributes.fresh(session, customer), autoAdd.asBoolean());
            } catch (PartnerAccessException e) {
                throw e.refusal();
            }
        }
    }
}
