package dev.portalaccess.keycloak.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.InvitationManager;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.provider.ProviderEvent;

/**
 * The decorator's hooks, on stand-ins for Keycloak's provider: every join, removal and invitation is announced before
 * Keycloak writes it (a listener that refuses leaves nothing written), a join afterwards only when it happened, and
 * the members of an organization that is itself removed are not announced one by one.
 */
class RestrictingOrganizationProviderTest {

    /** What happened, in order: published events (by type) and the delegate's writes ("delegate.addMember"). */
    private final List<String> log = new ArrayList<>();
    private final List<ProviderEvent> events = new ArrayList<>();
    private final Map<String, Object> sessionAttributes = new HashMap<>();
    private Consumer<ProviderEvent> listener = event -> { };
    private boolean delegateAnswer = true;

    private final OrganizationModel acme = organization("org-1");
    private final UserModel alice = user("u-1");
    private final RestrictingOrganizationProvider provider = new RestrictingOrganizationProvider(session(), delegate());

    @Test
    void aJoinIsAnnouncedBeforeTheWriteAndAfterIt() {
        assertTrue(provider.addMember(acme, alice));
        assertEquals(List.of("MemberJoiningEvent", "delegate.addMember", "MemberJoinedEvent"), log);
        MemberJoiningEvent joining = (MemberJoiningEvent) events.get(0);
        assertEquals("org-1", joining.organization().getId());
        assertEquals(alice, joining.user());

        log.clear();
        assertTrue(provider.addManagedMember(acme, alice));
        assertEquals(List.of("MemberJoiningEvent", "delegate.addManagedMember", "MemberJoinedEvent"), log,
                "a managed join passes the same hooks (no partner access: Keycloak's managed membership)");
    }

    @Test
    void aRefusedJoinWritesNothingAndAJoinThatDidNotHappenIsNotAnnouncedAsDone() {
        listener = event -> {
            if (event instanceof MemberJoiningEvent) {
                throw new IllegalStateException("refused");
            }
        };
        assertThrows(IllegalStateException.class, () -> provider.addMember(acme, alice));
        assertThrows(IllegalStateException.class, () -> provider.addManagedMember(acme, alice));
        assertEquals(List.of("MemberJoiningEvent", "MemberJoiningEvent"), log);

        listener = event -> { };
        log.clear();
        delegateAnswer = false; // Keycloak: already a member
        assertFalse(provider.addMember(acme, alice));
        assertEquals(List.of("MemberJoiningEvent", "delegate.addMember"), log);
    }

    @Test
    void aRemovalIsAnnouncedBeforeTheWriteExceptWhenTheOrganizationGoesWithIt() {
        listener = event -> {
            if (event instanceof MemberRemovingEvent) {
                throw new IllegalStateException("last administrator");
            }
        };
        assertThrows(IllegalStateException.class, () -> provider.removeMember(acme, alice));
        assertEquals(List.of("MemberRemovingEvent"), log, "refused before Keycloak removes anything");
        assertThrows(IllegalStateException.class, () -> provider.removeMember(provider.getById("org-1"), alice));

        listener = event -> { };
        log.clear();
        listener = event -> {
            if (event instanceof MemberRemovingEvent) {
                throw new IllegalStateException("the organization's own removal announces no member one by one");
            }
        };
        assertTrue(provider.remove(acme)); // Keycloak removes the members through this provider first
        assertEquals(List.of("delegate.removeMember", "delegate.remove"), log);
        assertTrue(sessionAttributes.isEmpty(), "the removal marker does not outlive the removal");

        listener = event -> { };
        log.clear();
        assertTrue(provider.removeMember(acme, alice));
        assertEquals(List.of("MemberRemovingEvent", "delegate.removeMember"), log);
    }

