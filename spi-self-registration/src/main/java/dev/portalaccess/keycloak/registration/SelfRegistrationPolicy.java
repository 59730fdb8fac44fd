package dev.portalaccess.keycloak.registration;

import static dev.portalaccess.keycloak.registration.SelfRegistrationPolicyConfigProperties.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;

/**
 * The realm's self-registration policy, read from the settings of the "Self-registration policy" step
 * ({@link SelfRegistrationFormActionFactory#PROVIDER_ID}) of the realm's registration flow, where an admin
 * edits it in the console. Missing keys take the defaults of {@link SelfRegistrationPolicyConfigProperties}.
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
            Optional<AuthenticatorConfigModel> inFlow = executions(realm, flow.getId())
                    .filter(e -> SelfRegistrationFormActionFactory.PROVIDER_ID.equals(e.getAuthenticator()))
                    .map(AuthenticationExecutionModel::getAuthenticatorConfig)
                    .filter(Objects::nonNull)
                    .map(realm::getAuthenticatorConfigById)
                    .filter(Objects::nonNull)
                    .findFirst();
            if (inFlow.isPresent()) {
                return inFlow;
            }
        }
        return Optional.ofNullable(realm.getAuthenticatorConfigByAlias(POLICY_CONFIG_ALIAS));
    }

    private static Stream<AuthenticationExecutionModel> executions(RealmModel realm, String flowId) {
        return realm.getAuthenticationExecutionsStream(flowId)
                .flatMap(e -> e.isAuthenticatorFlow() ? Stream.concat(Stream.of(e), executions(realm, e.getFlowId())) : Stream.of(e));
    }

    static SelfRegistrationPolicy from(Map<String, String> config) {
        Map<String, String> c = config == null ? Map.of() : config;
        SelfRegistrationMode mode = parseMode(c.get(MODE));
        Set<RegistrationMethod> methods = EnumSet.noneOf(RegistrationMethod.class);
        if (bool(c, PORTAL, true)) {
            methods.add(RegistrationMethod.PORTAL);
        }
        if (bool(c, IDENTITY_PROVIDER, true)) {
            methods.add(RegistrationMethod.IDENTITY_PROVIDER);
        }
        if (bool(c, EMAIL, false)) {
            methods.add(RegistrationMethod.EMAIL);
        }
        if (bool(c, DIRECTORY, false)) {
            methods.add(RegistrationMethod.DIRECTORY);
        }
        String services = c.getOrDefault(DEFAULT_SERVICES, "");
        List<String> defaults = Arrays.stream(Constants.CFG_DELIMITER_PATTERN.split(services))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new SelfRegistrationPolicy(mode, Set.copyOf(methods), bool(c, GRANT_PORTAL_ACCESS, false), defaults);
    }

    static SelfRegistrationMode parseMode(String raw) {
        if (raw == null || raw.isBlank()) {
            return SelfRegistrationMode.ANYONE;
        }
        try {
            return SelfRegistrationMode.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // an unknown value must never open registration wider than intended
            return SelfRegistrationMode.NONE;
        }
    }

    private static boolean bool(Map<String, String> c, String key, boolean fallback) {
        String v = c.get(key);
        return v == null || v.isBlank() ? fallback : Boolean.parseBoolean(v.trim());
    }

    public boolean allows(RegistrationMethod method) {
        return methods.contains(method);
    }
}
