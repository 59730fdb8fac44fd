package dev.portalaccess.keycloak.renames;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * What the deprecated alias factories of renamed provider ids share (docs/renames.md): the old id is a small
 * subclass of the renamed factory (same behaviour), marked deprecated in its help text, and it logs one WARN at
 * start naming the realms that still refer to it, so an admin knows what to switch before the old id goes.
 */
public final class DeprecatedId {

    private static final Logger LOG = Logger.getLogger(DeprecatedId.class);

    private DeprecatedId() {
    }

    /** The help text of an alias: says it is deprecated and what to use instead. */
    public static String help(String newId, String helpText) {
        return "Deprecated id, renamed to '" + newId + "' (same behaviour; this id goes in the next release). "
                + (helpText == null ? "" : helpText);
    }

    /** The display name of an alias: the renamed provider's, marked deprecated. */
    public static String display(String displayName) {
        return displayName + " (deprecated id)";
    }

    /**
     * Once the server has started (Keycloak's {@link PostMigrationEvent}, after migrations and startup imports),
     * logs one WARN listing the realms for which {@code uses} holds; nothing when none does.
     */
    public static void warnAtStart(KeycloakSessionFactory factory, String what, String oldId, String newId,
                                   Predicate<RealmModel> uses) {
        factory.register(event -> {
            if (!(event instanceof PostMigrationEvent)) {
                return;
            }
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                List<String> realms = session.realms().getRealmsStream().filter(uses).map(RealmModel::getName).sorted().toList();
                if (!realms.isEmpty()) {
                    LOG.warnf("Realm(s) %s still use the deprecated %s id '%s': switch to '%s' (docs/renames.md); "
                            + "the old id goes in the next release", String.join(", ", realms), what, oldId, newId);
                }
            });
        });
    }

    /** An execution of one of the realm's flows runs the authenticator or form action {@code id}. */
    public static Predicate<RealmModel> inFlows(String id) {
        return realm -> realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .anyMatch(execution -> id.equals(execution.getAuthenticator()));
    }

    /** The realm has a required action registered with provider {@code id}. */
    public static Predicate<RealmModel> requiredAction(String id) {
        return realm -> realm.getRequiredActionProvidersStream().anyMatch(model -> id.equals(model.getProviderId()));
    }

    /** The realm lists the event listener {@code id}. */
    public static Predicate<RealmModel> eventListener(String id) {
        return realm -> realm.getEventsListenersStream().anyMatch(id::equals);
    }

    /** A client or client scope of the realm has a protocol mapper of type {@code id}. */
    public static Predicate<RealmModel> protocolMapper(String id) {
        return realm -> Stream.concat(realm.getClientsStream().flatMap(ClientModel::getProtocolMappersStream),
                        realm.getClientScopesStream().flatMap(ClientScopeModel::getProtocolMappersStream))
                .map(ProtocolMapperModel::getProtocolMapper).anyMatch(id::equals);
    }

    /** A component of the realm (an LDAP mapper, ...) has provider {@code id}. */
    public static Predicate<RealmModel> component(String id) {
        return realm -> realm.getComponentsStream().anyMatch(component -> id.equals(component.getProviderId()));
    }

    /** The realm's user profile configuration names the validator {@code id} (stored as JSON in a component). */
    public static Predicate<RealmModel> validator(String id) {
        String quoted = "\"" + id + "\"";
        return realm -> realm.getComponentsStream(realm.getId(), "org.keycloak.userprofile.UserProfileProvider")
                .flatMap(component -> component.getConfig().entrySet().stream())
                .map(Map.Entry::getValue)
                .anyMatch(values -> String.join("", values).contains(quoted));
    }
}
