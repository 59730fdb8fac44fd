package dev.portalaccess.keycloak.it.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakCluster;
import dev.portalaccess.keycloak.testsupport.KeycloakClusterTest;
import dev.portalaccess.keycloak.testsupport.NodeA;
import dev.portalaccess.keycloak.testsupport.NodeB;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * A node stopped and started again, then the other: nothing lost and nothing changed (memberships, roles,
 * service accounts, customer and realm settings, denylist entries), seen from both nodes, and the start-up
 * role provisioning gives no role to a customer's service account.
 */
@KeycloakClusterTest
class RestartClusterIT {

    @Test
    void restartingEachNodeInTurnLosesAndChangesNothing(KeycloakCluster cluster, @NodeA Rest a, @NodeB Rest b) {
        CustomerTestRealm realm = CustomerTestRealm.create(a, cluster.nodeA(),
                Map.of("portalaccess.roles.enabled", "true", "portalaccess.removal.signOut", "true"));
        String acme = realm.createCustomer("acme", "Acme Corp", Map.of("portalaccess.domainRestriction.enabled", List.of("true"),
                "portalaccess.domainRestriction.domains", List.of("example.org")));
        String globex = realm.createCustomer("globex", "Globex", Map.of(CustomerTestRealm.ACCESS_ATTRIBUTE, List.of("false")));
        realm.createMember(acme, "ann");   // first member: Administrator
        String bob = realm.createMember(acme, "bob");
        realm.createMember(globex, "gil");
        String viewer = realm.roleGroup(acme, "Viewer");
        a.put(realm.path("/organizations/" + acme + "/groups/" + viewer + "/members/" + bob), "").expect(204);
        JsonNode account = a.post(realm.path("/customers/" + acme + "/service-accounts"), Map.of("name", "ci")).expect(201).json();
        a.post(realm.path("/denylist/import"), "text/plain", "spam.example\nvip@corp.example\n").expect(200);

        String before = snapshot(a, realm.realm);
        assertTrue(before.contains("customer-acme-ci"), before);
        assertEquals(before, snapshot(b, realm.realm), "node B sees what was made on node A");

        cluster.stopNode(0);
        assertEquals(before, snapshot(b, realm.realm), "node B alone, while node A is down");
        cluster.startNode(0);
        assertEquals(before, snapshot(a, realm.realm), "node A after its restart");
        assertEquals(before, snapshot(b, realm.realm), "node B after node A's restart");

        cluster.restart(1);
        assertEquals(before, snapshot(b, realm.realm), "node B after its restart");
        assertEquals(before, snapshot(a, realm.realm), "node A after node B's restart");

        // the service account still works, on both nodes
        for (Rest node : List.of(a, b)) {
            node.withToken(null).clientCredentialsGrant(realm.realm, account.path("clientId").asText(),
                    account.path("secret").asText()).expect(200);
        }
        realm.delete();
    }

    /**
     * Everything that must survive a restart, read through one node's admin REST API as sorted text: realm
     * attributes, each customer's attributes, members and the members of each of its groups (the roles),
     * the service accounts, the denylist.
     */
    static String snapshot(Rest node, String realm) {
        String base = "/admin/realms/" + realm;
        Map<String, Object> out = new TreeMap<>();
        out.put("realmAttributes", new TreeMap<>(Rest.JSON.convertValue(node.get(base).expect(200).json().path("attributes"), Map.class)));
        for (JsonNode customer : node.get(base + "/organizations?briefRepresentation=false").expect(200).list()) {
            String id = customer.path("id").asText();
            String alias = customer.path("alias").asText();
            out.put(alias + ".attributes", new TreeMap<>(Rest.JSON.convertValue(customer.path("attributes"), Map.class)));
            out.put(alias + ".members", usernames(node.get(base + "/organizations/" + id + "/members?max=1000").expect(200).list()));
            out.put(alias + ".memberCount", node.get(base + "/organizations/" + id + "/members/count").expect(200).body());
            for (JsonNode group : node.get(base + "/organizations/" + id + "/groups").expect(200).list()) {
                out.put(alias + ".group." + group.path("name").asText(), usernames(node.get(base + "/organizations/" + id
                        + "/groups/" + group.path("id").asText() + "/members").expect(200).list()));
            }
            TreeSet<String> accounts = new TreeSet<>();
            node.get(base + "/customers/" + id + "/service-accounts").expect(200).list()
                    .forEach(sa -> accounts.add(sa.path("clientId").asText() + "=" + sa.path("status").asText()));
            out.put(alias + ".serviceAccounts", accounts);
        }
        TreeSet<String> denylist = new TreeSet<>();
        node.get(base + "/denylist?max=100").expect(200).list()
                .forEach(e -> denylist.add(e.path("value").asText() + "/" + e.path("kind").asText()));
        out.put("denylist", denylist);
        return out.toString();
    }

    private static TreeSet<String> usernames(List<JsonNode> users) {
        TreeSet<String> names = new TreeSet<>();
        users.forEach(u -> names.add(u.path("username").asText()));
        return names;
    }
}
