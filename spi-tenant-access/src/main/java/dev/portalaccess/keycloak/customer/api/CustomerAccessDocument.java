package dev.portalaccess.keycloak.customer.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import dev.portalaccess.keycloak.customer.DocumentChecks;
import dev.portalaccess.keycloak.customer.JsonDocuments;
import dev.portalaccess.keycloak.customer.PortalAccessSettings;
import dev.portalaccess.keycloak.customer.invite.CustomerInvitationSettings;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.settings.RealmSettingsDocumentFactory;

/**
 * {@code settings/customer-access}: {@code {"autoInvite":false,"removalSignOut":false,"serviceAccountAudience":null,
 * "portalClients":["portal"]}}. {@code portalClients} is the whole set of portal clients: listed clients are marked
 * as portals, every other client that is one now is unmarked ({@code portalaccess.portal=false}, also the client
 * {@code portal}). A property left out is left unchanged.
 */
@AutoService(RealmSettingsDocumentFactory.class)
public final class CustomerAccessDocument implements RealmSettingsDocumentFactory {

    public static final String ID = "customer-access";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Object read(KeycloakSession session, RealmModel realm) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("autoInvite", CustomerInvitationSettings.autoInvite(realm));
        out.put("removalSignOut", CustomerInvitationSettings.removalSignOut(realm));
        out.put("serviceAccountAudience", CustomerInvitationSettings.SERVICE_ACCOUNT_AUDIENCE.read(realm));
        out.put("portalClients", PortalAccessSettings.portalClients(realm).stream().map(ClientModel::getClientId).toList());
        DocumentChecks.reportInvalid(out, realm, Map.of("autoInvite", CustomerInvitationSettings.AUTO_INVITE,
                "removalSignOut", CustomerInvitationSettings.REMOVAL_SIGN_OUT));
        return JsonDocuments.tree(out);
    }

    @Override
    public List<Problem> validate(KeycloakSession session, RealmModel realm, JsonNode document) {
        List<Problem> violations = new ArrayList<>();
        if (!DocumentChecks.object(document, "", Set.of("autoInvite", "removalSignOut", "serviceAccountAudience", "portalClients", DocumentChecks.INVALID),
                violations)) {
            return violations;
        }
        DocumentChecks.flag(document.get("autoInvite"), "autoInvite", violations);
        DocumentChecks.flag(document.get("removalSignOut"), "removalSignOut", violations);
        JsonNode audience = document.get("serviceAccountAudience");
        DocumentChecks.text(CustomerInvitationSettings.SERVICE_ACCOUNT_AUDIENCE, audience, "serviceAccountAudience", violations);
        if (audience != null && audience.isTextual() && !audience.asText().isBlank()
                && realm.getClientByClientId(audience.asText().trim()) == null) {
            violations.add(unknownClient("serviceAccountAudience", audience.asText(), realm));
        }
        JsonNode clients = document.get("portalClients");
        if (clients != null) {
            if (!clients.isArray()) {
                violations.add(Problem.of("invalidValue", "portalClients", "portalAccessInvalidSetting",
                        "Expected an array of client ids.", clients.toString()));
            } else {
                for (int i = 0; i < clients.size(); i++) {
                    JsonNode id = clients.get(i);
                    if (!id.isTextual() || realm.getClientByClientId(id.asText()) == null) {
                        violations.add(unknownClient("portalClients[" + i + "]", id.asText(), realm));
                    }
                }
            }
        }
        return violations;
    }

    @Override
    public void write(KeycloakSession session, RealmModel realm, JsonNode document) {
        flag(realm, CustomerInvitationSettings.AUTO_INVITE, document.get("autoInvite"));
        flag(realm, CustomerInvitationSettings.REMOVAL_SIGN_OUT, document.get("removalSignOut"));
        if (document.has("serviceAccountAudience")) {
            JsonNode audience = document.get("serviceAccountAudience");
            if (audience.isNull() || audience.asText().isBlank()) {
                realm.removeAttribute(CustomerInvitationSettings.SERVICE_ACCOUNT_AUDIENCE.key());
            } else {
                realm.setAttribute(CustomerInvitationSettings.SERVICE_ACCOUNT_AUDIENCE.key(), audience.asText().trim());
            }
        }
        JsonNode clients = document.get("portalClients");
        if (clients != null && clients.isArray()) {
            Set<String> wanted = new HashSet<>();
            clients.forEach(id -> wanted.add(id.asText()));
            String key = PortalAccessSettings.PORTAL_CLIENT.key();
            realm.getClientsStream().toList().forEach(client -> {
                if (wanted.contains(client.getClientId())) {
                    if (!Boolean.TRUE.equals(PortalAccessSettings.PORTAL_CLIENT.read(client))) {
                        client.setAttribute(key, PortalAccessSettings.PORTAL_CLIENT.write(true));
                    }
                } else if (PortalAccessSettings.isPortalClient(client)) {
                    client.setAttribute(key, PortalAccessSettings.PORTAL_CLIENT.write(false));
                }
            });
        }
    }

    private static void flag(RealmModel realm, dev.portalaccess.keycloak.settings.Setting<Boolean> setting, JsonNode value) {
        if (value != null && value.isBoolean()) {
            realm.setAttribute(setting.key(), setting.write(value.asBoolean()));
        }
    }

    private static Problem unknownClient(String field, String clientId, RealmModel realm) {
        return Problem.of("unknownClient", field, "portalAccessUnknownClient",
                "No client '" + clientId + "' in realm " + realm.getName() + ".", clientId);
    }
}
