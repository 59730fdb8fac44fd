package dev.portalaccess.keycloak.profile;

import java.util.List;
import java.util.Map;

/**
 * Why an {@link EmailChangeRule} refuses an address.
 *
 * @param messageKey the localized message shown by the email field (theme messages); its parameters are
 *     {@code {1}}, {@code {2}}, ... ({@code {0}} is the attribute name, as for every user-profile message)
 * @param parameters the message parameters, in order
 * @param eventError the {@code error} of the user event sent for the refusal (snake_case)
 * @param details extra user-event details (e.g. {@code org_id})
 */
public record EmailRefusal(String messageKey, List<Object> parameters, String eventError, Map<String, String> details) {

    public EmailRefusal {
        parameters = List.copyOf(parameters);
        details = Map.copyOf(details);
    }
}
