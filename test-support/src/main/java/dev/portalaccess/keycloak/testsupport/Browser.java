package dev.portalaccess.keycloak.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;

/**
 * A real (headless) browser: HtmlUnit, with cookies, redirects and forms, JavaScript off. Keycloak's
 * login pages work without JavaScript. One browser per test: close it (try-with-resources).
 */
public final class Browser implements AutoCloseable {

    private final WebClient client;

    public Browser() {
        client = new WebClient(BrowserVersion.FIREFOX);
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setRedirectEnabled(true);
        client.getOptions().setTimeout(60_000);
    }

    public HtmlPage open(String url) {
        Page page = get(url);
        if (page instanceof HtmlPage html) {
            return html;
        }
        throw new AssertionError(url + " is not an HTML page: " + page.getWebResponse().getContentType()
                + " " + page.getWebResponse().getStatusCode());
    }

    public Page get(String url) {
        try {
            return client.getPage(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
