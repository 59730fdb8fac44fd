package dev.portalaccess.keycloak.customer.invite;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.email.EmailTemplateProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Replaces Keycloak's {@code freemarker} email template provider (same templates and behaviour) so that
 * organization invitation emails say who invited. It wins by {@link #order()}: Keycloak picks the
 * highest-order factory of an SPI as its default provider.
 */
@AutoService(EmailTemplateProviderFactory.class)
public class InviterNamingEmailTemplateProviderFactory implements EmailTemplateProviderFactory {

    public static final String PROVIDER_ID = "portal-access-freemarker";

    @Override
    public EmailTemplateProvider create(KeycloakSession session) {
        return new InviterNamingEmailTemplateProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
        // nothing to configure
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // stateless
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
