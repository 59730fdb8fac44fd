package dev.portalaccess.keycloak.it.console;

import static dev.portalaccess.keycloak.testsupport.ConsoleBrowser.testId;

import java.util.List;

import dev.portalaccess.keycloak.testsupport.ConsoleBrowser;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** What a person does on the customer pages, in Selenium terms: type, pick, switch, click, read. */
final class CustomerPages {

    final ConsoleBrowser browser;

    CustomerPages(ConsoleBrowser browser) {
        this.browser = browser;
    }

    WebElement el(String testId) {
        return browser.byTestId(testId);
    }

    /** Types into a field as a person would: select what is there, replace it (React sees every key). */
    CustomerPages type(String testId, String text) {
        return type(testId(testId), text);
    }

    CustomerPages type(By by, String text) {
        WebElement field = clickable(by);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
        return this;
    }

    /** The customers list's search field (PatternFly's SearchInput: the test id is on its frame). */
    CustomerPages search(String text) {
        return type(By.cssSelector("[data-testid='customers-search'] input"), text);
    }

    CustomerPages click(String testId) {
        return click(testId(testId));
    }

    /** Clicks what {@code by} finds once it can be clicked; found again when React replaced it meanwhile. */
    CustomerPages click(By by) {
        browser.until(d -> {
            try {
                WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
                if (element == null) {
                    return false;
                }
                element.click();
                return true;
            } catch (StaleElementReferenceException | ElementClickInterceptedException e) {
                return false;
            }
        }, "click on " + by);
        return this;
    }

    WebElement clickable(By by) {
        return browser.until(ExpectedConditions.elementToBeClickable(by), "clickable " + by);
    }

    /** Clicks the element {@code testId} inside the element (a table row) {@code rowTestId}. */
    CustomerPages clickIn(String rowTestId, String testId) {
        return click(By.cssSelector("[data-testid='" + rowTestId + "'] [data-testid='" + testId + "']"));
    }

    /** A PatternFly switch: its label is what a person clicks. */
    CustomerPages flip(String inputId) {
        return click(By.cssSelector("label[for='" + inputId + "']"));
    }

    CustomerPages select(By select, String visibleText) {
        new Select(clickable(select)).selectByVisibleText(visibleText);
        return this;
    }

    CustomerPages select(String testId, String visibleText) {
        return select(testId(testId), visibleText);
    }

    String text(String testId) {
        return el(testId).getText();
    }

    /** Waits until an element of {@code testId} shows {@code text}. */
    WebElement waitForText(String testId, String text) {
        return browser.waitForText(testId(testId), text);
    }

    /** Waits for the success toast saying {@code text}. */
    void notice(String text) {
        browser.until(d -> d.findElements(testId("notice")).stream().anyMatch(n -> {
            try {
                return n.getText().contains(text);
            } catch (StaleElementReferenceException e) {
                return false;
            }
        }), "a notice saying \"" + text + "\"");
    }

    void tab(String key) {
        click("tab-" + key);
        browser.waitFor(testId("tab-body-" + key));
    }

    /** The row of a table by its test id, once it shows. */
    WebElement row(String testId) {
        return browser.waitFor(testId(testId));
    }

    WebElement within(WebElement parent, String testId) {
        return parent.findElement(testId(testId));
    }

    List<WebElement> all(String testId) {
        return browser.driver().findElements(testId(testId));
    }

    /** The alert text of the last error alert on the page (PatternFly danger alert), waiting for it. */
    String errorAlert() {
        return browser.waitFor(testId("error-alert")).getText();
    }

    String fieldError(String field) {
        return browser.waitFor(testId("field-error-" + field)).getText();
    }

    boolean gone(By by) {
        return browser.until(ExpectedConditions.invisibilityOfElementLocated(by), "gone " + by);
    }
}
