package dev.portalaccess.keycloak.it.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * The bulk (set-based) membership writes of auto-add leave Keycloak's caches as Keycloak's own member add
 * would: every read of Keycloak's (the user's organizations, the member count and list, the membership,
 * the token's organization claim, all organizations requested) and this extension's {@code userCount}
 * agree on the very next request.
 * Each test first warms the caches (reads everything once), then writes, then reads again.
 */
@KeycloakIntegrationTest
class PartnerCacheConsistencyIT {

    @Test
    void aPartnerUserAddedWhileAutoAddTenantsExistIsSeenByEveryReadAtOnce(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String north = r.tenant("north");
        String south = r.tenant("south");
        String plain = r.tenant("plain");
        r.staff("keeper");
        r.autoAdd(north, true).expect(200);
        r.autoAdd(south, true).expect(200);
        r.grant(plain, r.staff("other")).expect(201);
        String newcomer = r.user("newcomer");

        // warm every cache entry the write must invalidate
        Views before = Views.read(server, r, newcomer, "newcomer", north, south, plain);
        assertEquals(Set.of(), before.organizationsOfUser, "not a member yet");

        admin.put(r.base + "/users/" + newcomer + "/groups/" + r.staffGroupId, Map.of()).expect(204);

        Views after = Views.read(server, r, newcomer, "newcomer", north, south, plain);
        after.assertAgree();
        assertEquals(Set.of(north, south), after.organizationsOfUser,
                "Keycloak's GET /organizations/members/{id}/organizations lists the auto-add tenants at once");
        assertEquals(Set.of("north", "south"), after.tokenOrganizations, "the token's organization claim");
        assertEquals(3L, after.memberCount.get(north), "members/count of an auto-add tenant");
        assertTrue(after.isMember.get(north) && after.isMember.get(south), "Keycloak's member GET");
        assertTrue(!after.isMember.get(plain), "not the tenant without auto-add");
    }

    @Test
    void switchingAutoAddOnIsSeenByEveryReadAtOnce(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("acme");
        List<String> staff = r.staff("partner", 3);
        r.grant(tenant, staff.get(0)).expect(201);

        List<Views> before = staff.stream().map(u -> Views.read(server, r, u, username(r, u), tenant)).toList();
        before.forEach(Views::assertAgree);

        assertEquals(2, r.autoAdd(tenant, true).expect(200).json().get("added").asInt());

        for (String u : staff) {
            Views after = Views.read(server, r, u, username(r, u), tenant);
            after.assertAgree();
            assertEquals(Set.of(tenant), after.organizationsOfUser, "organizations of " + u);
            assertEquals(3L, after.memberCount.get(tenant), "members/count after the switch");
            assertEquals(Set.of("acme"), after.tokenOrganizations, "token of " + u);
        }

        // and back down through Keycloak's own paths: switch off, revoke one, leave the staff
        r.autoAdd(tenant, false).expect(200);
        r.revoke(tenant, staff.get(1)).expect(204);
        admin.delete(r.base + "/users/" + staff.get(2) + "/groups/" + r.staffGroupId).expect(204);
        Views last = Views.read(server, r, staff.get(0), username(r, staff.get(0)), tenant);
        last.assertAgree();
        assertEquals(1L, last.memberCount.get(tenant));
        assertEquals(Set.of(), Views.read(server, r, staff.get(1), username(r, staff.get(1)), tenant).organizationsOfUser);
    }

    private static String username(PartnerRealm r, String userId) {
        return r.admin.get(r.base + "/users/" + userId).expect(200).json().get("username").asText();
    }

    /** Everything Keycloak and this extension say about one user and some tenants, read once each. */
    private static final class Views {
        final Set<String> organizationsOfUser = new TreeSet<>();
        final Set<String> tokenOrganizations = new TreeSet<>();
        final Map<String, Long> memberCount = new java.util.HashMap<>();
        final Map<String, Long> memberList = new java.util.HashMap<>();
        final Map<String, Long> userCount = new java.util.HashMap<>();
        final Map<String, Boolean> isMember = new java.util.HashMap<>();
        final Map<String, Boolean> listed = new java.util.HashMap<>();
        final Map<String, Boolean> access = new java.util.HashMap<>();
        String user;

        static Views read(KeycloakServer server, PartnerRealm r, String user, String username, String... tenants) {
            Views v = new Views();
            v.user = user;
            for (JsonNode o : r.admin.get(r.base + "/organizations/members/" + user + "/organizations").expect(200).list()) {
                v.organizationsOfUser.add(o.get("id").asText());
            }
            JsonNode token = Rest.anonymous(server).postForm("/realms/" + r.name + "/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "portal", "username", username, "password", PartnerRealm.PASSWORD,
                    "scope", "openid organization:*")).expect(200).json();
            JsonNode claim = Rest.jwtPayload(token.get("access_token").asText()).path("organization");
            if (claim.isArray()) {
                claim.forEach(c -> v.tokenOrganizations.add(c.asText()));
            } else if (claim.isObject()) {
                claim.fieldNames().forEachRemaining(v.tokenOrganizations::add);
            }
            Map<String, Long> summaries = new java.util.HashMap<>();
            for (JsonNode t : r.admin.get(r.pa("/tenants?max=1000")).expect(200).list()) {
                summaries.put(t.get("id").asText(), t.get("userCount").asLong());
            }
            for (String tenant : tenants) {
                v.memberCount.put(tenant, r.admin.get(r.base + "/organizations/" + tenant + "/members/count").expect(200).json().asLong());
                List<JsonNode> members = r.admin.get(r.base + "/organizations/" + tenant + "/members?max=1000").expect(200).list();
                v.memberList.put(tenant, (long) members.size());
                v.listed.put(tenant, members.stream().anyMatch(m -> m.get("id").asText().equals(user)));
                v.isMember.put(tenant, r.isOrganizationMember(tenant, user));
                v.userCount.put(tenant, summaries.get(tenant));
                v.access.put(tenant, r.hasAccess(tenant, user));
            }
            return v;
        }

        /** Every source agrees with the database (the member list and this extension's access check read it). */
        void assertAgree() {
            for (String tenant : memberList.keySet()) {
                assertEquals(memberList.get(tenant), memberCount.get(tenant), "members/count vs the member list of " + tenant);
                assertEquals(memberList.get(tenant), userCount.get(tenant), "partner API userCount vs the member list of " + tenant);
                assertEquals(listed.get(tenant), isMember.get(tenant), "member GET vs the member list, " + user + " in " + tenant);
                assertEquals(listed.get(tenant), access.get(tenant), "access check vs the member list, " + user + " in " + tenant);
                assertEquals(listed.get(tenant), organizationsOfUser.contains(tenant),
                        "the user's organizations vs the member list, " + user + " in " + tenant);
            }
        }
    }
}
