package dev.portalaccess.keycloak.registration;

import com.google.auto.service.AutoService;
import org.keycloak.authentication.AuthenticatorFactory;

/** First-broker-login step after the user is created: the new user joins their company and gets its services. */
@AutoService(AuthenticatorFactory.class)
public class IdpSelfRegistrationGrantAuthenticatorFactory extends IdpSelfRegistrationStepFactory {

    public static final String PROVIDER_ID = "portal-access-selfreg-idp-grant";

    public IdpSelfRegistrationGrantAuthenticatorFactory() {
        super(PROVIDER_ID, "Self-registration company and services (identity provider)",
                "After 'Create User If Unique': a user this login created joins their company and gets the services of the self-registration policy.",
                new IdpSelfRegistrationGrantAuthenticator());
    }
}
