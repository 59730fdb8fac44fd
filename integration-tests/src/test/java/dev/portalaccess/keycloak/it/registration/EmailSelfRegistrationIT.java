package dev.portalaccess.keycloak.it.registration;

import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.assertContains;
import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** {@code POST /realms/{realm}/self-registration/email}: the mail intake registers senders under the policy. */
@KeycloakIntegrationTest
class EmailSelfRegistrationIT {

    private static final String INTAKE_SECRET = "intake-secret";

    @Test
    void onlyTheIntakeServiceAccountMayCallAndOthersLearnNothing(KeycloakServer server, Rest admin) {
        SelfRegistrationRealm r = setUp(admin, server, policy("ANYONE", "emailRegistration=true"));
        TestRealms.createUser(admin, r.realm, "known", "known@anywhere.test", "Known-123");
        Map<String, String> body = Map.of("email", "known@anywhere.test");

        Rest.Response anonymous = Rest.anonymous(server).post(endpoint(r), body).expect(401);
        assertTrue(anonymous.body() == null || anonymous.body().isBlank(), "no details without a token");

        String otherToken = Rest.anonymous(server).clientCredentialsGrant(r.realm, "other-app", "other-secret")
                .expect(200).json().path("access_token").asText();
        Rest.Response forbidden = Rest.anonymous(server).withToken(otherToken).post(endpoint(r), body).expect(403);
        assertTrue(forbidden.body() == null || forbidden.body().isBlank(), "no details without the intake role");

        Rest.Response known = intake(server, r).post(endpoint(r), body).expect(200);
        assertEquals("exists", known.json().path("result").asText());
    }

    @Test
    void anyoneModeCreatesTheSenderWithServicesAndSendsTheInvitation(KeycloakServer server, Rest admin, MailSink mail, Browser browser)
            throws Exception {
        SelfRegistrationRealm r = setUp(admin, server, policy("ANYONE", "emailRegistration=true", "grantPortalAccess=true",
                "defaultServices=role:" + SelfRegistrationRealm.SERVICE_ROLE));

        JsonNode created = intake(server, r).post(endpoint(r), Map.of("email", "Gina@Anywhere.test", "name", "Gina Gold"))
                .expect(201).json();
        assertEquals("created", created.path("result").asText());
        assertTrue(created.path("invitationSent").asBoolean());
        JsonNode user = r.user("gina@anywhere.test");
        assertEquals("Gina", user.path("firstName").asText());
        assertTrue(r.realmRoles(user.path("id").asText()).contains(SelfRegistrationRealm.SERVICE_ROLE), "default service");

        // the invitation (the module's own text in a realm without a portal email theme): set a password, then sign in
        MailSink.Mail invitation = mail.awaitMail("gina@anywhere.test", "");
        assertEquals(r.realm + " invites you to its portal", invitation.subject());
        assertContains(invitation.decodedBody(), "Set your password", "what to do");
        assertFalse(invitation.decodedBody().contains("Update Your Account"), invitation.decodedBody());
        String link = invitation.link(server.baseUrl() + "/realms/" + r.realm + "/login-actions/action-token");
        HtmlPage first = browser.open(link);
        HtmlPage page = first;
        if (first.getElementById("kc-passwd-update-form") == null) {
            // Keycloak may first ask to confirm the action ("click here to proceed")
            page = browser.open(first.getAnchors().stream().filter(a -> a.getHrefAttribute().contains("action-token"))
                    .findFirst().orElseThrow(() -> new AssertionError(first.asNormalizedText())).getHrefAttribute());
        }
        HtmlForm form = page.getHtmlElementById("kc-passwd-update-form");
        RegistrationPages.set(form, "password-new", "Invited-123");
        RegistrationPages.set(form, "password-confirm", "Invited-123");
        RegistrationPages.submit(form);
        Rest.anonymous(server).passwordGrant(r.realm, "portal", null, "gina@anywhere.test", "Invited-123").expect(200);
    }

    @Test
    void companiesModeMakesTheSenderAnEmployeeAndRefusesStrangers(KeycloakServer server, Rest admin, MailSink mail) {
        SelfRegistrationRealm r = setUp(admin, server, policy("COMPANIES"));
        String acme = r.createCompany("acme", "acme.test", true, List.of("email"),
                List.of("role:" + SelfRegistrationRealm.COMPANY_ROLE, "group:/" + SelfRegistrationRealm.SERVICE_GROUP), false);
        r.createCompany("formonly", "formonly.test", true, List.of("portal"), List.of(), false);

        JsonNode created = intake(server, r).post(endpoint(r), Map.of("email", "hank@acme.test")).expect(201).json();
        assertEquals("acme", created.path("company").asText());
        assertFalse(created.path("invitationSent").asBoolean(), "no portal access granted for this company");
        String id = created.path("userId").asText();
        // a mail from an address proves nothing (a From header is easily forged): membership waits for verification
        assertTrue(created.path("pendingVerification").asBoolean(), created.toString());
        assertEquals(0, created.path("services").size(), created.toString());
        assertFalse(r.memberIds(acme).contains(id), "not an employee before the address is verified");
        assertFalse(r.realmRoles(id).contains(SelfRegistrationRealm.COMPANY_ROLE), "no service before the address is verified");
        VerifiedCompanyGrantIT.setEmailVerified(admin, r, id);
        assertTrue(r.memberIds(acme).contains(id), "employee list");
        assertTrue(r.realmRoles(id).contains(SelfRegistrationRealm.COMPANY_ROLE));
        assertEquals(List.of("/" + SelfRegistrationRealm.SERVICE_GROUP), r.groups(id));
        assertTrue(mail.mailsTo("hank@acme.test").isEmpty(), "no invitation");

        JsonNode stranger = intake(server, r).post(endpoint(r), Map.of("email", "ida@elsewhere.test")).expect(422).json();
        assertEquals("refused", stranger.path("result").asText());
        assertEquals("selfRegistrationCompanyNotPermitted", stranger.path("error").asText());
        assertContains(stranger.path("errorMessage").asText(), "only open to employees of permitted companies", "reason");
        JsonNode formOnly = intake(server, r).post(endpoint(r), Map.of("email", "jo@formonly.test")).expect(422).json();
        assertEquals("selfRegistrationCompanyMethodDisabled", formOnly.path("error").asText());
        assertTrue(r.user("ida@elsewhere.test").isMissingNode() && r.user("jo@formonly.test").isMissingNode());
    }

