package dev.portalaccess.keycloak.it.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** A partner user picks the tenant at sign-in (Keycloak's organization selection); the token carries it. */
@KeycloakIntegrationTest
class PartnerTenantTokenIT {

    @Test
    void partnerUserPicksATenantAndLosesItOnTheNextRefreshAfterRevoke(KeycloakServer server, Rest admin, Browser browser) throws Exception {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String north = r.tenant("north");
        String south = r.tenant("south");
        String alice = r.staff("alice");
        String bob = r.staff("bob");
        for (String t : new String[] {north, south}) {
            r.grant(t, alice).expect(201);
            r.grant(t, bob).expect(201);
        }

        String callback = server.baseUrl() + "/realms/" + r.name + "/portal-callback";
        String url = server.baseUrl() + "/realms/" + r.name + "/protocol/openid-connect/auth?client_id=portal&response_type=code"
                + "&scope=" + URLEncoder.encode("openid organization", StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(callback, StandardCharsets.UTF_8);
        Page page = browser.get(url);
        boolean picked = false;
        for (int step = 0; step < 6 && !page.getUrl().toString().startsWith(callback); step++) {
            HtmlPage html = (HtmlPage) page;
            HtmlButton tenantButton = html.getFirstByXPath("//button[@name='kc.org' and @value='south']");
            if (tenantButton != null) {
                assertNotNull(html.getFirstByXPath("//button[@name='kc.org' and @value='north']"), "both tenants offered");
                picked = true;
                page = tenantButton.click();
                continue;
            }
            HtmlForm form = html.getForms().get(0);
            fill(form, "username", "alice");
            fill(form, "password", PartnerRealm.PASSWORD);
            HtmlElement submit = form.getFirstByXPath(".//*[@type='submit']");
            page = submit.click();
        }
        assertTrue(picked, "the organization selection offered the user's tenants");
        String location = page.getUrl().toString();
        assertTrue(location.startsWith(callback) && location.contains("code="), "signed in: " + location);
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]*).*", "$1"), StandardCharsets.UTF_8);

        JsonNode tokens = Rest.anonymous(server).postForm("/realms/" + r.name + "/protocol/openid-connect/token", Map.of(
                "grant_type", "authorization_code", "client_id", "portal", "code", code, "redirect_uri", callback)).expect(200).json();
        JsonNode claim = Rest.jwtPayload(tokens.get("access_token").asText()).get("organization");
        assertNotNull(claim, "organization claim");
        assertTrue(claim.toString().contains("south"), "the chosen tenant: " + claim);
        assertFalse(claim.toString().contains("north"), "only the chosen tenant: " + claim);

        r.revoke(south, alice).expect(204);

        Rest.Response refreshed = Rest.anonymous(server).refreshGrant(r.name, "portal", null, tokens.get("refresh_token").asText());
        if (refreshed.status() == 200) {
            JsonNode after = Rest.jwtPayload(refreshed.json().get("access_token").asText()).path("organization");
            assertFalse(after.toString().contains("south"), "revoked tenant gone after refresh: " + after);
        } else {
            assertEquals(400, refreshed.status(), "refresh refused: " + refreshed.body());
        }
    }

    private static void fill(HtmlForm form, String name, String value) {
        for (HtmlInput input : form.getInputsByName(name)) {
            if (!"hidden".equals(input.getTypeAttribute())) {
                input.setValue(value);
            }
        }
    }
}
