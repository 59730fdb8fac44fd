package dev.portalaccess.keycloak.denylist;

import org.keycloak.provider.ProviderFactory;

/** Factory of {@link DenylistProvider}; the JPA one is {@link JpaDenylistProviderFactory}. */
public interface DenylistProviderFactory extends ProviderFactory<DenylistProvider> {
}