    @Test
    void anInvitationIsAnnouncedBeforeItIsCreatedAndItsRemovalAroundTheWrite() {
        listener = event -> {
            if (event instanceof InvitationCreatingEvent creating && creating.email().endsWith("@evil.example")) {
                throw new IllegalStateException("outside the allowed domains");
            }
        };
        InvitationManager invitations = provider.getInvitationManager();
        assertThrows(IllegalStateException.class, () -> invitations.create(acme, "m@evil.example", null, null));
        assertEquals(List.of("InvitationCreatingEvent"), log, "nothing created");

        log.clear();
        invitations.create(acme, "a@acme.com", null, null);
        // announced before the write, published after it with the new invitation (its role goes on there)
        assertEquals(List.of("InvitationCreatingEvent", "delegate.invitations.create", "InvitationCreatedEvent"), log);

        log.clear();
        assertTrue(invitations.remove("inv-1"));
        assertEquals(List.of("InvitationRemovingEvent", "delegate.invitations.remove", "InvitationRemovedEvent"), log);
    }

    @Test
    void organizationsHandedOutAreGuardedAndUnwrappedOnTheWayBack() {
        OrganizationModel handedOut = provider.getById("org-1");
        assertTrue(handedOut instanceof SettingsGuardedOrganization);
        assertEquals(acme, handedOut, "compared by id, both ways");
        provider.addMember(handedOut, alice);
        assertEquals(acme, SettingsGuardedOrganization.unwrap(handedOut));
    }

    // ---- stand-ins ---------------------------------------------------------------------------------------

    private KeycloakSession session() {
        KeycloakContext context = proxy(KeycloakContext.class, (name, args) -> switch (name) {
            case "getRealm" -> null; // no realm: memberships are Keycloak's own (no partner access)
            default -> throw new UnsupportedOperationException(name);
        });
        KeycloakSessionFactory factory = proxy(KeycloakSessionFactory.class, (name, args) -> {
            if (name.equals("publish")) {
                ProviderEvent event = (ProviderEvent) args[0];
                log.add(event.getClass().getSimpleName());
                events.add(event);
                listener.accept(event);
                return null;
            }
            throw new UnsupportedOperationException(name);
        });
        return proxy(KeycloakSession.class, (name, args) -> switch (name) {
            case "getKeycloakSessionFactory" -> factory;
            case "getContext" -> context;
            case "getAttribute" -> sessionAttributes.get((String) args[0]);
            case "setAttribute" -> sessionAttributes.put((String) args[0], args[1]);
            case "removeAttribute" -> sessionAttributes.remove((String) args[0]);
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private OrganizationProvider delegate() {
        OrganizationInvitationModel invitation = proxy(OrganizationInvitationModel.class, (name, args) -> switch (name) {
            case "getId" -> "inv-1";
            default -> throw new UnsupportedOperationException(name);
        });
        InvitationManager invitations = proxy(InvitationManager.class, (name, args) -> switch (name) {
            case "create" -> {
                log.add("delegate.invitations.create");
                yield invitation;
            }
            case "getById" -> invitation;
            case "remove" -> {
                log.add("delegate.invitations.remove");
                yield true;
            }
            default -> throw new UnsupportedOperationException(name);
        });
        return proxy(OrganizationProvider.class, (name, args) -> switch (name) {
            case "remove" -> {
                provider.removeMember(acme, alice);
                log.add("delegate.remove");
                yield true;
            }
            case "addMember", "addManagedMember", "removeMember" -> {
                assertFalse(args[0] instanceof SettingsGuardedOrganization, "Keycloak gets its own model back");
                log.add("delegate." + name);
                yield name.startsWith("add") ? delegateAnswer : true;
            }
            case "getById" -> acme;
            case "getInvitationManager" -> invitations;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private static OrganizationModel organization(String id) {
        return proxy(OrganizationModel.class, (name, args) -> switch (name) {
            case "getId" -> id;
            case "equals" -> args[0] instanceof OrganizationModel other && id.equals(other.getId());
            case "hashCode" -> id.hashCode();
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private static UserModel user(String id) {
        return proxy(UserModel.class, (name, args) -> switch (name) {
            case "getId" -> id;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> switch (method.getName()) {
                    case "toString" -> type.getSimpleName();
                    case "equals" -> type == OrganizationModel.class ? answer.answer("equals", args) : p == args[0];
                    case "hashCode" -> type == OrganizationModel.class ? answer.answer("hashCode", args)
                            : System.identityHashCode(p);
                    default -> answer.answer(method.getName(), args);
                });
    }
}
