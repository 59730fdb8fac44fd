package dev.portalaccess.keycloak.customer.feature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.customer.role.CustomerRole;
import dev.portalaccess.keycloak.customer.role.CustomerRoles;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Puts the user's customers into tokens and userinfo, read from the models at token time (so a change is
 * seen on the next refresh):
 * <pre>
 * "customers": {
 *   "acme": {"id": "…", "name": "Acme", "role": "Administrator", "features": ["deployments", "artifacts"]}
 * }
 * </pre>
 * keyed by customer alias, one entry per enabled customer the user belongs to. {@code role} is present when
 * the realm uses customer roles, {@code features} always (empty when none is enabled).
 */
@AutoService(ProtocolMapper.class)
public class CustomerClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "portal-access-customer-claim-mapper";
    public static final String DEFAULT_CLAIM = "customers";

    private static final List<ProviderConfigProperty> CONFIG = configProperties();

    private static List<ProviderConfigProperty> configProperties() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        ProviderConfigProperty claim = new ProviderConfigProperty();
        claim.setName(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        claim.setLabel("Token Claim Name");
        claim.setType(ProviderConfigProperty.STRING_TYPE);
        claim.setDefaultValue(DEFAULT_CLAIM);
        claim.setHelpText("Top-level claim holding the user's customers, keyed by customer alias (default '" + DEFAULT_CLAIM + "').");
        properties.add(claim);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, CustomerClaimMapper.class);
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
        return "Customer role and features";
    }

    @Override
    public String getHelpText() {
        return "Adds the user's customers with their role (Administrator, User, Viewer) and enabled features, keyed by customer alias.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        RealmModel realm = userSession.getRealm();
        if (!realm.isOrganizationsEnabled()) {
            return;
        }
        String claim = mappingModel.getConfig().getOrDefault(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME, DEFAULT_CLAIM);
        if (claim == null || claim.isBlank()) {
            claim = DEFAULT_CLAIM;
        }
        token.getOtherClaims().put(claim, customers(session, realm, userSession.getUser()));
    }

    static Map<String, Object> customers(KeycloakSession session, RealmModel realm, UserModel user) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        FeatureCatalog catalog = CustomerFeatures.catalog(realm);
        CustomerFeatures features = new CustomerFeatures(session);
        CustomerRoles roles = new CustomerRoles(session);
        boolean withRoles = CustomerRoles.isEnabled(realm);
        Map<String, Object> customers = new LinkedHashMap<>();
        List<OrganizationModel> memberOf = organizations.getByMember(user).filter(OrganizationModel::isEnabled).collect(Collectors.toList());
        for (OrganizationModel organization : memberOf) {
            Map<String, Object> customer = new LinkedHashMap<>();
            customer.put("id", organization.getId());
            customer.put("name", organization.getName());
            if (withRoles) {
                customer.put("role", roles.roleOf(organization, user).map(CustomerRole::groupName).orElse(null));
            }
            customer.put("features", new ArrayList<>(features.enabled(organization, catalog)));
            customers.put(organization.getAlias(), customer);
        }
        return customers;
    }
}
