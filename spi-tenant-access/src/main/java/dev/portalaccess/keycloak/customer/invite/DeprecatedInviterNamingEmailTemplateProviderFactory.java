package dev.portalaccess.keycloak.customer.invite;

import com.google.auto.service.AutoService;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.email.EmailTemplateProviderFactory;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The id {@value #OLD_ID} of the email template provider before the rename, for one release: a server started
 * with {@code --spi-email-template--provider=portalaccess-freemarker} keeps it. Its order is below the renamed
 * factory's, so the default stays the renamed one.
 */
@AutoService(EmailTemplateProviderFactory.class)
public final class DeprecatedInviterNamingEmailTemplateProviderFactory extends InviterNamingEmailTemplateProviderFactory {

    public static final String OLD_ID = "portalaccess-freemarker";
    private static final Logger LOG = Logger.getLogger(DeprecatedInviterNamingEmailTemplateProviderFactory.class);

    @Override
    public String getId() {
        return OLD_ID;
    }

    @Override
    public int order() {
        return super.order() - 1;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        super.postInit(factory);
        if (OLD_ID.equals(Config.getProvider("emailTemplate"))) {
            LOG.warnf("The server selects the deprecated email template provider id '%s': switch to '%s' "
                    + "(--spi-email-template--provider=%s, docs/renames.md); the old id goes in the next release",
                    OLD_ID, PROVIDER_ID, PROVIDER_ID);
        }
    }
}
