package dev.portalaccess.keycloak.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.keycloak.events.Details;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The shape every email-change rule of an organization has (the customer's domain restriction, the company a
 * user self-registered with): a stored user in a realm with organizations, the first of their organizations that
 * does not admit the new address refuses it, with a message naming the address ({1}) and the organization ({2}).
 */
public final class OrganizationEmailRules {

    private OrganizationEmailRules() {
    }

    /**
     * @param organizations the organizations to ask, in the order to ask them
     * @param refuses whether an organization refuses the change's address
     * @param messageKey the refusal's message ({1} the new address, {2} the organization's name)
     * @param eventError the user event's error
     */
    public static Optional<EmailRefusal> firstRefusing(EmailChange change,
            BiFunction<OrganizationProvider, UserModel, Stream<OrganizationModel>> organizations,
            Predicate<OrganizationModel> refuses, String messageKey, String eventError) {
        UserModel user = change.user();
        if (user == null || !change.realm().isOrganizationsEnabled()) {
            return Optional.empty();
        }
        OrganizationProvider provider = change.session().getProvider(OrganizationProvider.class);
        if (provider == null) {
            return Optional.empty();
        }
        return organizations.apply(provider, user).filter(refuses).findFirst()
                .map(org -> new EmailRefusal(messageKey, List.of(change.address().normalized(), org.getName()), eventError,
                        Map.of(Details.ORG_ID, org.getId())));
    }
}
