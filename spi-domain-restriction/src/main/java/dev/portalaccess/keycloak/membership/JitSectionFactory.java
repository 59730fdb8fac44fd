package dev.portalaccess.keycloak.membership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.settings.CustomerSettingsSectionFactory;
import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SettingsJson;

/**
 * The {@code jit} section of a customer's settings document, {@code {"withoutInvitation":"refuse|join"}}: what a
 * first sign-in through the customer's identity provider does without a pending invitation
 * ({@link InvitationJitAuthenticator}).
 */
@AutoService(CustomerSettingsSectionFactory.class)
public final class JitSectionFactory implements CustomerSettingsSectionFactory {

    public static final String PROVIDER_ID = "jit";

    static final String WITHOUT_INVITATION = "withoutInvitation";

    @Override
    public Object read(KeycloakSession session, OrganizationModel customer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(WITHOUT_INVITATION, SettingsJson.value(DomainRestrictionSettings.JIT_WITHOUT_INVITATION, customer));
        List<Problem> invalid = SettingsJson.invalid(customer, Map.<String, Setting<?>>of(WITHOUT_INVITATION, DomainRestrictionSettings.JIT_WITHOUT_INVITATION));
        if (!invalid.isEmpty()) {
            out.put(SettingsJson.INVALID, invalid);
        }
        return out;
    }

    @Override
    public List<Problem> validate(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        List<Problem> out = new ArrayList<>(SettingsJson.unknownProperties(section, Set.of(WITHOUT_INVITATION), ""));
        if (section != null && section.isObject()) {
            out.addAll(SettingsJson.check(DomainRestrictionSettings.JIT_WITHOUT_INVITATION, section.get(WITHOUT_INVITATION),
                    WITHOUT_INVITATION));
        }
        return out;
    }

    @Override
    public void write(KeycloakSession session, OrganizationModel customer, JsonNode section) {
        SettingsJson.canonical(DomainRestrictionSettings.JIT_WITHOUT_INVITATION, section, WITHOUT_INVITATION)
                .ifPresent(v -> OrganizationSettingsWrite.apply(session, customer,
                        Map.of(DomainRestrictionSettings.JIT_WITHOUT_INVITATION.key(), v)));
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
