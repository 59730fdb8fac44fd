package dev.portalaccess.keycloak.organization;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Published (in the writing transaction, after the write) whenever an organization's attributes are set
 * through the realm's {@code OrganizationProvider}: Keycloak's admin REST create and update (the admin
 * console's Attributes tab), realm import, and this project's own APIs. Keycloak fires no event of its own
 * for it; listeners that own a setting (partner access's "Automatically Add Partner Users") apply it here,
 * or refuse the write by throwing, which rolls the transaction back.
 *
 * @param session the session of the writing request
 * @param organization the organization written to
 * @param before its attributes just before the write (never null)
 * @param after the attributes written (never null)
 */
public record OrganizationAttributesWrittenEvent(KeycloakSession session, OrganizationModel organization,
        Map<String, List<String>> before, Map<String, List<String>> after) implements ProviderEvent {

    public OrganizationAttributesWrittenEvent {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(organization, "organization");
        before = before == null ? Map.of() : before;
        after = after == null ? Map.of() : after;
    }
}
