package dev.portalaccess.keycloak.membership;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

import dev.portalaccess.keycloak.settings.SettingScope;
import dev.portalaccess.keycloak.settings.SettingsCatalog;

/**
 * The domain-restriction rule of one session (one transaction), checked against the settings the
 * transaction will commit, whatever order its writes come in:
 * <ul>
 *   <li>a join reads the organization's attributes afresh from Keycloak's provider, never from the model it
 *       was handed: Keycloak's JPA organization adapter keeps the attribute map it read first, so a realm
 *       import, which sets the attributes and then adds the members through that very model, would
 *       otherwise be checked against the attributes of before the import;</li>
 *   <li>a settings write re-checks the members who joined in this same transaction (an import that adds
 *       members first and writes the restriction after them). Members of earlier transactions are not
 *       re-checked: turning a restriction on does not remove anyone.</li>
 * </ul>
 * The joins of the transaction are kept in a session attribute: no server state.
 */
final class MembershipRule {

    /**
     * Set by spi-tenant-access on the clients of customer service accounts, read through its declaration where it
     * has one ({@link SettingsCatalog}); the name stays here until the organization decorator moves to core.
     */
    static final String CUSTOMER_CLIENT_ATTRIBUTE = "portalaccess.customer";

    private static final String JOINED_ATTRIBUTE = MembershipRule.class.getName() + ".joined";

    private final KeycloakSession session;
    private final OrganizationProvider keycloakProvider;

    /** {@code keycloakProvider}: the provider the decoration delegates to (Keycloak's cache, then JPA). */
    MembershipRule(KeycloakSession session, OrganizationProvider keycloakProvider) {
        this.session = session;
        this.keycloakProvider = keycloakProvider;
    }

    /** The settings this transaction will commit for {@code organization}. */
    MembershipSettings settingsToCommit(OrganizationModel organization) {
        OrganizationModel current = keycloakProvider.getById(organization.getId());
        return MembershipSettings.of((current != null ? current : organization).getAttributes());
    }

    /** Refuses {@code user} joining {@code organization} unless its settings to commit admit them. */
    void checkMayJoin(OrganizationModel organization, UserModel user) {
        if (isServiceAccountOf(organization, user)) {
            return; // an admin bound this client to the customer; service accounts have no email to check
        }
        MembershipSettings.Verdict verdict = settingsToCommit(organization).check(user.getEmail());
        // an existing member is not re-checked: Keycloak answers "already a member" (false) as before
        if (!verdict.allowed() && !keycloakProvider.isMember(SettingsGuardedOrganization.unwrap(organization), user)) {
            throw Refusals.membership(session, organization, user.getEmail(), verdict);
        }
    }

    /** {@code user} became a member of {@code organization} in this transaction. */
    void joined(OrganizationModel organization, UserModel user) {
        joins().computeIfAbsent(organization.getId(), id -> new LinkedHashSet<>()).add(user.getId());
    }

    /**
     * {@code attributes} were just written to {@code organization}: refuses them if a member who joined in
     * this transaction is outside them.
     */
    void checkJoinedInThisTransaction(OrganizationModel organization, Map<String, List<String>> attributes) {
        firstJoinedOutside(organization, attributes).ifPresent(outsider -> {
            throw Refusals.membership(session, organization, outsider.email(), outsider.verdict());
        });
    }

    /** A member who joined {@code organization} in this transaction and whom {@code attributes} do not admit. */
    record Outsider(String email, MembershipSettings.Verdict verdict) {
    }

    Optional<Outsider> firstJoinedOutside(OrganizationModel organization, Map<String, List<String>> attributes) {
        Set<String> joined = joins().get(organization.getId());
        MembershipSettings settings = MembershipSettings.of(attributes);
        if (joined == null || joined.isEmpty() || !settings.restricted()) {
            return Optional.empty();
        }
        RealmModel realm = session.getContext().getRealm();
        for (String userId : List.copyOf(joined)) {
            UserModel user = realm == null ? null : session.users().getUserById(realm, userId);
            if (user == null || isServiceAccountOf(organization, user)) {
                continue;
            }
            MembershipSettings.Verdict verdict = settings.check(user.getEmail());
            if (!verdict.allowed()) {
                return Optional.of(new Outsider(user.getEmail(), verdict));
            }
        }
        return Optional.empty();
    }

    /** The service-account user of a client an admin created for this customer (client attribute {@value #CUSTOMER_CLIENT_ATTRIBUTE}). */
    private boolean isServiceAccountOf(OrganizationModel organization, UserModel user) {
        String clientId = user.getServiceAccountClientLink();
        RealmModel realm = session.getContext().getRealm();
        if (clientId == null || realm == null) {
            return false;
        }
        ClientModel client = session.clients().getClientById(realm, clientId);
        if (client == null) {
            return false;
        }
        Object customer = SettingsCatalog.of(session.getKeycloakSessionFactory())
                .byKey(SettingScope.CLIENT_ATTRIBUTE, CUSTOMER_CLIENT_ATTRIBUTE)
                .map(setting -> (Object) setting.read(client))
                .orElseGet(() -> client.getAttribute(CUSTOMER_CLIENT_ATTRIBUTE));
        return customer != null && organization.getId().equals(customer.toString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Set<String>> joins() {
        Map<String, Set<String>> joins = session.getAttribute(JOINED_ATTRIBUTE, Map.class);
        if (joins == null) {
            joins = new LinkedHashMap<>();
            session.setAttribute(JOINED_ATTRIBUTE, joins);
        }
        return joins;
    }
}
