package dev.portalaccess.keycloak.customer.serviceaccount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.customer.PortalAccessSettings;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Puts the customer of a customer service-account client (client attribute {@code portalaccess.customer})
 * into its tokens in Keycloak's own organization claim format: {@code organization: {"<alias>": {"id": "..."}}}.
 * Resolved at token time, so a renamed or deleted customer is never stale in a token.
 */
@AutoService(ProtocolMapper.class)
public class CustomerOrganizationMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "portal-access-customer-organization-mapper";

    private static final List<ProviderConfigProperty> CONFIG = config();

    private static List<ProviderConfigProperty> config() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, CustomerOrganizationMapper.class);
        return List.copyOf(properties);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "Customer of service account";
    }

    @Override
    public String getHelpText() {
        return "Adds the 'organization' claim ({alias: {id}}) of the customer named by the client attribute "
                + PortalAccessSettings.SERVICE_ACCOUNT_CUSTOMER.key() + ".";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        ClientModel client = clientSessionCtx.getClientSession().getClient();
        String customerId = PortalAccessSettings.serviceAccountCustomer(client);
        if (customerId == null || customerId.isBlank()) {
            return;
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel customer = organizations == null ? null : organizations.getById(customerId);
        if (customer == null) {
            return;
        }
        token.getOtherClaims().put(OAuth2Constants.ORGANIZATION,
                Map.of(customer.getAlias(), Map.of(OAuth2Constants.ORGANIZATION_ID, customer.getId())));
    }

    /** The mapper as a client's protocol-mapper representation. */
    static org.keycloak.representations.idm.ProtocolMapperRepresentation representation() {
        org.keycloak.representations.idm.ProtocolMapperRepresentation rep = new org.keycloak.representations.idm.ProtocolMapperRepresentation();
        rep.setName("customer organization");
        rep.setProtocol("openid-connect");
        rep.setProtocolMapper(PROVIDER_ID);
        rep.setConfig(Map.of(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "true",
                OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN, "false",
                OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION, "true"));
        return rep;
    }
}
