package dev.portalaccess.keycloak.it.registration;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.htmlunit.Page;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

/** Filling Keycloak's login pages (keycloak.v2 templates, JavaScript off). */
final class RegistrationPages {

    private RegistrationPages() {
    }

    /** Fills the registration form and submits it; returns the page that follows. */
    static Page register(HtmlPage registrationPage, String username, String email, String password) {
        HtmlForm form = registrationPage.getHtmlElementById("kc-register-form");
        set(form, "username", username);
        set(form, "email", email);
        set(form, "firstName", "Reg");
        set(form, "lastName", "Istrant");
        set(form, "password", password);
        set(form, "password-confirm", password);
        return submit(form);
    }

    /** Fills the username/password login form and submits it. */
    static Page login(HtmlPage loginPage, String username, String password) {
        HtmlForm form = loginPage.getHtmlElementById("kc-form-login");
        set(form, "username", username);
        set(form, "password", password);
        return submit(form);
    }

    static void set(HtmlForm form, String name, String value) {
        if (!form.getInputsByName(name).isEmpty()) {
            HtmlInput input = form.getInputByName(name);
            input.setValue(value);
        }
    }

    static Page submit(HtmlForm form) {
        HtmlElement button = form.getFirstByXPath(".//*[@type='submit']");
        if (button == null) {
            throw new AssertionError("no submit button in form " + form.getId() + ": " + form.asXml());
        }
        try {
            return button.click();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Page page) {
        return page instanceof HtmlPage html ? html.asNormalizedText() : page.getWebResponse().getContentAsString();
    }
}
