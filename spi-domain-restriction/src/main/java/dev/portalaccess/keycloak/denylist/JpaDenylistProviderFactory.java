package dev.portalaccess.keycloak.denylist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.email.EmailRule;
import dev.portalaccess.keycloak.email.InvalidEmailException;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The JPA denylist store. It also keeps the table in step with realms: a removed realm loses its
 * entries, and a created or imported realm carrying the seed attribute ({@link DenylistSettings#SEED}) gets those
 * entries (this is how a realm export ships a sample list).
 */
@AutoService(DenylistProviderFactory.class)
public final class JpaDenylistProviderFactory implements DenylistProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "jpa";

    /** {@code createdBy} of entries loaded from the seed. */
    static final String SEED_CREATOR = "realm-import";

    private static final Logger LOG = Logger.getLogger(JpaDenylistProviderFactory.class);

    @Override
    public DenylistProvider create(KeycloakSession session) {
        return new JpaDenylistProvider(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmRemovedEvent removed) {
                removed.getKeycloakSession().getProvider(DenylistProvider.class).removeRealm(removed.getRealm().getId());
            } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
                seed(created.getKeycloakSession(), created.getCreatedRealm());
            }
        });
    }

    static void seed(KeycloakSession session, RealmModel realm) {
        String seed = DenylistSettings.SEED.read(realm);
        if (seed == null) {
            return;
        }
        List<NewEntry> entries = new ArrayList<>();
        for (String raw : seed.split("[,\\r\\n]+")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                entries.add(new NewEntry(EmailRule.parse(line), null));
            } catch (InvalidEmailException e) {
                LOG.warnf("Realm %s: skipping denylist seed entry '%s' (%s)", realm.getName(), line, e.reason());
            }
        }
        int added = session.getProvider(DenylistProvider.class).addAll(realm, entries, SEED_CREATOR);
        LOG.infof("Realm %s: loaded %d denylist entries from attribute %s", realm.getName(), added, DenylistSettings.SEED.key());
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("table", "PA_DENYLIST_ENTRY", "seedAttribute", DenylistSettings.SEED.key());
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
