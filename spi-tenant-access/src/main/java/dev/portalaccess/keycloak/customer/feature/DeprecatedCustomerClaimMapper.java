package dev.portalaccess.keycloak.customer.feature;

import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.ProtocolMapper;

import dev.portalaccess.keycloak.renames.DeprecatedId;

/** The id {@value #OLD_ID} of {@link CustomerClaimMapper} before the rename: same mapper, for one release. */
@AutoService(ProtocolMapper.class)
public final class DeprecatedCustomerClaimMapper extends CustomerClaimMapper {

    public static final String OLD_ID = "portalaccess-customer-claim-mapper";

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
        DeprecatedId.warnAtStart(factory, "protocol mapper", OLD_ID, PROVIDER_ID, DeprecatedId.protocolMapper(OLD_ID));
    }
}
