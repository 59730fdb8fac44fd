package dev.portalaccess.keycloak.partner;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import dev.portalaccess.keycloak.rest.PortalAccessRealmApi;
import dev.portalaccess.keycloak.rest.PortalAccessRealmApiFactory;

/**
 * {@code /realms/{realm}/portal-access/partner}: the team page's partner API ({@link PartnerTeamResource}), signed in
 * with the realm's own users; partner administrators manage tenant access there with no admin-console account.
 */
@AutoService(PortalAccessRealmApiFactory.class)
public final class PartnerTeamApiFactory implements PortalAccessRealmApiFactory {

    public static final String PROVIDER_ID = "partner";

    @Override
    public PortalAccessRealmApi create(KeycloakSession session) {
        return PartnerTeamResource::new;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
