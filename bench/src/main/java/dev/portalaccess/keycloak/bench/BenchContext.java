package dev.portalaccess.keycloak.bench;

import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;

/** What a benchmark gets: the real server, an admin client, and the report to write figures to. */
public record BenchContext(KeycloakServer server, Rest admin, BenchReport report) {
}
