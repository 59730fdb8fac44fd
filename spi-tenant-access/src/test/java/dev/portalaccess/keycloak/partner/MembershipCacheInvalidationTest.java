package dev.portalaccess.keycloak.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.cache.infinispan.organization.InfinispanOrganizationProvider;
import org.keycloak.organization.OrganizationProvider;

/**
 * The cache keys of {@link MembershipCacheInvalidation} are the ones Keycloak's cache layer builds (its
 * key builders are private there, so they are called reflectively): a Keycloak upgrade that changes a
 * format fails here, before {@code PartnerCacheConsistencyIT} shows stale reads.
 */
class MembershipCacheInvalidationTest {

    private static final String REALM = "realm-1";
    private static final String ORG = "org-1";
    private static final String USER = "user-1";

    @Test
    void organizationKeysAreKeycloaks() throws Exception {
        RealmModel realm = stub(RealmModel.class, "getId", REALM);
        OrganizationModel organization = stub(OrganizationModel.class, "getId", ORG);
        UserModel user = stub(UserModel.class, "getId", USER);
        InfinispanOrganizationProvider keycloak = new InfinispanOrganizationProvider(session(realm));

        assertEquals(InfinispanOrganizationProvider.cacheKeyOrgMemberCount(realm, organization),
                MembershipCacheInvalidation.memberCountKey(REALM, ORG));
        assertEquals(call(keycloak, "cacheKeyByMember", new Class<?>[] {UserModel.class}, user),
                MembershipCacheInvalidation.userOrganizationsKey(REALM, USER));
        assertEquals(call(keycloak, "cacheKeyMembership", new Class<?>[] {RealmModel.class, OrganizationModel.class, UserModel.class},
                realm, organization, user), MembershipCacheInvalidation.membershipKey(REALM, ORG, USER));
    }

    private static Object call(Object target, String name, Class<?>[] types, Object... args) throws Exception {
        return call(target, target.getClass(), name, types, args);
    }

    private static Object call(Object target, Class<?> type, String name, Class<?>[] types, Object... args) throws Exception {
        Method method = type.getDeclaredMethod(name, types);
        method.setAccessible(true);
        return method.invoke(target, args);
    }

    /** A session bound to {@code realm} whose only provider is an empty "jpa" organization provider. */
    private static KeycloakSession session(RealmModel realm) {
        KeycloakContext context = stub(KeycloakContext.class, "getRealm", realm);
        OrganizationProvider jpa = stub(OrganizationProvider.class, "getInvitationManager", null);
        return (KeycloakSession) Proxy.newProxyInstance(KeycloakSession.class.getClassLoader(), new Class<?>[] {KeycloakSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getContext" -> context;
                    case "getProvider" -> args.length == 2 && OrganizationProvider.class.equals(args[0]) ? jpa : null;
                    default -> null;
                });
    }

    /** An interface instance answering {@code name} with {@code value} and everything else with null. */
    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, String name, Object value) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getName().equals(name) ? value : null);
    }
}
