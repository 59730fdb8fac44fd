package dev.portalaccess.keycloak.partner;

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
import dev.portalaccess.keycloak.customer.JsonDocuments;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.settings.RealmSettingsDocumentFactory;

/**
 * {@code settings/partner-access}: {@code {"enabled":false,"staffGroup":"partner-staff","adminGroup":"partner-admins","portalUrl":null}}. Switching
 * partner access on needs the staff group to exist and registers the "Join a tenant" required action, as a realm
 * import with partner access on does. A property left out is left unchanged; {@code null} resets to the default.
 */
@AutoService(RealmSettingsDocumentFactory.class)
public final class PartnerAccessDocument implements RealmSettingsDocumentFactory {

    public static final String ID = "partner-access";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Object read(KeycloakSession session, RealmModel realm) {
        PartnerAccessConfig config = PartnerAccessConfig.of(realm);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", config.enabled());
        out.put("staffGroup", config.staffGroupName());
        out.put("adminGroup", config.adminGroupName());
        out.put("portalUrl", config.portalUrl());
        DocumentChecks.reportInvalid(out, realm, Map.of("enabled", PartnerAccessSettings.ENABLED,
                "portalUrl", PartnerAccessSettings.PORTAL_URL));
        return JsonDocuments.tree(out);
    }

    @Override
    public List<Problem> validate(KeycloakSession session, RealmModel realm, JsonNode document) {
        List<Problem> violations = new ArrayList<>();
        if (!DocumentChecks.object(document, "", Set.of("enabled", "staffGroup", "adminGroup", "portalUrl", DocumentChecks.INVALID), violations)) {
            return violations;
        }
        DocumentChecks.flag(document.get("enabled"), "enabled", violations);
        DocumentChecks.text(PartnerAccessSettings.STAFF_GROUP, document.get("staffGroup"), "staffGroup", violations);
        DocumentChecks.text(PartnerAccessSettings.ADMIN_GROUP, document.get("adminGroup"), "adminGroup", violations);
        DocumentChecks.text(PartnerAccessSettings.PORTAL_URL, document.get("portalUrl"), "portalUrl", violations);
        boolean enabled = document.has("enabled") ? document.get("enabled").asBoolean(false) : PartnerAccessConfig.of(realm).enabled();
        if (enabled && violations.isEmpty()) {
            if (!realm.isOrganizationsEnabled()) {
                violations.add(Problem.of("organizationsDisabled", "enabled", "portalAccessOrganizationsDisabled",
                        "Partner access needs organizations enabled in the realm."));
            }
            JsonNode group = document.get("staffGroup");
            String name = group == null || group.isNull() ? PartnerAccessConfig.of(realm).staffGroupName() : group.asText().trim();
            if (session.groups().getTopLevelGroupsStream(realm, name, true, 0, 1).noneMatch(g -> name.equals(g.getName()))) {
                violations.add(Problem.of("staffGroupMissing", group == null ? "enabled" : "staffGroup",
                        "portalAccessPartnerStaffGroupMissing", "The partner staff group '" + name + "' does not exist in realm "
                                + realm.getName() + ".", name));
            }
        }
        return violations;
    }

    @Override
    public void write(KeycloakSession session, RealmModel realm, JsonNode document) {
        boolean wasOn = PartnerAccessConfig.of(realm).enabled();
        if (document.has("staffGroup")) {
            text(realm, PartnerAccessSettings.STAFF_GROUP.key(), document.get("staffGroup"));
        }
        if (document.has("adminGroup")) {
            text(realm, PartnerAccessSettings.ADMIN_GROUP.key(), document.get("adminGroup"));
        }
        if (document.has("portalUrl")) {
            text(realm, PartnerAccessSettings.PORTAL_URL.key(), document.get("portalUrl"));
        }
        JsonNode enabled = document.get("enabled");
        if (enabled != null && enabled.isBoolean()) {
            realm.setAttribute(PartnerAccessSettings.ENABLED.key(), PartnerAccessSettings.ENABLED.write(enabled.asBoolean()));
            if (!wasOn && enabled.asBoolean()) {
                TenantInvitationAction.ensureRegistered(realm);
            }
        }
    }

    private static void text(RealmModel realm, String key, JsonNode value) {
        if (value == null || value.isNull()) {
            realm.removeAttribute(key);
        } else {
            realm.setAttribute(key, value.asText().trim());
        }
    }
}
