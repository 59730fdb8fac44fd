package dev.portalaccess.keycloak.profile;

import java.util.Optional;

import org.keycloak.provider.Provider;

/**
 * A rule every new or changed email must pass, wherever a user profile sets one (registration, account
 * console and REST, update-profile and update-email actions, identity-provider review, admin REST). The
 * project's user profile asks every rule of this SPI ({@link EmailChangeRuleSpi}) after the address has
 * been parsed by the rule engine, so a module adds a rule by shipping a factory, and no realm setting can
 * switch it off. A rule sees only addresses that change and that the engine could parse.
 */
public interface EmailChangeRule extends Provider {

    /**
     * @param change the parsed new address, the profile context and the stored user (null for a new user)
     * @return why the address is refused, or empty when this rule allows it
     */
    Optional<EmailRefusal> check(EmailChange change);

    @Override
    default void close() {
        // rules are stateless
    }
}
