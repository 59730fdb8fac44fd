package dev.portalaccess.keycloak.registration;

import com.google.auto.service.AutoService;
import org.keycloak.authentication.AuthenticatorFactory;

/** First-broker-login step before the user is created: refuses sign-ups the realm's self-registration policy does not allow. */
@AutoService(AuthenticatorFactory.class)
public class IdpSelfRegistrationCheckAuthenticatorFactory extends IdpSelfRegistrationStepFactory {

    public static final String PROVIDER_ID = "portal-access-selfreg-idp-check";

    public IdpSelfRegistrationCheckAuthenticatorFactory() {
        super(PROVIDER_ID, "Self-registration policy check (identity provider)",
                "Before the user is created: refuses sign-up through an identity provider that the realm's self-registration policy does not allow. Place it before 'Create User If Unique'.",
                new IdpSelfRegistrationCheckAuthenticator());
    }
}
