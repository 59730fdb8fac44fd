package dev.portalaccess.keycloak.membership;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.organization.OrganizationProvider;

import dev.portalaccess.keycloak.organization.InvitationCreatingEvent;
import dev.portalaccess.keycloak.organization.MemberJoinedEvent;
import dev.portalaccess.keycloak.organization.MemberJoiningEvent;
import dev.portalaccess.keycloak.organization.OrganizationAttributesWrittenEvent;

/**
 * The order-independent parts of the rule, on stand-ins for Keycloak's models (the whole rule runs against
 * the real server in the integration tests): the settings come from the provider's current model, not the
 * one handed in; a settings write finds the members who joined in the same transaction outside it; the listener
 * hooks the rule into core's organization events (its refusals, which build HTTP answers, run in the ITs).
 */
class MembershipRuleTest {

    private static final Map<String, List<String>> RESTRICTED = Map.of(
            DomainRestrictionSettings.ENABLED.key(), List.of("true"),
            DomainRestrictionSettings.ENTRIES.key(), List.of("acme.com"));

    private final Map<String, Object> sessionAttributes = new HashMap<>();
    private final Map<String, UserModel> users = new HashMap<>();
    private final Map<String, OrganizationModel> current = new HashMap<>();
    private final MembershipRule rule = new MembershipRule(session(), provider());

    @Test
    void settingsAreReadFromTheProvidersCurrentModelNotFromAStaleSnapshot() {
        OrganizationModel stale = organization("org-1", Map.of()); // the attributes seen before they were written
        current.put("org-1", organization("org-1", RESTRICTED));
        assertTrue(rule.settingsToCommit(stale).restricted());
        assertEquals(MembershipSettings.Verdict.DOMAIN_NOT_ALLOWED, rule.settingsToCommit(stale).check("m@evil.example"));

        current.clear(); // not found (yet): the model handed in is all there is
        assertTrue(!rule.settingsToCommit(stale).restricted());
    }

    @Test
    void aRestrictionWrittenAfterTheJoinsFindsTheOutsiderWhoJoinedInThisTransaction() {
        OrganizationModel acme = organization("org-1", Map.of());
        OrganizationModel other = organization("org-2", Map.of());
        rule.joined(acme, user("u-alice", "alice@acme.com"));
        rule.joined(acme, user("u-mallory", "mallory@evil.example"));
        rule.joined(other, user("u-olga", "olga@else.example"));

        MembershipRule.Outsider outsider = rule.firstJoinedOutside(acme, RESTRICTED).orElseThrow();
        assertEquals("mallory@evil.example", outsider.email());
        assertEquals(MembershipSettings.Verdict.DOMAIN_NOT_ALLOWED, outsider.verdict());

        assertTrue(rule.firstJoinedOutside(acme, Map.of()).isEmpty(), "no restriction: nothing to find");
        assertTrue(rule.firstJoinedOutside(organization("org-3", Map.of()), RESTRICTED).isEmpty(), "nobody joined org-3");
        assertEquals("olga@else.example", rule.firstJoinedOutside(other, RESTRICTED).orElseThrow().email());
    }

    @Test
    void aMemberWithoutAnEmailIsFoundToo() {
        OrganizationModel acme = organization("org-1", Map.of());
        rule.joined(acme, user("u-nomail", null));
        assertEquals(MembershipSettings.Verdict.EMAIL_MISSING, rule.firstJoinedOutside(acme, RESTRICTED).orElseThrow().verdict());
    }

    @Test
    void theListenerNotesAJoinOnlyWhenCoreAnnouncesItAsDone() {
        KeycloakSession session = session();
        OrganizationModel acme = organization("org-1", Map.of());
        UserModel mallory = user("u-mallory", "mallory@evil.example");
        MembershipListener listener = new MembershipListener();

        listener.onEvent(new MemberJoiningEvent(session, acme, mallory)); // not restricted (yet): admitted
        assertTrue(new MembershipRule(session).firstJoinedOutside(acme, RESTRICTED).isEmpty(),
                "announced as joining only: Keycloak may still answer 'already a member'");

        listener.onEvent(new MemberJoinedEvent(session, acme, mallory));
        assertEquals("mallory@evil.example", new MembershipRule(session).firstJoinedOutside(acme, RESTRICTED)
                .orElseThrow().email(), "a settings write later in the transaction re-checks her");
    }

    @Test
    void joinsInvitationsAndSettingsWritesTheRestrictionAdmitPass() {
        KeycloakSession session = session();
        current.put("org-1", organization("org-1", RESTRICTED));
        OrganizationModel acme = organization("org-1", Map.of());
        UserModel alice = user("u-alice", "alice@acme.com");
        MembershipListener listener = new MembershipListener();

        assertDoesNotThrow(() -> listener.onEvent(new MemberJoiningEvent(session, acme, alice)));
        assertDoesNotThrow(() -> listener.onEvent(new MemberJoinedEvent(session, acme, alice)));
        assertDoesNotThrow(() -> listener.onEvent(new InvitationCreatingEvent(session, acme, "bob@sales.acme.com")));
        assertDoesNotThrow(() -> listener.onEvent(new OrganizationAttributesWrittenEvent(session, acme, Map.of(), RESTRICTED)));
        assertTrue(new MembershipRule(session).firstJoinedOutside(acme, RESTRICTED).isEmpty());
    }

    private UserModel user(String id, String email) {
        UserModel user = proxy(UserModel.class, (name, args) -> switch (name) {
            case "getId" -> id;
            case "getEmail" -> email;
            case "getServiceAccountClientLink" -> null;
            default -> throw new UnsupportedOperationException(name);
        });
        users.put(id, user);
        return user;
    }

    private static OrganizationModel organization(String id, Map<String, List<String>> attributes) {
        return proxy(OrganizationModel.class, (name, args) -> switch (name) {
            case "getId" -> id;
            case "getAttributes" -> attributes;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private KeycloakSession session() {
        RealmModel realm = proxy(RealmModel.class, (name, args) -> {
            throw new UnsupportedOperationException(name);
        });
        KeycloakContext context = proxy(KeycloakContext.class, (name, args) -> switch (name) {
            case "getRealm" -> realm;
            default -> throw new UnsupportedOperationException(name);
        });
        UserProvider userProvider = proxy(UserProvider.class, (name, args) -> switch (name) {
            case "getUserById" -> users.get((String) args[1]);
            default -> throw new UnsupportedOperationException(name);
        });
        return proxy(KeycloakSession.class, (name, args) -> switch (name) {
            case "getContext" -> context;
            case "users" -> userProvider;
            case "getAttribute" -> sessionAttributes.get((String) args[0]);
            case "setAttribute" -> sessionAttributes.put((String) args[0], args[1]);
            case "getProvider" -> provider();
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private OrganizationProvider provider() {
        return proxy(OrganizationProvider.class, (name, args) -> switch (name) {
            case "getById" -> current.get((String) args[0]);
            case "isMember" -> false;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> answer.answer(method.getName(), args));
    }
}
