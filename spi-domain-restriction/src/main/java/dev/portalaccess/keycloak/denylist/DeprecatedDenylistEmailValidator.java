package dev.portalaccess.keycloak.denylist;

import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.validate.ValidatorFactory;

import dev.portalaccess.keycloak.renames.DeprecatedId;

/** The id {@value #OLD_ID} of the denylist validator before the rename (user-profile configurations), for one release. */
@AutoService(ValidatorFactory.class)
public final class DeprecatedDenylistEmailValidator extends DenylistEmailValidator {

    public static final String OLD_ID = "portalaccess-email-denylist";

    @Override
    public String getId() {
        return OLD_ID;
    }

    @Override
    public String getHelpText() {
        return DeprecatedId.help(ID, super.getHelpText());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        super.postInit(factory);
        DeprecatedId.warnAtStart(factory, "validator", OLD_ID, ID, DeprecatedId.validator(OLD_ID));
    }
}
