package dev.portalaccess.keycloak.testsupport;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/** JUnit 5 side of {@link KeycloakIntegrationTest}. */
public final class KeycloakServerExtension implements ParameterResolver, TestExecutionExceptionHandler {

    private static final Logger LOG = Logger.getLogger(KeycloakServerExtension.class);
    private static final int LOG_LINES = 80;
    private static final String CONSOLE_BROWSER = "consoleBrowser";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KeycloakServer.class || type == Rest.class || type == MailSink.class || type == Browser.class
                || type == ConsoleBrowser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == KeycloakServer.class) {
            return KeycloakServer.shared();
        }
        if (type == Rest.class) {
            return Rest.admin(KeycloakServer.shared());
        }
        if (type == MailSink.class) {
            return MailSink.shared();
        }
        if (type == Browser.class) {
            Browser browser = new Browser();
            // closed when the test (or the class, for constructor injection) ends
            context.getStore(ExtensionContext.Namespace.create(KeycloakServerExtension.class, parameter.getIndex()))
                    .put("browser", (ExtensionContext.Store.CloseableResource) browser::close);
            return browser;
        }
        if (type == ConsoleBrowser.class) {
            // named after the test; its close() keeps a screenshot of the last page
            String name = context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getTestMethod().map(java.lang.reflect.Method::getName).orElse("class");
            ConsoleBrowser browser = ConsoleBrowser.start(name);
            context.getStore(ExtensionContext.Namespace.create(KeycloakServerExtension.class, parameter.getIndex()))
                    .put(CONSOLE_BROWSER, (ExtensionContext.Store.CloseableResource) browser::close);
            context.getStore(ExtensionContext.Namespace.create(KeycloakServerExtension.class)).put(CONSOLE_BROWSER, browser);
            return browser;
        }
        throw new ParameterResolutionException("Unsupported parameter " + type);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        ConsoleBrowser browser = context.getStore(ExtensionContext.Namespace.create(KeycloakServerExtension.class))
                .get(CONSOLE_BROWSER, ConsoleBrowser.class);
        if (browser != null) {
            browser.screenshot("failure");
        }
        String tail = KeycloakServer.shared().logTail(LOG_LINES);
        LOG.errorf("%s failed; last %d lines of the Keycloak log (%s):%n%s", context.getDisplayName(), LOG_LINES,
                KeycloakServer.shared().logFile(), tail);
        throwable.addSuppressed(new KeycloakLog(tail));
        throw throwable;
    }

    /** Carries the server log tail along with a test failure. */
    static final class KeycloakLog extends RuntimeException {
        KeycloakLog(String tail) {
            super("Keycloak log tail:\n" + tail, null, false, false);
        }
    }
}
