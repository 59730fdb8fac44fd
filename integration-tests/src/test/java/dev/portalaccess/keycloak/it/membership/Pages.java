package dev.portalaccess.keycloak.it.membership;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

/** Small steps on Keycloak's login pages in the (JavaScript-less) test browser. */
final class Pages {

    private Pages() {
    }

    /** Fills the named inputs of the form with id {@code formId} and presses its submit button. */
    static Page submit(HtmlPage page, String formId, Map<String, String> values) {
        DomElement element = page.getElementById(formId);
        if (!(element instanceof HtmlForm form)) {
            throw new AssertionError("No form '" + formId + "' on " + page.getUrl() + ":\n" + page.asNormalizedText());
        }
        values.forEach((name, value) -> {
            HtmlInput input = form.getInputByName(name);
            if (!input.isReadOnly()) {
                input.setValue(value);
            }
        });
        try {
            HtmlElement button = form.getFirstByXPath(".//*[@type='submit']");
            if (button == null) {
                throw new AssertionError("No submit button in form '" + formId + "' on " + page.getUrl());
            }
            return button.click();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Follows the first link whose href contains {@code hrefPart}. */
    static Page follow(HtmlPage page, String hrefPart) {
        for (HtmlAnchor anchor : page.getAnchors()) {
            if (anchor.getHrefAttribute().contains(hrefPart)) {
                try {
                    return anchor.click();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new AssertionError("No link containing '" + hrefPart + "' on " + page.getUrl() + ":\n" + page.asNormalizedText());
    }

    /**
     * Submits the auto-posting SAML forms (SAMLRequest/SAMLResponse) that a JavaScript browser would post
     * on load, until a page without one is reached.
     */
    static Page postSamlForms(WebClient client, Page page) {
        Page current = page;
        for (int i = 0; i < 5 && current instanceof HtmlPage html; i++) {
            HtmlForm samlForm = html.getForms().stream()
                    .filter(f -> !f.getInputsByName("SAMLResponse").isEmpty() || !f.getInputsByName("SAMLRequest").isEmpty())
                    .findFirst().orElse(null);
            if (samlForm == null) {
                return current;
            }
            try {
                current = client.getPage(samlForm.getWebRequest(null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return current;
    }

    static String text(Page page) {
        return page instanceof HtmlPage html ? html.asNormalizedText() : page.getWebResponse().getContentAsString();
    }
}
