package dev.portalaccess.keycloak.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Provider;

/**
 * A part of the realm root {@code /realms/{realm}/portal-access/} that a feature module contributes (the console's
 * static app, the customer self-service API, the email intake): the factory's id is the path segment, the returned
 * object a JAX-RS sub-resource. These endpoints authenticate their callers themselves (bearer tokens of the realm's
 * users, or none for static files).
 */
public interface PortalAccessRealmApi extends Provider {

    Object resource(KeycloakSession session);

    @Override
    default void close() {
    }
}
