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

import dev.portalaccess.keycloak.settings.SharedSetting;

/**
 * The domain-restriction rule of one session (one transaction), checked against the settings the
 * transaction will commit, whatever order its writes come in. It hooks into core's organization decorator
 * through its events ({@link MembershipListener}, registered by {@link DomainRestrictionRuleFactory}):
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

    private static final String JOINED_ATTRIBUTE = MembershipRule.class.getName() + ".joined";

    private final KeycloakSession session;
    private final OrganizationProvider keycloakProvider;

    /** The rule of {@code session}, reading through the realm's organization provider (core's decorator). */
    MembershipRule(KeycloakSession session) {
        this(session, session.getProvider(OrganizationProvider.class));
    }

    /** {@code keycloakProvider}: the provider the organizations are read from afresh. */
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
        if (!verdict.allowed() && !keycloakProvider.isMember(organization, user)) {
            throw Refusals.membership(session, organization, user.getEmail(), verdict);
        }
    }

    /** Refuses an invitation of {@code email} to {@code organization} unless its settings to commit admit it. */
    void checkMayInvite(OrganizationModel organization, String email) {
        MembershipSettings.Verdict verdict = settingsToCommit(organization).check(email);
        if (!verdict.allowed()) {
            throw Refusals.membership(session, organization, email, verdict);
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

    /** The service-account user of a client an admin bound to this customer ({@link SharedSetting#CUSTOMER_OF_CLIENT}). */
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
        // declared by customer access (spi-tenant-access); not deployed: no client is bound to a customer
        String customer = SharedSetting.CUSTOMER_OF_CLIENT.on(session.getKeycloakSessionFactory(), String.class)
                .map(setting -> setting.read(client))
                .orElse(null);
        return customer != null && organization.getId().equals(customer);
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
