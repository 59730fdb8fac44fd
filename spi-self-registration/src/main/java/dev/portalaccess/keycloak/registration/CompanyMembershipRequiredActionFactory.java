package dev.portalaccess.keycloak.registration;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Required action "Company membership after email verification": the pending marker of a company grant. */
@AutoService(RequiredActionFactory.class)
public class CompanyMembershipRequiredActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = CompanyGrants.PENDING_ACTION;
    static final String DISPLAY_TEXT = "Company membership after email verification";

    private static final CompanyMembershipRequiredAction SINGLETON = new CompanyMembershipRequiredAction();

    @Override
    public String getDisplayText() {
        return DISPLAY_TEXT;
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public void init(Config.Scope config) {
        // per-realm policy only
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
    public String getId() {
        return PROVIDER_ID;
    }
}
