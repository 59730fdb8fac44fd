package dev.portalaccess.keycloak.testsupport;

import java.lang.reflect.Parameter;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/** JUnit 5 side of {@link KeycloakClusterTest}. */
public final class KeycloakClusterExtension implements ParameterResolver, TestExecutionExceptionHandler {

    private static final Logger LOG = Logger.getLogger(KeycloakClusterExtension.class);
    private static final int LOG_LINES = 60;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == KeycloakCluster.class || type == MailSink.class) {
            return true;
        }
        return (type == Rest.class || type == KeycloakServer.class) && nodeOf(parameter.getParameter()) >= 0;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == KeycloakCluster.class) {
            return KeycloakCluster.shared();
        }
        if (type == MailSink.class) {
            return MailSink.shared();
        }
        int node = nodeOf(parameter.getParameter());
        if (node < 0) {
            throw new ParameterResolutionException(type.getSimpleName() + " parameter needs @NodeA or @NodeB");
        }
        KeycloakServer server = KeycloakCluster.shared().node(node);
        return type == KeycloakServer.class ? server : Rest.admin(server);
    }

    private static int nodeOf(Parameter parameter) {
        if (parameter.isAnnotationPresent(NodeA.class)) {
            return 0;
        }
        return parameter.isAnnotationPresent(NodeB.class) ? 1 : -1;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        KeycloakCluster cluster = KeycloakCluster.sharedIfStarted();
        if (cluster == null) {
            throw throwable;
        }
        String tails = cluster.logTails(LOG_LINES);
        LOG.errorf("%s failed; last %d lines of each node's log:%n%s", context.getDisplayName(), LOG_LINES, tails);
        throwable.addSuppressed(new KeycloakServerExtension.KeycloakLog(tails));
        throw throwable;
    }
}
