package dev.portalaccess.keycloak.it.registration;

import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.assertContains;
import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** The registration form ("Create an account") obeys the realm's self-registration policy in every mode. */
@KeycloakIntegrationTest
class RegistrationFormPolicyIT {

    @Test
    void anyoneModeRegistersWithTheDefaultServices(KeycloakServer server, Rest admin, Browser browser) {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "reg-anyone", policy("ANYONE",
                "portalRegistration=true", "defaultServices=role:" + SelfRegistrationRealm.SERVICE_ROLE + "##group:/"
                        + SelfRegistrationRealm.SERVICE_GROUP));

        Page after = RegistrationPages.register(browser.open(r.registrationUrl(server)), "anna", "anna@anywhere.test", "Secret-123");

        JsonNode user = r.user("anna");
        assertFalse(user.isMissingNode(), "registered; page was: " + RegistrationPages.text(after));
        assertTrue(r.realmRoles(user.path("id").asText()).contains(SelfRegistrationRealm.SERVICE_ROLE), "default role granted");
        assertEquals(List.of("/" + SelfRegistrationRealm.SERVICE_GROUP), r.groups(user.path("id").asText()), "default group joined");
        assertTrue(r.realmRep().path("registrationAllowed").asBoolean(), "registration link shown");
    }

    @Test
    void companiesModeMakesAMatchingRegistrantAnEmployeeWithTheCompanyServicesOnceVerified(KeycloakServer server, Rest admin, Browser browser) {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "reg-company", policy("COMPANIES",
                "defaultServices=role:" + SelfRegistrationRealm.SERVICE_ROLE));
        String acme = r.createCompany("acme", "acme.test", true, List.of("portal"),
                List.of("role:" + SelfRegistrationRealm.COMPANY_ROLE), false);

        RegistrationPages.register(browser.open(r.registrationUrl(server)), "bob", "bob@eu.acme.test", "Secret-123");

        JsonNode user = r.user("bob");
        assertFalse(user.isMissingNode(), "an employee (subdomain of the accepted domain) registers");
        String id = user.path("id").asText();
        assertFalse(r.memberIds(acme).contains(id), "no membership before the address is verified");
        VerifiedCompanyGrantIT.setEmailVerified(admin, r, id);
        assertTrue(r.memberIds(acme).contains(id), "member of the company once the address is verified");
        List<String> roles = r.realmRoles(id);
        assertTrue(roles.contains(SelfRegistrationRealm.COMPANY_ROLE), "company service granted: " + roles);
        assertFalse(roles.contains(SelfRegistrationRealm.SERVICE_ROLE), "realm default services are for ANYONE mode only");
    }

    @Test
    void companiesModeRefusesEveryoneElseWithAClearMessage(KeycloakServer server, Rest admin, Browser browser) {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "reg-refuse", policy("COMPANIES"));
        r.createCompany("acme", "acme.test", true, List.of("portal"), List.of(), false);
        r.createCompany("notyet", "notyet.test", false, List.of("portal"), List.of(), false);
        r.createCompany("mailonly", "mailonly.test", true, List.of("email"), List.of(), false);

        Page stranger = RegistrationPages.register(browser.open(r.registrationUrl(server)), "carl", "carl@elsewhere.test", "Secret-123");
        assertContains(RegistrationPages.text(stranger), "Registration is only open to employees of permitted companies", "stranger");
        Page notPermitted = RegistrationPages.register(browser.open(r.registrationUrl(server)), "dora", "dora@notyet.test", "Secret-123");
        assertContains(RegistrationPages.text(notPermitted), "Registration is only open to employees of permitted companies", "company not permitted");
        Page wrongMethod = RegistrationPages.register(browser.open(r.registrationUrl(server)), "emil", "emil@mailonly.test", "Secret-123");
        assertContains(RegistrationPages.text(wrongMethod), "Your company does not allow registering this way", "method off for company");

        assertTrue(r.user("carl").isMissingNode() && r.user("dora").isMissingNode() && r.user("emil").isMissingNode(),
                "no account created");
        assertTrue(r.events("REGISTER_ERROR").stream().anyMatch(e ->
                "self_registration_company_not_permitted".equals(e.path("error").asText())), "refusal recorded as a user event");
    }

    @Test
    void noneModeHidesTheLinkAndRefusesTheRegistrationEndpoint(KeycloakServer server, Rest admin, Browser browser) {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "reg-none", policy("ANYONE"));
        assertTrue(r.realmRep().path("registrationAllowed").asBoolean());
        HtmlPage loginBefore = browser.open(r.loginUrl(server));
        assertTrue(loginBefore.asXml().contains("/login-actions/registration"), "link shown while open");

        r.setPolicy(policy("NONE"));

        assertFalse(r.realmRep().path("registrationAllowed").asBoolean(), "registration switch follows the policy");
        HtmlPage loginAfter = browser.open(r.loginUrl(server));
        assertFalse(loginAfter.asXml().contains("/login-actions/registration"), "link hidden");
        Page endpoint = browser.get(r.registrationUrl(server));
        assertFalse(RegistrationPages.text(endpoint).contains("kc-register-form"), "no registration form");
        assertTrue(((HtmlPage) endpoint).getElementById("kc-register-form") == null, "registration endpoint refused");
    }

    @Test
    void anyoneModeWithThePortalMethodOffRefusesTheForm(KeycloakServer server, Rest admin, Browser browser) {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "reg-off", policy("ANYONE"));
        HtmlPage form = browser.open(r.registrationUrl(server));

        // the admin switches the portal method off while a registrant has the form open
        r.setPolicy(policy("ANYONE", "portalRegistration=false", "emailRegistration=true"));
        assertFalse(r.realmRep().path("registrationAllowed").asBoolean(), "link hidden when the form is off");

        Page after = RegistrationPages.register(form, "fred", "fred@anywhere.test", "Secret-123");
        assertTrue(r.user("fred").isMissingNode(), "no account: " + RegistrationPages.text(after));
    }
}
