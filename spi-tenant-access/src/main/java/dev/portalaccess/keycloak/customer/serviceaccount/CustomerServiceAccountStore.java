package dev.portalaccess.keycloak.customer.serviceaccount;

import java.util.List;
import java.util.Map;

import dev.portalaccess.keycloak.customer.PortalAccessSettings;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.services.managers.RealmManager;

import jakarta.ws.rs.core.Response;

/**
 * A customer's service accounts for callers that are not realm admins (the customer self-service API, whose
 * own checks decide who may): the same clients, names, mappers, membership and revocation as the admin API
 * ({@link CustomerServiceAccountsResource}), created through Keycloak's model as {@code ClientsResource} does,
 * without its admin-permission check. Admin events are the caller's (they name the acting user).
 */
public final class CustomerServiceAccountStore {

    private final KeycloakSession session;
    private final OrganizationModel customer;
    private final CustomerServiceAccountsResource accounts;

    public CustomerServiceAccountStore(KeycloakSession session, RealmModel realm, OrganizationModel customer) {
        this.session = session;
        this.customer = customer;
        this.accounts = new CustomerServiceAccountsResource(session, realm, null, null);
    }

    public List<Map<String, Object>> list() {
        return session.clients().getClientsStream(session.getContext().getRealm())
                .filter(c -> customer.getId().equals(PortalAccessSettings.serviceAccountCustomer(c)))
                .map(c -> accounts.representation(c, customer, null))
                .toList();
    }

    /** Creates one ({@code {"name","description"}}); the answer carries its secret, shown this once. */
    public Map<String, Object> create(Map<String, Object> body) {
        String name = CustomerServiceAccountsResource.validName(body);
        String description = body.get("description") instanceof String d && !d.isBlank() ? d.trim() : null;
        String clientId = accounts.newClientId(customer, name);
        ClientRepresentation rep = accounts.clientRepresentation(customer, clientId, name, description);
        ClientModel client;
        try {
            client = ClientManager.createClient(session, session.getContext().getRealm(), rep);
        } catch (ModelDuplicateException e) {
            throw ApiError.of(Response.Status.CONFLICT, "name", "exists",
                    "Customer " + customer.getAlias() + " already has a service account named " + name);
        }
        new ClientManager(new RealmManager(session)).enableServiceAccount(client);
        accounts.joinCustomer(customer, client);
        String secret = client.getSecret();
        if (secret == null || secret.isBlank()) {
            secret = KeycloakModelUtils.generateSecret(client);
        }
        return accounts.representation(client, customer, secret);
    }

    /** Revokes one of this customer's (404 for any other client); false when it already was revoked. */
    public boolean revoke(String id) {
        return accounts.revokeClient(accounts.serviceAccount(customer, id));
    }

    /** One of this customer's service accounts, or 404. */
    public Map<String, Object> get(String id) {
        return accounts.representation(accounts.serviceAccount(customer, id), customer, null);
    }
}
