package dev.portalaccess.keycloak.it.roles;

import static dev.portalaccess.keycloak.it.roles.CustomerRolesIT.assertLastAdministrator;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import dev.portalaccess.keycloak.testsupport.KeycloakCluster;
import dev.portalaccess.keycloak.testsupport.KeycloakClusterTest;
import dev.portalaccess.keycloak.testsupport.NodeA;
import dev.portalaccess.keycloak.testsupport.NodeB;
import dev.portalaccess.keycloak.testsupport.NodeLog;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, a refusal of the last Administrator is decided before Keycloak writes anything, so the
 * rolled-back transaction has no unprocessed completion actions and the node logs no {@code HHH90010101}
 * (Keycloak's {@code AsyncCommitIntegrator} registers one on a transaction's first write; Hibernate drops it
 * on rollback with that warning). Keycloak's organization-group endpoints write the membership before any
 * hook runs: that one path still logs it, and serves here as the proof that the warning is seen.
 */
@KeycloakClusterTest
class LastAdministratorRefusalClusterIT {

    @Test
    void refusingTheLastAdministratorWritesNothingFirst(KeycloakCluster cluster, @NodeA Rest a, @NodeB Rest b) {
        CustomerRealm onA = CustomerRealm.create(a, "roles-no-rollback");
        CustomerRealm onB = onA.on(b);
        String acme = onA.customer("Acme");
        String ann = onA.user("ann");
        String bob = onA.user("bob");
        onA.addMember(acme, ann).expect(201);
        onA.addMember(acme, bob).expect(201);
        Rest annOnB = onB.as("ann");
        String administrators = onB.roleGroupId(acme, "Administrator");

        NodeLog log = NodeLog.of(cluster, 1);
        // the project's self-service API: demote yourself, remove yourself
        assertLastAdministrator(annOnB.put(onB.selfService("/customers/" + acme + "/members/" + ann), Map.of("role", "User")));
        log.assertNoUnprocessedCompletionActions("self-service role change");
        assertLastAdministrator(annOnB.delete(onB.selfService("/customers/" + acme + "/members/" + ann)));
        log.assertNoUnprocessedCompletionActions("self-service member removal");
        // Keycloak's admin REST: the organization member DELETE, the user DELETE
        assertLastAdministrator(onB.removeMember(acme, ann));
        log.assertNoUnprocessedCompletionActions("Keycloak's organization member DELETE");
        assertLastAdministrator(b.delete(onB.path("/users/" + ann)));
        log.assertNoUnprocessedCompletionActions("Keycloak's user DELETE");

        // Keycloak's organization-group DELETE deletes the row before its leave event: refused, rolled back,
        // and logged (docs/cluster.md, Known); the warning showing here proves the log is read up to now
        assertLastAdministrator(b.delete(onB.path("/organizations/" + acme + "/groups/" + administrators + "/members/" + ann)));
        log.awaitUnprocessedCompletionActions(1, "Keycloak's organization-group member DELETE");

        assertEquals(Map.of("ann", "Administrator", "bob", "User"), onA.team("ann", acme), "nothing of the refusals was kept");
    }
}
