package dev.portalaccess.keycloak.keycloakdb;

import java.util.List;
import java.util.Map;

import com.google.auto.service.AutoService;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

import dev.portalaccess.keycloak.rules.RuleFactory;

/**
 * Checks at start, and on every server-info request, that Keycloak's tables and entity attributes the project's
 * queries rely on exist ({@link KeycloakSchemaCheck}); logs an ERROR naming each missing part, so an upgraded
 * Keycloak that changed them is noticed before the project writes a row.
 */
@AutoService(RuleFactory.class)
public final class KeycloakSchemaCheckFactory implements RuleFactory {

    public static final String PROVIDER_ID = "portal-access-keycloak-schema";

    private static final Logger LOG = Logger.getLogger(KeycloakSchemaCheckFactory.class);

    /** Set once in {@link #register}; read by the server info. */
    private volatile KeycloakSessionFactory sessionFactory;

    @Override
    public String guards() {
        return "Keycloak's tables and entity attributes that the project's queries read and write exist ("
                + KeycloakSchemaCheck.scope() + ")";
    }

    @Override
    public void register(KeycloakSessionFactory factory) {
        this.sessionFactory = factory;
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                List<String> problems = check(factory);
                if (problems.isEmpty()) {
                    LOG.debugf("Keycloak schema check passed: %s", KeycloakSchemaCheck.scope());
                } else {
                    LOG.errorf("Portal Access relies on parts of Keycloak's schema this server does not have: %s."
                            + " Do not use Portal Access with this Keycloak version.", String.join("; ", problems));
                }
            }
        });
    }

    private static List<String> check(KeycloakSessionFactory factory) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, KeycloakSchemaCheck::problems);
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new java.util.LinkedHashMap<>(RuleFactory.super.getOperationalInfo());
        KeycloakSessionFactory factory = sessionFactory;
        if (factory != null) {
            List<String> problems = check(factory);
            info.put("keycloakSchema", problems.isEmpty() ? "ok" : String.join("; ", problems));
        }
        return info;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
