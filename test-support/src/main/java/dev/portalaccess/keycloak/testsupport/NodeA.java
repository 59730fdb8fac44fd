package dev.portalaccess.keycloak.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Qualifies a {@link Rest} or {@link KeycloakServer} parameter of a {@link KeycloakClusterTest}: node A. */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface NodeA {
}
