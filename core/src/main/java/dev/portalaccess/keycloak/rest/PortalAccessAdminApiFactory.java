package dev.portalaccess.keycloak.rest;

import org.keycloak.provider.ProviderFactory;

/** Registers a {@link PortalAccessAdminApi}; {@link #getId()} is its path segment below the admin root. */
public interface PortalAccessAdminApiFactory extends ProviderFactory<PortalAccessAdminApi> {
}
