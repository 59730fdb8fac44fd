package dev.portalaccess.keycloak.registration;

import com.google.auto.service.AutoService;
import org.keycloak.authentication.FormActionFactory;
import org.keycloak.models.KeycloakSessionFactory;

import dev.portalaccess.keycloak.renames.DeprecatedId;

/**
 * The id {@value #OLD_ID} of the "Self-registration policy" form action before the rename: same step, for one
 * release; {@link SelfRegistrationPolicy} reads the policy from a step of either id.
 */
@AutoService(FormActionFactory.class)
public final class DeprecatedSelfRegistrationFormActionFactory extends SelfRegistrationFormActionFactory {

    public static final String OLD_ID = "portalaccess-self-registration-form";

    @Override
    public String getId() {
        return OLD_ID;
    }

    @Override
    public String getDisplayType() {
        return DeprecatedId.display(super.getDisplayType());
    }

    @Override
    public String getHelpText() {
        return DeprecatedId.help(PROVIDER_ID, super.getHelpText());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        super.postInit(factory);
        DeprecatedId.warnAtStart(factory, "form action", OLD_ID, PROVIDER_ID, DeprecatedId.inFlows(OLD_ID));
    }
}
