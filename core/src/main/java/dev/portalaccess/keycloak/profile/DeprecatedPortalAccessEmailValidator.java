package dev.portalaccess.keycloak.profile;

import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.validate.SimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidatorConfig;
import org.keycloak.validate.ValidatorFactory;

import dev.portalaccess.keycloak.renames.DeprecatedId;

/**
 * The id {@value #OLD_ID} of {@link PortalAccessEmailValidator} before the rename, for one release: a realm whose
 * user-profile configuration names it explicitly keeps validating (the user profile provider adds the renamed id on
 * its own). Delegates, so the validation is the renamed validator's.
 */
@AutoService(ValidatorFactory.class)
public final class DeprecatedPortalAccessEmailValidator implements SimpleValidator {

    public static final String OLD_ID = "portalaccess-email";

    private final PortalAccessEmailValidator renamed = new PortalAccessEmailValidator();

    @Override
    public String getId() {
        return OLD_ID;
    }

    @Override
    public ValidationContext validate(Object input, String inputHint, ValidationContext context, ValidatorConfig config) {
        return renamed.validate(input, inputHint, context, config);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        DeprecatedId.warnAtStart(factory, "validator", OLD_ID, PortalAccessEmailValidator.ID, DeprecatedId.validator(OLD_ID));
    }
}
