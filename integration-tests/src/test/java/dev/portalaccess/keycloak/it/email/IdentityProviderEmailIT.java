package dev.portalaccess.keycloak.it.email;

import static dev.portalaccess.keycloak.it.email.EmailFixture.INVALID_MESSAGE;
import static dev.portalaccess.keycloak.it.email.EmailFixture.ZWSP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, items 1, 2 and 14 on the identity-provider first login, with a second realm of the same server as
 * the OpenID Connect provider: an address the rule engine cannot parse (several {@code @}, an invisible
 * character) is refused before any user exists, with and without the review page, in Keycloak's built-in
 * first broker login flow and in the project's flow with the denylist step; a valid address is stored in its
 * normalised form, so another spelling of an existing account's address is that account, not a new one.
 */
@KeycloakIntegrationTest
class IdentityProviderEmailIT {

    static final String BUILT_IN_FLOW = "first broker login";

    @Test
    void builtInFlowWithoutReviewRefusesSeveralAtSignsAndInvisibleCharacters(KeycloakServer server, Rest admin)
            throws Exception {
        String realmA = EmailFixture.realm(admin, "em-idp-builtin");
        String realmB = EmailFixture.upstreamRealm(server, admin, realmA);
        EmailFixture.upstreamUser(admin, realmB, "eve", "eve@x@evil.example");
        EmailFixture.upstreamUser(admin, realmB, "frank", "frank@ac" + ZWSP + "me.example");
        EmailFixture.upstreamUser(admin, realmB, "gus", "Gus@Fine.Example");
        EmailFixture.reviewProfile(admin, realmA, BUILT_IN_FLOW, "off");
        EmailFixture.identityProvider(server, admin, realmA, realmB, null);

        for (String username : List.of("eve", "frank")) {
            try (Browser browser = new Browser()) {
                HtmlPage refused = EmailFixture.signInUpstream(server, browser, realmA, username);
                assertTrue(EmailFixture.users(admin, realmA).isEmpty(), username + ": no account, before or after: "
                        + EmailFixture.users(admin, realmA));
                assertTrue(refused.asNormalizedText().contains(INVALID_MESSAGE), username + ": " + refused.asNormalizedText());
            }
        }
        JsonNode event = EmailFixture.event(admin, realmA, "IDENTITY_PROVIDER_FIRST_LOGIN_ERROR", "invalid_email");
        assertEquals("first-broker-login", event.path("details").path("email_path").asText(), event.toString());

        try (Browser browser = new Browser()) {
            EmailFixture.signInUpstream(server, browser, realmA, "gus");
        }
        List<JsonNode> users = EmailFixture.users(admin, realmA);
        assertEquals(1, users.size(), users.toString());
        assertEquals("gus@fine.example", users.get(0).path("email").asText());
    }

    @Test
    void projectFlowWithTheDenylistStepRefusesSeveralAtSigns(KeycloakServer server, Rest admin) throws Exception {
        String realmA = EmailFixture.realm(admin, "em-idp-denylist");
        String realmB = EmailFixture.upstreamRealm(server, admin, realmA);
        EmailFixture.upstreamUser(admin, realmB, "hank", "hank@corp.example@evil.example");
        String flow = "denylist first broker login";
        EmailFixture.flowWithDenylistStep(admin, realmA, flow);
        EmailFixture.reviewProfile(admin, realmA, flow, "off");
        EmailFixture.identityProvider(server, admin, realmA, realmB, flow);

        try (Browser browser = new Browser()) {
            HtmlPage refused = EmailFixture.signInUpstream(server, browser, realmA, "hank");
            assertTrue(EmailFixture.users(admin, realmA).isEmpty(), "no account: " + EmailFixture.users(admin, realmA));
            assertTrue(refused.asNormalizedText().contains(INVALID_MESSAGE), refused.asNormalizedText());
        }
        EmailFixture.event(admin, realmA, "IDENTITY_PROVIDER_FIRST_LOGIN_ERROR", "invalid_email");
    }

    @Test
    void reviewPageRefusesAnInvisibleCharacterUntilTheAddressIsFixed(KeycloakServer server, Rest admin, Browser browser)
            throws Exception {
        String realmA = EmailFixture.realm(admin, "em-idp-review");
        String realmB = EmailFixture.upstreamRealm(server, admin, realmA);
        EmailFixture.upstreamUser(admin, realmB, "ivy", "ivy@sp" + ZWSP + "am.example");
        EmailFixture.reviewProfile(admin, realmA, BUILT_IN_FLOW, "on");
        EmailFixture.identityProvider(server, admin, realmA, realmB, null);

        HtmlPage review = EmailFixture.signInUpstream(server, browser, realmA, "ivy");
        HtmlForm form = review.getHtmlElementById("kc-idp-review-profile-form");
        HtmlPage refused = EmailFixture.submit(form);
        EmailFixture.assertFieldError(refused, "email", INVALID_MESSAGE);
        assertTrue(EmailFixture.users(admin, realmA).isEmpty(), "no account yet");
        EmailFixture.event(admin, realmA, "IDENTITY_PROVIDER_FIRST_LOGIN_ERROR", "invalid_email");

        form = refused.getHtmlElementById("kc-idp-review-profile-form");
        form.getInputByName("email").setValue("ivy@fine.example");
        EmailFixture.submit(form);
        List<JsonNode> users = EmailFixture.users(admin, realmA);
        assertEquals(1, users.size(), users.toString());
        assertEquals("ivy@fine.example", users.get(0).path("email").asText());
    }

    @Test
    void anotherSpellingOfAnExistingAddressIsThatAccountNotANewOne(KeycloakServer server, Rest admin, Browser browser)
            throws Exception {
        String realmA = EmailFixture.utf8Realm(admin, "em-idp-spelling");
        String realmB = EmailFixture.upstreamRealm(server, admin, realmA);
        // registered with a decomposed é (e + U+0301); the provider sends the precomposed, upper-case spelling
        EmailFixture.register(browser.open(EmailFixture.registrationUrl(server.baseUrl(), realmA)), "jose",
                "jose\u0301@acme.example");
        assertEquals(1, EmailFixture.users(admin, realmA).size(), "registered");
        EmailFixture.upstreamUser(admin, realmB, "jose-upstream", "JOS\u00C9@ACME.EXAMPLE");
        EmailFixture.reviewProfile(admin, realmA, BUILT_IN_FLOW, "off");
        EmailFixture.identityProvider(server, admin, realmA, realmB, null);

        try (Browser other = new Browser()) {
            HtmlPage page = EmailFixture.signInUpstream(server, other, realmA, "jose-upstream");
            List<JsonNode> users = EmailFixture.users(admin, realmA);
            assertEquals(1, users.size(), "one person, one account: " + users);
            assertTrue(page.asNormalizedText().contains("already exists"), page.asNormalizedText());
        }
        List<JsonNode> users = EmailFixture.users(admin, realmA);
        assertEquals("jos\u00E9@acme.example", users.get(0).path("email").asText(), "stored in its normalised (NFC) form");
    }
}
