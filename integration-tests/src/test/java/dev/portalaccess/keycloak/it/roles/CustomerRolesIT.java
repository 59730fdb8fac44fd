package dev.portalaccess.keycloak.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/** Roles per customer: first member Administrator, one role each, never without an Administrator, on every path. */
@KeycloakIntegrationTest
class CustomerRolesIT {

    @Test
    void roleGroupsExistAndFirstMemberIsAdministratorWhateverThePath(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "roles-first");
        String acme = kc.customer("Acme");
        String ann = kc.user("ann");
        String bob = kc.user("bob");

        kc.addMember(acme, ann).expect(201);
        kc.addMember(acme, bob).expect(201);

        List<String> groups = kc.admin.get(kc.path("/organizations/" + acme + "/groups")).expect(200).list()
                .stream().map(g -> g.path("name").asText()).sorted().toList();
        assertEquals(List.of("Administrator", "User", "Viewer"), groups);
        assertEquals(Map.of("ann", "Administrator", "bob", "User"), kc.team("bob", acme));
    }

    @Test
    void joiningAnotherRoleGroupLeavesTheFormerRole(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "roles-one");
        String acme = kc.customer("Acme");
        String ann = kc.user("ann");
        String bob = kc.user("bob");
        kc.addMember(acme, ann).expect(201);
        kc.addMember(acme, bob).expect(201);

        // Keycloak's own organization-group API: bob joins Viewer, so he is no longer a User
        kc.admin.put(kc.path("/organizations/" + acme + "/groups/" + kc.roleGroupId(acme, "Viewer") + "/members/" + bob), "")
                .expect(204);
        assertEquals("Viewer", kc.team("ann", acme).get("bob"));
        List<JsonNode> bobGroups = kc.admin.get(kc.path("/organizations/" + acme + "/members/" + bob + "/groups")).expect(200).list();
        assertEquals(List.of("Viewer"), bobGroups.stream().map(g -> g.path("name").asText()).toList());
    }

    @Test
    void lastAdministratorCannotBeRemovedDemotedOrDeletedOnAnyPath(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "roles-last");
        String acme = kc.customer("Acme");
        String ann = kc.user("ann");
        String bob = kc.user("bob");
        kc.addMember(acme, ann).expect(201);
        kc.addMember(acme, bob).expect(201);

        // Keycloak admin REST: remove the member
        assertLastAdministrator(kc.removeMember(acme, ann));
        // Keycloak admin REST: take them out of the Administrator group
        assertLastAdministrator(kc.admin.delete(kc.path("/organizations/" + acme + "/groups/"
                + kc.roleGroupId(acme, "Administrator") + "/members/" + ann)));
        // Keycloak admin REST: move them into another role group
        assertLastAdministrator(kc.admin.put(kc.path("/organizations/" + acme + "/groups/"
                + kc.roleGroupId(acme, "User") + "/members/" + ann), ""));
        // Keycloak admin REST: delete the user account
        assertLastAdministrator(kc.admin.delete(kc.path("/users/" + ann)));
        // self-service: demote or remove yourself
        Rest annApi = kc.as("ann");
        assertLastAdministrator(annApi.put(kc.selfService("/customers/" + acme + "/members/" + ann), Map.of("role", "User")));
        assertLastAdministrator(annApi.delete(kc.selfService("/customers/" + acme + "/members/" + ann)));

        // nothing of the refused changes was kept
        assertEquals(Map.of("ann", "Administrator", "bob", "User"), kc.team("ann", acme));

        // with a second Administrator, the first may go
        annApi.put(kc.selfService("/customers/" + acme + "/members/" + bob), Map.of("role", "Administrator")).expect(200);
        annApi.put(kc.selfService("/customers/" + acme + "/members/" + ann), Map.of("role", "Viewer")).expect(200);
        assertEquals(Map.of("ann", "Viewer", "bob", "Administrator"), kc.team("bob", acme));
        kc.removeMember(acme, ann).expect(204);
        assertEquals(Map.of("bob", "Administrator"), kc.team("bob", acme));
    }

    @Test
    void deletingTheCustomerRemovesItsLastAdministratorToo(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "roles-delete");
        String acme = kc.customer("Acme");
        String ann = kc.user("ann");
        kc.addMember(acme, ann).expect(201);
        kc.admin.delete(kc.path("/organizations/" + acme)).expect(204);
        kc.admin.get(kc.path("/organizations/" + acme)).expect(404);
        kc.admin.get(kc.path("/users/" + ann)).expect(200);
    }

    @Test
    void customersImportedWithoutRoleGroupsGetThemAndTheirMembersAUserRole(Rest admin) {
        // a realm import (as of customers that predate the extension): organizations and members, no role groups
        String realm = dev.portalaccess.keycloak.testsupport.TestRealms.uniqueName("roles-import");
        Map<String, Object> rep = new java.util.HashMap<>();
        rep.put("realm", realm);
        rep.put("organizationsEnabled", true);
        rep.put("attributes", Map.of("portalaccess.roles.enabled", "true"));
        rep.put("users", List.of(
                Map.of("username", "old1", "enabled", true, "email", "old1@legacy.example"),
                Map.of("username", "old2", "enabled", true, "email", "old2@legacy.example")));
        rep.put("organizations", List.of(Map.of("name", "Legacy", "alias", "legacy",
                "domains", List.of(Map.of("name", "legacy.example")),
                "members", List.of(Map.of("username", "old1"), Map.of("username", "old2")))));
        dev.portalaccess.keycloak.testsupport.TestRealms.create(admin, rep);

        String legacy = admin.get("/admin/realms/" + realm + "/organizations").expect(200).list().get(0).path("id").asText();
        Map<String, String> roles = new java.util.HashMap<>();
        for (JsonNode group : admin.get("/admin/realms/" + realm + "/organizations/" + legacy + "/groups").expect(200).list()) {
            admin.get("/admin/realms/" + realm + "/organizations/" + legacy + "/groups/" + group.path("id").asText() + "/members")
                    .expect(200).list().forEach(m -> roles.put(m.path("username").asText(), group.path("name").asText()));
        }
        assertEquals(Map.of("old1", "User", "old2", "User"), roles);
        // the customer has no Administrator yet: the next user to join becomes one
        String newcomer = dev.portalaccess.keycloak.testsupport.TestRealms.createUser(admin, realm, "newcomer", "newcomer@legacy.example", "Secret-123");
        admin.post("/admin/realms/" + realm + "/organizations/" + legacy + "/members", newcomer).expect(201);
        List<JsonNode> admins = admin.get("/admin/realms/" + realm + "/organizations/" + legacy + "/members/" + newcomer + "/groups")
                .expect(200).list();
        assertEquals(List.of("Administrator"), admins.stream().map(g -> g.path("name").asText()).toList());
    }

    @Test
    void serviceAccountsGetNoRoleAndAreNeverTheFirstAdministrator(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "roles-sa");
        String acme = kc.customer("Acme");
        String client = kc.admin.post(kc.path("/clients"), Map.of("clientId", "acme-machine", "publicClient", false,
                "serviceAccountsEnabled", true, "standardFlowEnabled", false)).expect(201).createdId();
        String machine = kc.admin.get(kc.path("/clients/" + client + "/service-account-user")).expect(200).json().path("id").asText();
        kc.addMember(acme, machine).expect(201);
        assertEquals(List.of(), kc.admin.get(kc.path("/organizations/" + acme + "/members/" + machine + "/groups")).expect(200).list());

        String ann = kc.user("ann");
        kc.addMember(acme, ann).expect(201);
        assertEquals("Administrator", kc.team("ann", acme).get("ann"));
    }

    static void assertLastAdministrator(Rest.Response response) {
        response.expect(409);
        JsonNode body = response.json();
        assertEquals("lastAdministrator", body.path("error").asText(), response.body());
        assertEquals("role", body.path("field").asText(), response.body());
        assertTrue(body.path("errorMessage").asText().contains("last Administrator"), response.body());
    }
}
