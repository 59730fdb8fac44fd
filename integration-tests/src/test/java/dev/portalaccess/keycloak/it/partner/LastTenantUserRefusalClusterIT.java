package dev.portalaccess.keycloak.it.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import dev.portalaccess.keycloak.testsupport.KeycloakCluster;
import dev.portalaccess.keycloak.testsupport.KeycloakClusterTest;
import dev.portalaccess.keycloak.testsupport.NodeA;
import dev.portalaccess.keycloak.testsupport.NodeB;
import dev.portalaccess.keycloak.testsupport.NodeLog;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, revoking the last user of a tenant (or cancelling its last invitation) is refused before
 * anything is written, so the node logs no {@code HHH90010101} for it (see {@code LastAdministratorRefusalClusterIT}). Keycloak's own group
 * DELETE of the staff group writes the row before any hook: that path is refused after the write and logs the
 * warning, which proves here that the log is read.
 */
@KeycloakClusterTest
class LastTenantUserRefusalClusterIT {

    @Test
    void refusingTheLastUserOfATenantWritesNothingFirst(KeycloakCluster cluster, @NodeA Rest a, @NodeB Rest b) {
        PartnerRealm onA = PartnerRealm.create(cluster.nodeA(), a);
        PartnerRealm onB = onA.on(b);
        String tenant = onA.tenant("solo");
        String alice = onA.staff("alice");
        onA.grant(tenant, alice).expect(201);

        NodeLog log = NodeLog.of(cluster, 1);
        Rest.Response revoke = onB.revoke(tenant, alice).expect(409);
        assertEquals("lastTenantAccess", revoke.json().path("error").asText(), revoke.body());
        log.assertNoUnprocessedCompletionActions("the partner API's revoke");

        Rest.Response keycloakDelete = b.delete(onB.base + "/organizations/" + tenant + "/members/" + alice);
        assertTrue(keycloakDelete.status() == 400 || keycloakDelete.status() == 409, keycloakDelete.status() + " " + keycloakDelete.body());
        log.assertNoUnprocessedCompletionActions("Keycloak's organization member DELETE");

        Rest.Response leaveStaff = b.delete(onB.pa("/staff/" + alice)).expect(409);
        assertEquals("lastTenantAccess", leaveStaff.json().path("error").asText(), leaveStaff.body());
        log.assertNoUnprocessedCompletionActions("the partner API's staff removal");

        // a tenant whose only way in is one pending invitation: cancelling it is refused before the delete
        String invited = onA.tenant("invited");
        String invitation = onA.admin.post(onA.pa("/tenants/" + invited + "/invitations"),
                Map.of("email", "ext@invited.customer.example", "firstName", "Ext", "lastName", "User")).expect(201).json().path("id").asText();
        Rest.Response cancel = b.delete(onB.pa("/tenants/" + invited + "/invitations/" + invitation)).expect(409);
        assertEquals("lastTenantAccess", cancel.json().path("error").asText(), cancel.body());
        log.assertNoUnprocessedCompletionActions("the partner API's invitation cancel");
        Rest.Response keycloakCancel = b.delete(onB.base + "/organizations/" + invited + "/invitations/" + invitation);
        assertTrue(keycloakCancel.status() == 400 || keycloakCancel.status() == 409, keycloakCancel.status() + " " + keycloakCancel.body());
        log.assertNoUnprocessedCompletionActions("Keycloak's invitation DELETE");
        assertEquals(1, onA.admin.get(onA.base + "/organizations/" + invited + "/invitations").expect(200).list().size(), "the invitation is kept");
        // Keycloak's resend removes the invitation and creates a new one: not a cancellation, allowed
        Rest.Response resend = b.post(onB.base + "/organizations/" + invited + "/invitations/" + invitation + "/resend", "");
        assertTrue(resend.status() / 100 == 2, resend.status() + " " + resend.body());
        assertEquals(1, onA.admin.get(onA.base + "/organizations/" + invited + "/invitations").expect(200).list().size(), "one invitation after the resend");
        log.assertNoUnprocessedCompletionActions("Keycloak's invitation resend");

        // Keycloak's group DELETE deletes the staff row before its leave event: refused after the write, logged
        assertTrue(b.delete(onB.base + "/users/" + alice + "/groups/" + onB.staffGroupId).status() >= 400);
        log.awaitUnprocessedCompletionActions(1, "Keycloak's staff group DELETE");

        assertTrue(onA.hasAccess(tenant, alice), "nothing of the refusals was kept");
        assertTrue(onA.isStaff(alice), "still a partner user");
        assertEquals(1, onA.memberCount(tenant));

        // deleting the tenant itself takes its last user's access with it: allowed
        b.delete(onB.base + "/organizations/" + tenant).expect(204);
        a.get(onA.base + "/organizations/" + tenant).expect(404);
    }
}
