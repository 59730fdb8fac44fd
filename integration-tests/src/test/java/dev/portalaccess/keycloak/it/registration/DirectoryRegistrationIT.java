package dev.portalaccess.keycloak.it.registration;

import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.assertContains;
import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Directory (Active Directory) registration through Keycloak's LDAP user federation, against a real LDAP
 * server in the test JVM (UnboundID in-memory directory on 127.0.0.1, a free port).
 */
@KeycloakIntegrationTest
class DirectoryRegistrationIT {

    private static final String BASE_DN = "dc=corp,dc=test";
    private static final String PEOPLE = "ou=people," + BASE_DN;
    private static InMemoryDirectoryServer directory;

    @BeforeAll
    static void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.addAdditionalBindCredentials("cn=admin," + BASE_DN, "admin-secret");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"), 0, null));
        directory = new InMemoryDirectoryServer(config);
        directory.startListening();
        directory.add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: corp");
        directory.add("dn: " + PEOPLE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        for (String uid : List.of("pat", "quinn", "rosa", "sam", "tess", "uma")) {
            directory.add("dn: uid=" + uid + "," + PEOPLE, "objectClass: top", "objectClass: person",
                    "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + uid + " Doe",
                    "sn: Doe", "givenName: " + uid, "mail: " + uid + "@corp.test", "userPassword: Ldap-123");
        }
    }

    @AfterAll
    static void stopDirectory() {
        directory.shutDown(true);
    }

    @Test
    void anyoneModeRegistersADirectoryUserOnFirstSignInWithTheDefaultServicesOnce(KeycloakServer server, Rest admin) throws Exception {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "dir-anyone", policy("ANYONE",
                "directoryRegistration=true", "defaultServices=role:" + SelfRegistrationRealm.SERVICE_ROLE));
        connectDirectory(admin, r);

        Rest.anonymous(server).passwordGrant(r.realm, "portal", null, "pat", "Ldap-123").expect(200);

        JsonNode user = r.user("pat");
        String id = user.path("id").asText();
        assertFalse(user.path("federationLink").asText().isEmpty(), "a directory user");
        assertTrue(r.realmRoles(id).contains(SelfRegistrationRealm.SERVICE_ROLE), "default service granted");

