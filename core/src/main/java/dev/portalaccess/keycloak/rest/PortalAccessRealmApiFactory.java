package dev.portalaccess.keycloak.rest;

import org.keycloak.provider.ProviderFactory;

/** Registers a {@link PortalAccessRealmApi}; {@link #getId()} is its path segment below the realm root. */
public interface PortalAccessRealmApiFactory extends ProviderFactory<PortalAccessRealmApi> {
}
