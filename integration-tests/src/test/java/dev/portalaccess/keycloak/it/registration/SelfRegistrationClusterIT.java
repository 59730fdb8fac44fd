package dev.portalaccess.keycloak.it.registration;

import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.assertContains;
import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.policy;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakCluster;
import dev.portalaccess.keycloak.testsupport.KeycloakClusterTest;
import dev.portalaccess.keycloak.testsupport.NodeA;
import dev.portalaccess.keycloak.testsupport.NodeB;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.Page;
import org.junit.jupiter.api.Test;

/** The self-registration policy changed through one node decides the very next registration on the other. */
@KeycloakClusterTest
class SelfRegistrationClusterIT {

    @Test
    void aPolicyChangedThroughOneNodeHoldsOnTheOther(KeycloakCluster cluster, @NodeA Rest a, @NodeB Rest b) {
        SelfRegistrationRealm onA = SelfRegistrationRealm.create(a, cluster.nodeA(), "reg-cluster", policy("ANYONE"));
        SelfRegistrationRealm onB = onA.on(b);
        onA.createCompany("acme", "acme.test", true, List.of("portal"), List.of(), false);
        String url = onA.registrationUrl(cluster.nodeA());
        try (Browser onNodeB = cluster.browser(1)) {
            // node B renders the form under the first policy, so its caches hold the realm and the flow
            onNodeB.open(url).getHtmlElementById("kc-register-form");
        }

        onA.setPolicy(policy("COMPANIES"));

        try (Browser onNodeB = cluster.browser(1)) {
            Page refused = RegistrationPages.register(onNodeB.open(url), "carl", "carl@elsewhere.test", "Secret-123");
            assertContains(RegistrationPages.text(refused), "Registration is only open to employees of permitted companies",
                    "node B applies the policy set through node A");
            Page employee = RegistrationPages.register(onNodeB.open(url), "bob", "bob@acme.test", "Secret-123");
            assertFalse(onB.user("bob").isMissingNode(), "an employee registers on node B: " + RegistrationPages.text(employee));
        }
        assertTrue(onA.user("carl").isMissingNode(), "no account for the refused registrant");

        onB.setPolicy(policy("NONE"));
        assertFalse(onA.realmRep().path("registrationAllowed").asBoolean(), "node A hides the registration link at once");
        onB.setPolicy(policy("ANYONE"));

        try (Browser onNodeA = cluster.browser(0)) {
            Page after = RegistrationPages.register(onNodeA.open(url), "carl", "carl@elsewhere.test", "Secret-123");
            assertFalse(onB.user("carl").isMissingNode(), "node A applies the policy set through node B: " + RegistrationPages.text(after));
        }
        a.delete("/admin/realms/" + onA.realm).expect(204);
    }
}
