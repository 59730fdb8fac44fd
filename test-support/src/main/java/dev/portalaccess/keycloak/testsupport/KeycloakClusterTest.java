package dev.portalaccess.keycloak.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against the shared two-node {@link KeycloakCluster}. Test methods and
 * constructors can take {@link KeycloakCluster}, and {@link Rest} (the master admin) or {@link KeycloakServer}
 * qualified with {@link NodeA} or {@link NodeB}. When a test fails, the tails of both node logs are attached.
 * Name such classes {@code *ClusterIT}: Maven runs them in their own JVM after the single-node suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KeycloakClusterExtension.class)
public @interface KeycloakClusterTest {
}
