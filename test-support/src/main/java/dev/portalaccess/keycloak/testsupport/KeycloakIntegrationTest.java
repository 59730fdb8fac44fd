package dev.portalaccess.keycloak.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against the shared real Keycloak server. Test methods and constructors
 * can take {@link KeycloakServer}, {@link Rest} (the master admin), {@link MailSink}, {@link Browser}
 * (a new one per test, closed after it) and {@link ConsoleBrowser} (a headless Chromium, likewise) as
 * parameters. When a test fails, the tail of the Keycloak log is attached to the failure and logged.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KeycloakServerExtension.class)
public @interface KeycloakIntegrationTest {
}