    @Test
    void companiesModeWithPortalAccessSendsTheInvitation(KeycloakServer server, Rest admin, MailSink mail, Browser browser)
            throws Exception {
        SelfRegistrationRealm r = setUp(admin, server, policy("COMPANIES"));
        String globex = r.createCompany("globex", "globex.test", true, List.of("email"),
                List.of("role:" + SelfRegistrationRealm.COMPANY_ROLE), true);

        JsonNode created = intake(server, r).post(endpoint(r), Map.of("email", "kim@globex.test", "name", "Kim")).expect(201).json();
        assertTrue(created.path("invitationSent").asBoolean());
        String id = created.path("userId").asText();
        assertFalse(r.memberIds(globex).contains(id), "not an employee before the mailbox is proven");

        // opening the invitation link proves control of the mailbox: the company's membership follows
        acceptInvitation(browser, server, r, mail.awaitMail("kim@globex.test", ""), "Invited-123");
        assertTrue(r.memberIds(globex).contains(id), "employee once the invitation link was used");
        assertTrue(r.realmRoles(id).contains(SelfRegistrationRealm.COMPANY_ROLE), "company service");
        Rest.anonymous(server).passwordGrant(r.realm, "portal", null, "kim@globex.test", "Invited-123").expect(200);
    }

    /** Follows the invitation link and sets the password on Keycloak's page. */
    static void acceptInvitation(Browser browser, KeycloakServer server, SelfRegistrationRealm r, MailSink.Mail invitation,
                                 String password) throws Exception {
        String link = invitation.link(server.baseUrl() + "/realms/" + r.realm + "/login-actions/action-token");
        HtmlPage first = browser.open(link);
        HtmlPage page = first;
        if (first.getElementById("kc-passwd-update-form") == null) {
            // Keycloak may first ask to confirm the action ("click here to proceed")
            page = browser.open(first.getAnchors().stream().filter(a -> a.getHrefAttribute().contains("action-token"))
                    .findFirst().orElseThrow(() -> new AssertionError(first.asNormalizedText())).getHrefAttribute());
        }
        HtmlForm form = page.getHtmlElementById("kc-passwd-update-form");
        RegistrationPages.set(form, "password-new", password);
        RegistrationPages.set(form, "password-confirm", password);
        RegistrationPages.submit(form);
    }

    @Test
    void noneModeAndSwitchedOffMethodRefuseAndBadAddressesAreBadRequests(KeycloakServer server, Rest admin) {
        SelfRegistrationRealm r = setUp(admin, server, policy("NONE"));
        JsonNode closed = intake(server, r).post(endpoint(r), Map.of("email", "lea@anywhere.test")).expect(422).json();
        assertEquals("selfRegistrationClosed", closed.path("error").asText());

        r.setPolicy(policy("ANYONE", "emailRegistration=false"));
        JsonNode off = intake(server, r).post(endpoint(r), Map.of("email", "lea@anywhere.test")).expect(422).json();
        assertEquals("selfRegistrationMethodDisabled", off.path("error").asText());
        assertTrue(r.user("lea@anywhere.test").isMissingNode());

        JsonNode bad = intake(server, r).post(endpoint(r), Map.of("email", "not-an-address")).expect(400).json();
        assertEquals("email", bad.path("field").asText());
        assertFalse(bad.path("error").asText().isBlank());
    }

    static SelfRegistrationRealm setUp(Rest admin, KeycloakServer server, Map<String, String> policy) {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "reg-email", policy);
        String base = "/admin/realms/" + r.realm;
        String intakeId = admin.post(base + "/clients", Map.of("clientId", "mail-intake", "enabled", true, "publicClient", false,
                "secret", INTAKE_SECRET, "serviceAccountsEnabled", true, "standardFlowEnabled", false)).expect(201).createdId();
        admin.post(base + "/clients", Map.of("clientId", "other-app", "enabled", true, "publicClient", false,
                "secret", "other-secret", "serviceAccountsEnabled", true, "standardFlowEnabled", false)).expect(201);
        String serviceAccount = admin.get(base + "/clients/" + intakeId + "/service-account-user").expect(200).json().path("id").asText();
        JsonNode role = admin.get(base + "/roles/self-registration-intake").expect(200).json();
        admin.post(base + "/users/" + serviceAccount + "/role-mappings/realm", List.of(role)).expect(204);
        return r;
    }

    static Rest intake(KeycloakServer server, SelfRegistrationRealm r) {
        String token = Rest.anonymous(server).clientCredentialsGrant(r.realm, "mail-intake", INTAKE_SECRET)
                .expect(200).json().path("access_token").asText();
        return Rest.anonymous(server).withToken(token);
    }

    static String endpoint(SelfRegistrationRealm r) {
        return "/realms/" + r.realm + "/self-registration/email";
    }
}
