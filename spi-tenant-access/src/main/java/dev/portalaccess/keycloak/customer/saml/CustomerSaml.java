package dev.portalaccess.keycloak.customer.saml;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import dev.portalaccess.keycloak.customer.role.RoleProblems;
import dev.portalaccess.keycloak.keycloakdb.KeycloakDb;
import dev.portalaccess.keycloak.organization.InvitationActivationStep;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.common.util.Time;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.resources.admin.AuthenticationManagementResource;

/**
 * The one SAML identity provider a customer's Administrators set up themselves (seed 000: "the customer can configure
 * their IdP details from within the Enterprise Portal's team settings"). An ordinary Keycloak identity provider made
 * through Keycloak's model, alias {@code saml-<organization alias>} (never chosen by the customer), linked to the
 * customer's organization with its first domain, hidden on the login page, with a first broker login flow that runs
 * the test step ({@link SamlTestAuthenticatorFactory}) and the project's just-in-time activation of invitations.
 *
 * <p>All its state lives in the provider's own configuration (keys {@code portalaccess.customerSaml.*}), so it goes
 * through Keycloak's identity-provider cache like every other change of it: {@link #STATE} is {@code testing} until an
 * Administrator turns it on after a successful test sign-in, {@code on} afterwards (Keycloak then redirects users
 * whose email matches the customer's domain).
 */
public final class CustomerSaml {

    static final String PREFIX = "portalaccess.customerSaml.";
    /** The organization id: marks the provider as customer-made (and lets the console find it). */
    public static final String ORGANIZATION = PREFIX + "organization";
    public static final String STATE = PREFIX + "state";
    static final String SOURCE = PREFIX + "source";
    static final String TEST_NONCE = PREFIX + "testNonce";
    static final String TEST_EXPIRES = PREFIX + "testExpires";
    static final String TESTED = PREFIX + "tested";
    static final String TESTED_AS = PREFIX + "testedAs";
    static final String TESTED_AT = PREFIX + "testedAt";

    public static final String TESTING = "testing";
    public static final String ON = "on";

    /** The request parameter that carries the test nonce (Keycloak keeps it as a client note of the login). */
    static final String TEST_PARAMETER = "portalaccess_saml_test";
    static final int TEST_LIFESPAN_SECONDS = 600;

    /** The first broker login flow of customer-made providers, created once per realm. */
    public static final String FLOW = "portal-customer-saml-first-broker-login";
    /** The post broker login flow of customer-made providers, created once per realm. */
    public static final String POST_FLOW = "portal-customer-saml-post-broker-login";

    static final String ORG_DOMAIN = "kc.org.domain";
    static final String ORG_REDIRECT = "kc.org.broker.redirect.mode.email-matches";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationModel customer;
    private final Set<String> allowedPrivateHosts;

