package dev.portalaccess.keycloak.it.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import org.htmlunit.Page;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each portal realm (imported from realm-config) shows its own login theme in a real browser: the
 * portal's title and welcome line, its own stylesheet after keycloak.v2's, and its own SVG logo set
 * by that stylesheet. Fails when a theme's CSS, logo or messages are missing.
 */
@KeycloakIntegrationTest
class LoginThemesIT {

    /** The portal client is public with PKCE S256 required: a fixed, valid challenge. */
    private static final String AUTH_QUERY = "?client_id=portal&response_type=code&scope=openid"
            + "&redirect_uri=http://localhost:3000/cb"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

    private static final Pattern LOGO_URL = Pattern.compile(
            "--keycloak-logo-url\\s*:\\s*url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");
    private static final Pattern PRIMARY_COLOUR = Pattern.compile(
            "--pf-v5-global--primary-color--100\\s*:\\s*([^;]+);");

    static Stream<Arguments> portals() {
        return Stream.of(
                Arguments.of("enterprise-portal", "Sign in | Acme Enterprise Portal", "Welcome to Acme Enterprise Portal",
                        "Acme Enterprise Portal", "Anmelden | Acme Enterprise Portal"),
                Arguments.of("customer-portal", "Sign in | Distr Customer Portal", "Welcome back to Distr",
                        "Distr Customer Portal", "Anmelden | Distr Customer Portal"),
                Arguments.of("partner-portal", "Sign in | Enclave Partner Portal", "Welcome, partner",
                        "Enclave Partner Portal", "Anmelden | Enclave Partner Portal"),
                Arguments.of("service-desk", "Sign in | Service Desk", "Hi there! How can we help?",
                        "Service Desk", "Anmelden | Service Desk"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("portals")
    void loginPageShowsThePortalsOwnTheme(String realm, String title, String welcome, String wordmark, String germanTitle,
                                          KeycloakServer server, Browser browser) {
        HtmlPage page = openLogin(server, browser, realm, "");

        assertEquals(title, page.getTitleText(), realm + ": page title from the theme's loginTitle");
        assertEquals(welcome, text(page, "#kc-page-title"), realm + ": welcome line (loginAccountTitle)");
        assertEquals(wordmark, text(page, "#kc-header-wrapper div.kc-logo-text span"),
                realm + ": header logo element from loginTitleHtml");
        assertTrue(!text(page, "#portal-tagline").isBlank(), realm + ": tagline from the theme's footer.ftl");

        ThemeStyles styles = themeStyles(page, realm);
        assertTrue(styles.parentIndex < styles.ownIndex,
                realm + ": its CSS is listed after keycloak.v2's css/styles.css, so it wins: " + styles.hrefs);

        Page css = browser.get(styles.ownUrl.toString());
        WebResponse cssResponse = css.getWebResponse();
        assertEquals(200, cssResponse.getStatusCode(), realm + ": " + styles.ownUrl + " answers");
        assertTrue(cssResponse.getContentType().startsWith("text/css"), realm + ": CSS content type " + cssResponse.getContentType());
        String cssText = cssResponse.getContentAsString();

        Matcher primary = PRIMARY_COLOUR.matcher(cssText);
        assertTrue(primary.find(), realm + ": the CSS sets PatternFly's primary colour (buttons, links)");

        URL logoUrl = logoUrl(realm, styles.ownUrl, cssText);
        assertTrue(logoUrl.getPath().endsWith("/login/" + realm + "/img/logo.svg"), realm + ": logo from its own theme: " + logoUrl);
        WebResponse logo = browser.get(logoUrl.toString()).getWebResponse();
        assertEquals(200, logo.getStatusCode(), realm + ": " + logoUrl + " answers");
        assertTrue(logo.getContentType().startsWith("image/svg+xml"), realm + ": logo content type " + logo.getContentType());
        String svg = logo.getContentAsString();
        assertTrue(svg.contains("<svg") && svg.contains("<title id=\"title\">" + wordmark + "</title>"),
                realm + ": the logo is the portal's SVG: " + svg.substring(0, Math.min(200, svg.length())));

        HtmlPage german = openLogin(server, browser, realm, "&ui_locales=de");
        assertEquals(germanTitle, german.getTitleText(), realm + ": German messages of the theme");
    }

    @Test
    void everyPortalLooksDifferent(KeycloakServer server, Browser browser) {
        List<String> realms = portals().map(a -> (String) a.get()[0]).toList();
        Set<String> titles = new HashSet<>();
        Set<String> welcomes = new HashSet<>();
        Set<String> stylesheets = new HashSet<>();
        Set<String> logos = new HashSet<>();
        Set<String> primaryColours = new HashSet<>();
        for (String realm : realms) {
            HtmlPage page = openLogin(server, browser, realm, "");
            titles.add(page.getTitleText());
            welcomes.add(text(page, "#kc-page-title"));
            URL cssUrl = themeStyles(page, realm).ownUrl;
            WebResponse css = browser.get(cssUrl.toString()).getWebResponse();
            assertEquals(200, css.getStatusCode(), realm + ": " + cssUrl + " answers");
            String cssText = css.getContentAsString();
            stylesheets.add(cssText);
            WebResponse logo = browser.get(logoUrl(realm, cssUrl, cssText).toString()).getWebResponse();
            assertEquals(200, logo.getStatusCode(), realm + ": logo answers");
            logos.add(logo.getContentAsString());
            Matcher primary = PRIMARY_COLOUR.matcher(cssText);
            assertTrue(primary.find(), realm + ": primary colour set");
            primaryColours.add(primary.group(1).trim());
        }
        assertEquals(realms.size(), titles.size(), "each portal has its own title: " + titles);
        assertEquals(realms.size(), welcomes.size(), "each portal has its own welcome line: " + welcomes);
        assertEquals(realms.size(), stylesheets.size(), "each portal has its own stylesheet");
        assertEquals(realms.size(), logos.size(), "each portal has its own logo");
        assertEquals(realms.size(), primaryColours.size(), "each portal has its own brand colour: " + primaryColours);
    }

    private static HtmlPage openLogin(KeycloakServer server, Browser browser, String realm, String extraQuery) {
        String url = server.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/auth" + AUTH_QUERY + extraQuery;
        HtmlPage page = browser.open(url);
        assertEquals(200, page.getWebResponse().getStatusCode(), realm + ": login page " + url);
        return page;
    }

    private static String text(HtmlPage page, String selector) {
        DomNode node = page.querySelector(selector);
        assertNotNull(node, "no " + selector + " on " + page.getUrl() + ":\n" + page.asXml());
        return node.getTextContent().trim();
    }

    /** Where the page links keycloak.v2's styles.css and the theme's own {@code css/<realm>.css}. */
    private static ThemeStyles themeStyles(HtmlPage page, String realm) {
        Pattern parent = Pattern.compile("/resources/[^/]+/login/" + Pattern.quote(realm) + "/css/styles\\.css$");
        Pattern own = Pattern.compile("/resources/[^/]+/login/" + Pattern.quote(realm) + "/css/" + Pattern.quote(realm) + "\\.css$");
        List<String> hrefs = new ArrayList<>();
        int parentIndex = -1;
        int ownIndex = -1;
        URL ownUrl = null;
        for (DomNode node : page.querySelectorAll("link[rel=stylesheet]")) {
            String href = ((DomElement) node).getAttribute("href");
            hrefs.add(href);
            try {
                URL url = page.getFullyQualifiedUrl(href);
                if (parent.matcher(url.getPath()).find()) {
                    parentIndex = hrefs.size() - 1;
                }
                if (own.matcher(url.getPath()).find()) {
                    ownIndex = hrefs.size() - 1;
                    ownUrl = url;
                }
            } catch (MalformedURLException e) {
                throw new AssertionError(realm + ": bad stylesheet href " + href, e);
            }
        }
        assertNotNull(ownUrl, realm + ": a <link rel=stylesheet> to the theme's css/" + realm + ".css; links: " + hrefs);
        assertTrue(parentIndex >= 0, realm + ": keycloak.v2's css/styles.css is still linked: " + hrefs);
        return new ThemeStyles(hrefs, parentIndex, ownIndex, ownUrl);
    }

    /** The logo the theme's CSS sets on div.kc-logo-text through --keycloak-logo-url, resolved against the CSS. */
    private static URL logoUrl(String realm, URL cssUrl, String cssText) {
        Matcher logo = LOGO_URL.matcher(cssText);
        assertTrue(logo.find(), realm + ": the theme CSS sets --keycloak-logo-url");
        assertTrue(logo.group(1).endsWith("img/logo.svg"), realm + ": logo is img/logo.svg, not " + logo.group(1));
        try {
            return new URL(cssUrl, logo.group(1));
        } catch (MalformedURLException e) {
            throw new AssertionError(realm + ": bad logo URL " + logo.group(1), e);
        }
    }

    private record ThemeStyles(List<String> hrefs, int parentIndex, int ownIndex, URL ownUrl) {
    }
}
