package dev.portalaccess.keycloak.console;

import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Gives every realm the console's sign-in client ({@link ConsoleClient}), the way Keycloak gives every realm its
 * {@code security-admin-console}: in the transaction that creates or imports a realm (Keycloak's
 * {@code RealmPostCreateEvent}, fired after the import, so a client of that id in the import wins), and at server
 * start for realms made before this JAR was installed ({@code PostMigrationEvent}: one read-only pass over the
 * realms through Keycloak's caches, then one short transaction per realm that lacks the client). A realm that has
 * the client is never written to, whatever its settings.
 */
final class ConsoleClientProvisioner implements ProviderEventListener {

    private static final Logger LOG = Logger.getLogger(ConsoleClientProvisioner.class);

    private final KeycloakSessionFactory factory;
    private final ConsoleClient signIn;

    ConsoleClientProvisioner(KeycloakSessionFactory factory, ConsoleClient signIn) {
        this.factory = factory;
        this.signIn = signIn;
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmPostCreateEvent created) {
            if (signIn.ensure(created.getKeycloakSession(), created.getCreatedRealm())) {
                LOG.debugf("Created the %s client in new realm %s", signIn.clientId(), created.getCreatedRealm().getName());
            }
        } else if (event instanceof PostMigrationEvent) {
            provisionExistingRealms();
        }
    }

    private void provisionExistingRealms() {
        List<String> missing = KeycloakModelUtils.runJobInTransactionWithResult(factory, session ->
                session.realms().getRealmsStream()
                        .filter(realm -> !signIn.exists(session, realm))
                        .map(RealmModel::getId)
                        .toList());
        for (String realmId : missing) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> createIn(session, realmId));
            } catch (ModelDuplicateException e) {
                // another node of the cluster created it at the same moment
                LOG.debugf("The %s client of realm %s was created concurrently", signIn.clientId(), realmId);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not create the %s client in realm %s; the console of that realm cannot sign in until it exists",
                        signIn.clientId(), realmId);
            }
        }
        if (!missing.isEmpty()) {
            LOG.infof("Created the %s client in %d existing realm(s)", signIn.clientId(), missing.size());
        }
    }

    private void createIn(KeycloakSession session, String realmId) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm);
        signIn.ensure(session, realm);
    }
}
