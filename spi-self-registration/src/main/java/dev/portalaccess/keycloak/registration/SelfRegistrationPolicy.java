package dev.portalaccess.keycloak.registration;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * The realm's self-registration policy, read from the settings of the "Self-registration policy" step
 * ({@link SelfRegistrationFormActionFactory#PROVIDER_ID}) of the realm's registration flow, where an admin
 * edits it in the console. Missing keys take the defaults of {@link SelfRegistrationPolicySettings}.
 */
public record SelfRegistrationPolicy(SelfRegistrationMode mode, Set<RegistrationMethod> methods,
                                     boolean grantPortalAccess, List<String> defaultServices) {

    /** The policy of a realm; a realm without the step gets the defaults (Keycloak's usual behaviour). */
    public static SelfRegistrationPolicy of(RealmModel realm) {
        return find(realm).map(c -> from(c.getConfig())).orElseGet(() -> from(Map.of()));
    }

    /** The config model holding the realm's policy, if an admin has set one. */
    static Optional<AuthenticatorConfigModel> find(RealmModel realm) {
        AuthenticationFlowModel flow = realm.getRegistrationFlow();
        if (flow != null) {
            Optional<AuthenticatorConfigModel> inFlow = steps(realm, flow.getId())
                    .map(AuthenticationExecutionModel::getAuthenticatorConfig)
                    .filter(Objects::nonNull)
                    .map(realm::getAuthenticatorConfigById)
                    .filter(Objects::nonNull)
                    .findFirst();
            if (inFlow.isPresent()) {
                return inFlow;
            }
        }
        return Optional.ofNullable(realm.getAuthenticatorConfigByAlias(SelfRegistrationPolicySettings.POLICY_CONFIG_ALIAS));
    }

    /** The policy steps of a flow (and its sub-flows), with or without settings. */
    static Stream<AuthenticationExecutionModel> steps(RealmModel realm, String flowId) {
        return executions(realm, flowId).filter(e -> SelfRegistrationFormActionFactory.PROVIDER_ID.equals(e.getAuthenticator())
                || DeprecatedSelfRegistrationFormActionFactory.OLD_ID.equals(e.getAuthenticator()));
    }

    private static Stream<AuthenticationExecutionModel> executions(RealmModel realm, String flowId) {
        return realm.getAuthenticationExecutionsStream(flowId)
                .flatMap(e -> e.isAuthenticatorFlow() ? Stream.concat(Stream.of(e), executions(realm, e.getFlowId())) : Stream.of(e));
    }

    static SelfRegistrationPolicy from(Map<String, String> config) {
        Map<String, String> c = config == null ? Map.of() : config;
        Set<RegistrationMethod> methods = EnumSet.noneOf(RegistrationMethod.class);
        if (SelfRegistrationPolicySettings.PORTAL.read(c)) {
            methods.add(RegistrationMethod.PORTAL);
        }
        if (SelfRegistrationPolicySettings.IDENTITY_PROVIDER.read(c)) {
            methods.add(RegistrationMethod.IDENTITY_PROVIDER);
        }
        if (SelfRegistrationPolicySettings.EMAIL.read(c)) {
            methods.add(RegistrationMethod.EMAIL);
        }
        if (SelfRegistrationPolicySettings.DIRECTORY.read(c)) {
            methods.add(RegistrationMethod.DIRECTORY);
        }
        List<String> defaults = defaultServices(c);
        return new SelfRegistrationPolicy(parseMode(c.get(SelfRegistrationPolicySettings.MODE.key())), Set.copyOf(methods),
                SelfRegistrationPolicySettings.GRANT_PORTAL_ACCESS.read(c), defaults);
    }

    static List<String> defaultServices(Map<String, String> config) {
        return SelfRegistrationPolicySettings.DEFAULT_SERVICES
                .readAll(SelfRegistrationPolicySettings.stored(config, SelfRegistrationPolicySettings.DEFAULT_SERVICES))
                .stream().flatMap(List::stream).toList();
    }

    /** Absent: the default (ANYONE); a value that is not a mode: NONE, never wider than intended. */
    static SelfRegistrationMode parseMode(String raw) {
        if (raw == null || raw.isBlank()) {
            return SelfRegistrationPolicySettings.MODE.defaultValue();
        }
        return SelfRegistrationPolicySettings.MODE.check(List.of(raw), SelfRegistrationPolicySettings.MODE.key()).isPresent()
                ? SelfRegistrationMode.NONE : SelfRegistrationPolicySettings.MODE.read(List.of(raw));
    }

    public boolean allows(RegistrationMethod method) {
        return methods.contains(method);
    }
}
