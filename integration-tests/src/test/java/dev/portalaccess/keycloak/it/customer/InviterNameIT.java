package dev.portalaccess.keycloak.it.customer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/** An invitation sent through Keycloak's own admin REST names the admin who sent it. */
@KeycloakIntegrationTest
class InviterNameIT {

    @Test
    void keycloaksOwnInviteUserNamesTheActingAdmin(KeycloakServer server, Rest admin, MailSink mail) {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of(), Map.of("emailTheme", "enterprise-portal"));
        String acme = realm.createCustomer("acme", "Acme Corp", Map.of());
        String email = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";

        admin.postForm(realm.path("/organizations/" + acme + "/members/invite-user"),
                Map.of("email", email, "firstName", "Ina", "lastName", "Vitee")).expect(204);

        // the master realm's bootstrap admin has no first/last name: its username stands for it
        String body = mail.awaitMail(email, "Acme Corp").decodedBody();
        assertTrue(body.contains("admin has invited you to join Acme Corp"), body);
        realm.delete();
    }
}