        // the grant happens on registration only: an admin's later removal sticks across sign-ins
        JsonNode role = admin.get("/admin/realms/" + r.realm + "/roles/" + SelfRegistrationRealm.SERVICE_ROLE).expect(200).json();
        deleteWithBody(server, "/admin/realms/" + r.realm + "/users/" + id + "/role-mappings/realm", List.of(role));
        Rest.anonymous(server).passwordGrant(r.realm, "portal", null, "pat", "Ldap-123").expect(200);
        assertFalse(r.realmRoles(id).contains(SelfRegistrationRealm.SERVICE_ROLE), "not granted again");
    }

    @Test
    void companiesModeDoesNotOfferDirectoryRegistration(KeycloakServer server, Rest admin, Browser browser) {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "dir-companies", policy("COMPANIES",
                "directoryRegistration=true", "defaultServices=role:" + SelfRegistrationRealm.SERVICE_ROLE));
        r.createCompany("corp", "corp.test", true, List.of("portal", "email", "identityProvider", "directory"), List.of(), false);
        connectDirectory(admin, r);

        Page refused = RegistrationPages.login(browser.open(r.loginUrl(server)), "quinn", "Ldap-123");
        assertContains(RegistrationPages.text(refused), "Registration with your directory (Windows) account is not available", "browser");
        assertNotEquals(200, Rest.anonymous(server).passwordGrant(r.realm, "portal", null, "quinn", "Ldap-123").status(),
                "direct sign-in refused too");

        // nothing of the refused sign-ins stayed: once allowed, quinn is registered (and granted) afresh
        r.setPolicy(policy("ANYONE", "directoryRegistration=true", "defaultServices=role:" + SelfRegistrationRealm.SERVICE_ROLE));
        Rest.anonymous(server).passwordGrant(r.realm, "portal", null, "quinn", "Ldap-123").expect(200);
        assertTrue(r.realmRoles(r.user("quinn").path("id").asText()).contains(SelfRegistrationRealm.SERVICE_ROLE));
    }

    @Test
    void anyoneModeWithDirectoryRegistrationOffRefuses(KeycloakServer server, Rest admin, Browser browser) {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "dir-off", policy("ANYONE",
                "directoryRegistration=false"));
        connectDirectory(admin, r);

        Page refused = RegistrationPages.login(browser.open(r.loginUrl(server)), "rosa", "Ldap-123");
        assertContains(RegistrationPages.text(refused), "This way of registering is not available", "browser");
    }

    @Test
    void refusedDirectoryUsersAreSkippedQuietlyInSearchesAndSyncsAndRefusedAtSignIn(KeycloakServer server, Rest admin,
                                                                                    Browser browser) throws Exception {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "dir-quiet", policy("COMPANIES",
                "directoryRegistration=true", "defaultServices=role:" + SelfRegistrationRealm.SERVICE_ROLE));
        r.createCompany("corp", "corp.test", true, List.of("portal", "email", "identityProvider", "directory"), List.of(), false);
        String ldapId = connectDirectory(admin, r);
        String users = "/admin/realms/" + r.realm + "/users";
        long logStart = server.logLength();

        // an admin's search that reaches the directory: answered, without the refused users
        List<JsonNode> found = admin.get(users + "?search=sam").expect(200).list();
        assertTrue(found.isEmpty(), "refused directory user listed: " + found);
        assertTrue(admin.get(users + "?username=tess&exact=true").expect(200).list().isEmpty(), "exact username search");
        assertTrue(admin.get(users + "?email=uma@corp.test").expect(200).list().isEmpty(), "email search");
        assertTrue(admin.get(users).expect(200).list().isEmpty(), "list of all users");

        // full and changed-users sync: completes, imports no one
        String sync = "/admin/realms/" + r.realm + "/user-storage/" + ldapId + "/sync?action=";
        admin.post(sync + "triggerFullSync", Map.of()).expect(200);
        admin.post(sync + "triggerChangedUsersSync", Map.of()).expect(200);
        assertTrue(admin.get(users).expect(200).list().isEmpty(), "nothing imported by the syncs");

        // quietly: the searches and syncs log INFO lines of ours, never an error or a stack trace; the one WARN
        // line Keycloak's LDAP provider writes when a search skips a user must carry the policy's reason
        String log = server.logSince(logStart);
        List<String> loud = log.lines()
                .filter(l -> ((l.contains(" ERROR ") || l.contains(" WARN ")) && (l.contains("LDAP") || l.contains("ldap")
                        || l.contains("portalaccess") || l.contains(r.realm)))
                        || l.startsWith("\tat org.keycloak.storage.ldap") || l.startsWith("\tat dev.portalaccess"))
                .filter(l -> !(l.contains(" WARN ") && l.contains("Duplicated user importing from LDAP")
                        && l.contains("the self-registration policy refuses directory registration")))
                .toList();
        assertTrue(loud.isEmpty(), "refusals logged loudly:\n" + String.join("\n", loud));
        assertTrue(log.lines().anyMatch(l -> l.contains(" INFO ") && l.contains("directory user sam")), "refusal logged at INFO:\n" + log);

        // sign-in: refused with the message, never a server error
        long signInStart = server.logLength();
        Rest.Response grant = Rest.anonymous(server).passwordGrant(r.realm, "portal", null, "sam", "Ldap-123");
        assertTrue(grant.status() == 400 || grant.status() == 401, "password grant: " + grant.status() + " " + grant.body());
        assertEquals("invalid_grant", grant.json().path("error").asText(), grant.body());
        assertContains(grant.json().path("error_description").asText(),
                "Registration with your directory (Windows) account is not available", "password grant");
        Page refused = RegistrationPages.login(browser.open(r.loginUrl(server)), "tess", "Ldap-123");
        assertEquals(400, refused.getWebResponse().getStatusCode(), "browser sign-in status");
        assertContains(RegistrationPages.text(refused), "Registration with your directory (Windows) account is not available", "browser");
        assertTrue(r.user("sam").isMissingNode() && r.user("tess").isMissingNode(), "nothing of the refused sign-ins stays");
        List<String> errors = server.logSince(signInStart).lines().filter(l -> l.contains(" ERROR ")).toList();
        assertTrue(errors.isEmpty(), "server errors at sign-in:\n" + String.join("\n", errors));

        // once the policy allows it, a sync imports them with the default services, once
        r.setPolicy(policy("ANYONE", "directoryRegistration=true", "defaultServices=role:" + SelfRegistrationRealm.SERVICE_ROLE));
        admin.post(sync + "triggerFullSync", Map.of()).expect(200);
        String samId = r.user("sam").path("id").asText();
        assertFalse(samId.isEmpty(), "allowed directory user imported by the sync");
        assertTrue(r.realmRoles(samId).contains(SelfRegistrationRealm.SERVICE_ROLE), "default service granted");
        JsonNode role = admin.get("/admin/realms/" + r.realm + "/roles/" + SelfRegistrationRealm.SERVICE_ROLE).expect(200).json();
        deleteWithBody(server, users + "/" + samId + "/role-mappings/realm", List.of(role));
        admin.post(sync + "triggerFullSync", Map.of()).expect(200);
        admin.post(sync + "triggerChangedUsersSync", Map.of()).expect(200);
        Rest.anonymous(server).passwordGrant(r.realm, "portal", null, "sam", "Ldap-123").expect(200);
        assertFalse(r.realmRoles(samId).contains(SelfRegistrationRealm.SERVICE_ROLE), "granted once, not again by later syncs or sign-ins");
    }

    /** DELETE with a JSON body (role mappings), as the master admin. */
    static void deleteWithBody(KeycloakServer server, String path, Object body) throws Exception {
        String token = Rest.anonymous(server).passwordGrant("master", "admin-cli", null, KeycloakServer.ADMIN_USER,
                KeycloakServer.ADMIN_PASSWORD).expect(200).json().path("access_token").asText();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(Rest.JSON.writeValueAsString(body))).build();
        int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        assertTrue(status == 204, "DELETE " + path + " answered " + status);
    }

    /** The realm's LDAP user federation (vendor "other") with the self-registration mapper. */
    static String connectDirectory(Rest admin, SelfRegistrationRealm r) {
        String realmId = r.realmRep().path("id").asText();
        Map<String, List<String>> config = new HashMap<>();
        config.put("enabled", List.of("true"));
        config.put("vendor", List.of("other"));
        config.put("connectionUrl", List.of("ldap://127.0.0.1:" + directory.getListenPort()));
        config.put("bindDn", List.of("cn=admin," + BASE_DN));
        config.put("bindCredential", List.of("admin-secret"));
        config.put("authType", List.of("simple"));
        config.put("usersDn", List.of(PEOPLE));
        config.put("usernameLDAPAttribute", List.of("uid"));
        config.put("rdnLDAPAttribute", List.of("uid"));
        config.put("uuidLDAPAttribute", List.of("entryUUID"));
        config.put("userObjectClasses", List.of("inetOrgPerson, organizationalPerson"));
        config.put("searchScope", List.of("1"));
        config.put("editMode", List.of("READ_ONLY"));
        config.put("importEnabled", List.of("true"));
        config.put("syncRegistrations", List.of("false"));
        config.put("pagination", List.of("false"));
        config.put("cachePolicy", List.of("NO_CACHE"));
        String ldapId = admin.post("/admin/realms/" + r.realm + "/components", Map.of("name", "directory", "providerId", "ldap",
                "providerType", "org.keycloak.storage.UserStorageProvider", "parentId", realmId, "config", config))
                .expect(201).createdId();
        admin.post("/admin/realms/" + r.realm + "/components", Map.of("name", "self-registration",
                "providerId", "portal-access-selfreg-directory",
                "providerType", "org.keycloak.storage.ldap.mappers.LDAPStorageMapper", "parentId", ldapId, "config", Map.of()))
                .expect(201);
        return ldapId;
    }
}