    public CustomerSaml(KeycloakSession session, OrganizationModel customer, Set<String> allowedPrivateHosts) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.customer = customer;
        this.allowedPrivateHosts = allowedPrivateHosts;
    }

    public static String aliasOf(OrganizationModel customer) {
        String alias = customer.getAlias() == null ? customer.getId() : customer.getAlias();
        return "saml-" + alias.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    /** The customer's provider, or null; a provider of that alias that is not this customer's is not theirs. */
    IdentityProviderModel provider() {
        IdentityProviderModel model = session.identityProviders().getByAlias(aliasOf(customer));
        return model != null && customer.getId().equals(model.getConfig().get(ORGANIZATION)) ? model : null;
    }

    /** {@code {"configured":false}} or the provider as the team page shows it. */
    public Map<String, Object> view() {
        IdentityProviderModel model = provider();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("configured", model != null);
        if (model == null) {
            return view;
        }
        Map<String, String> config = model.getConfig();
        view.put("alias", model.getAlias());
        view.put("state", config.getOrDefault(STATE, TESTING));
        view.put("enabled", model.isEnabled());
        view.put("source", config.get(SOURCE));
        view.put("entityId", config.get("idpEntityId"));
        view.put("ssoUrl", config.get("singleSignOnServiceUrl"));
        view.put("metadataUrl", config.get("metadataDescriptorUrl"));
        view.put("binding", Boolean.parseBoolean(config.get("postBindingAuthnRequest")) ? "POST" : "REDIRECT");
        view.put("domain", config.get(ORG_DOMAIN));
        view.put("tested", Boolean.parseBoolean(config.get(TESTED)));
        view.put("testedAs", config.get(TESTED_AS));
        view.put("testedAt", config.get(TESTED_AT) == null ? null : Long.valueOf(config.get(TESTED_AT)));
        view.put("spEntityId", spEntityId());
        view.put("acsUrl", acsUrl());
        return view;
    }

    /**
     * Creates or replaces the provider from the request's source. Any change of the configuration needs a new test
     * sign-in and turns the provider back to {@code testing}.
     */
    public Map<String, Object> put(Map<String, Object> request) {
        Map<String, String> parsed;
        try {
            parsed = new SamlSource(session, allowedPrivateHosts).configFor(request);
        } catch (SamlSource.Refused refused) {
            throw RoleProblems.problem(session, Response.Status.BAD_REQUEST, refused.field, refused.error, refused.getMessage(), null);
        }
        String alias = aliasOf(customer);
        // after the (slow) metadata fetch, before looking: of two set-ups at once, the second sees the first's provider
        // and replaces its configuration instead of failing on the alias
        KeycloakDb.of(session).lockOrganization(customer.getId());
        IdentityProviderModel existing = session.identityProviders().getByAlias(alias);
        if (existing != null && !customer.getId().equals(existing.getConfig().get(ORGANIZATION))) {
            throw RoleProblems.problem(session, Response.Status.CONFLICT, null, "samlAliasTaken",
                    "Identity provider " + alias + " exists already and is not this customer's: ask the vendor", null);
        }
        boolean created = existing == null;
        IdentityProviderModel model = created ? new IdentityProviderModel() : new IdentityProviderModel(existing);
        Map<String, String> config = new HashMap<>(parsed);
        config.put("entityId", spEntityId());
        config.put("nameIDPolicyFormat", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        config.put("principalType", "SUBJECT");
        config.put("syncMode", IdentityProviderSyncMode.IMPORT.name());
        config.put(ORGANIZATION, customer.getId());
        config.put(STATE, TESTING);
        config.put(SOURCE, SamlSource.text(request, "source"));
        customer.getDomains().map(OrganizationDomainModel::getName).sorted().findFirst()
                .ifPresent(domain -> config.put(ORG_DOMAIN, domain));
        model.setAlias(alias);
        model.setProviderId("saml");
        model.setDisplayName(customer.getName());
        // a provider the vendor disabled stays disabled: only the vendor turns it back on
        model.setEnabled(created || existing.isEnabled());
        model.setHideOnLogin(true);
        // the customer runs this IdP: its email claim decides nothing about existing accounts
        model.setTrustEmail(false);
        model.setStoreToken(false);
        model.setLinkOnly(false);
        model.setFirstBrokerLoginFlowId(flow().getId());
        model.setPostBrokerLoginFlowId(postFlow().getId());
        model.setConfig(config);
        if (created) {
            model = session.identityProviders().create(model);
            addImporter(alias, "email");
            addImporter(alias, "firstName");
            addImporter(alias, "lastName");
            OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
            organizations.addIdentityProvider(customer, session.identityProviders().getByAlias(alias));
        } else {
            model.setOrganizationId(customer.getId());
            session.identityProviders().update(model);
        }
        return view();
    }

    public boolean remove() {
        IdentityProviderModel model = provider();
        if (model == null) {
            return false;
        }
        session.getProvider(OrganizationProvider.class).removeIdentityProvider(customer, model);
        session.identityProviders().remove(model.getAlias());
        return true;
    }

    /** Starts a test sign-in: the authorization URL the team page opens in a new window. */
    public Map<String, Object> startTest(String clientId, String redirectUri) {
        IdentityProviderModel model = enabledByVendor(existing());
        String nonce = SecretGenerator.getInstance().randomString(32);
        IdentityProviderModel updated = new IdentityProviderModel(model);
        Map<String, String> config = new HashMap<>(model.getConfig());
        config.put(TEST_NONCE, hash(nonce));
        config.put(TEST_EXPIRES, String.valueOf(Time.currentTime() + TEST_LIFESPAN_SECONDS));
        updated.setConfig(config);
        session.identityProviders().update(updated);
        String url = UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms").path(realm.getName()).path("protocol/openid-connect/auth")
                .queryParam("client_id", clientId)
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("redirect_uri", redirectUri)
                .queryParam("prompt", "login")
                // the team client requires PKCE; the test ends before any code is issued, so the verifier is dropped
                .queryParam("code_challenge", pkceChallenge(SecretGenerator.getInstance().randomString(64)))
                .queryParam("code_challenge_method", "S256")
                .queryParam("kc_idp_hint", model.getAlias())
                .queryParam(TEST_PARAMETER, nonce)
                .build().toString();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("url", url);
        answer.put("expiresIn", TEST_LIFESPAN_SECONDS);
        return answer;
    }

    /**
     * Turns the provider on (users whose email matches the customer's domain are sent to it) or back to testing.
     * Turning on needs a successful test sign-in of the current configuration: an untested provider would lock the
     * customer's users out of the portal.
     */
    public Map<String, Object> turn(boolean on) {
        IdentityProviderModel model = on ? enabledByVendor(existing()) : existing();
        if (on && !Boolean.parseBoolean(model.getConfig().get(TESTED))) {
            throw RoleProblems.problem(session, Response.Status.CONFLICT, "enabled", "samlNotTested",
                    "Run a successful test sign-in before turning the identity provider on", null);
        }
        IdentityProviderModel updated = new IdentityProviderModel(model);
        Map<String, String> config = new HashMap<>(model.getConfig());
        config.put(STATE, on ? ON : TESTING);
        if (on && config.get(ORG_DOMAIN) != null) {
            config.put(ORG_REDIRECT, "true");
        } else {
            config.remove(ORG_REDIRECT);
        }
        updated.setConfig(config);
        session.identityProviders().update(updated);
        return view();
    }

    private IdentityProviderModel existing() {
        IdentityProviderModel model = provider();
        if (model == null) {
            throw RoleProblems.problem(session, Response.Status.NOT_FOUND, null, "samlNotConfigured",
                    "The customer has no identity provider yet", null);
        }
        return model;
    }

    private IdentityProviderModel enabledByVendor(IdentityProviderModel model) {
        if (!model.isEnabled()) {
            throw RoleProblems.problem(session, Response.Status.CONFLICT, null, "samlDisabledByVendor",
                    "The vendor has disabled this identity provider", null);
        }
        return model;
    }

    private void addImporter(String alias, String attribute) {
        IdentityProviderMapperModel mapper = new IdentityProviderMapperModel();
        mapper.setName(attribute);
        mapper.setIdentityProviderAlias(alias);
        mapper.setIdentityProviderMapper("saml-user-attribute-idp-mapper");
        mapper.setConfig(Map.of("syncMode", "INHERIT", "attribute.name", attribute, "user.attribute", attribute));
        session.identityProviders().createMapper(mapper);
    }

    /**
     * The first broker login flow of customer-made providers: a copy of the realm's first broker login flow, with the
     * test step first and the just-in-time activation of invitations (when the copy has none) where docs/saml-jit.md
     * places it.
     */
    private AuthenticationFlowModel flow() {
        AuthenticationFlowModel flow = realm.getFlowByAlias(FLOW);
        if (flow != null) {
            return flow;
        }
        AuthenticationFlowModel base = realm.getFirstBrokerLoginFlow();
        if (base == null) {
            base = realm.getFlowByAlias("first broker login");
        }
        flow = AuthenticationManagementResource.copyFlow(session, realm, base, FLOW);
        flow.setDescription("Portal Access: first sign-in through a customer-made SAML identity provider");
        realm.updateAuthenticationFlow(flow);
        String flowId = flow.getId();
        addExecution(flowId, SamlTestAuthenticatorFactory.PROVIDER_ID, 0);
        InvitationActivationStep.providerId(session.getKeycloakSessionFactory()).ifPresent(jit -> {
            boolean hasJit = realm.getAuthenticationExecutionsStream(flowId).anyMatch(e -> jit.equals(e.getAuthenticator()));
            if (!hasJit) {
                addExecution(flowId, jit, 50);
            }
        });
        return flow;
    }

    /**
     * The post broker login flow of customer-made providers: only the state check, which runs on every sign-in through
     * the provider (the first broker login flow runs on the first one only), so a provider turned back to testing keeps
     * out the users already linked to it too.
     */
    private AuthenticationFlowModel postFlow() {
        AuthenticationFlowModel flow = realm.getFlowByAlias(POST_FLOW);
        if (flow != null) {
            return flow;
        }
        flow = new AuthenticationFlowModel();
        flow.setAlias(POST_FLOW);
        flow.setDescription("Portal Access: every sign-in through a customer-made SAML identity provider");
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        flow = realm.addAuthenticationFlow(flow);
        addExecution(flow.getId(), SamlStateCheckAuthenticatorFactory.PROVIDER_ID, 0);
        return flow;
    }

    private void addExecution(String flowId, String provider, int priority) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setParentFlow(flowId);
        execution.setAuthenticator(provider);
        execution.setRequirement(AuthenticationExecutionModel.Requirement.REQUIRED);
        execution.setPriority(priority);
        execution.setAuthenticatorFlow(false);
        realm.addAuthenticatorExecution(execution);
    }

    /** Our entity id towards the customer's IdP: the realm's broker endpoint for this provider. */
    private String spEntityId() {
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri()).path("realms").path(realm.getName()).build().toString();
    }

    private String acsUrl() {
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri()).path("realms").path(realm.getName())
                .path("broker").path(aliasOf(customer)).path("endpoint").build().toString();
    }

    private static String pkceChallenge(String verifier) {
        try {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(String nonce) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(nonce.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
