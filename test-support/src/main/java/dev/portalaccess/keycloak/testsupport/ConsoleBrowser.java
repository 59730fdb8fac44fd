package dev.portalaccess.keycloak.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for pages that need JavaScript (the Portal Access console), driven by Selenium through the
 * machine's chromedriver: Debian's {@code chromium} and {@code chromium-driver}, nothing downloaded at run time
 * (override the paths with {@code portalaccess.chromium} and {@code portalaccess.chromedriver}). Each browser has a
 * fresh profile, deleted on close. A screenshot of the last page is written to
 * {@code target/screenshots/<name>.png} on close, so every run keeps one per test; {@link #screenshot(String)}
 * takes more, and a failing test gets {@code <name>-failure.png} (see {@link KeycloakServerExtension}).
 * One browser per test: close it (try-with-resources), or take it as a test parameter.
 */
public final class ConsoleBrowser implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConsoleBrowser.class);

    /** Where screenshots go: the module's target folder (failsafe runs with the module as working directory). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Duration WAIT = Duration.ofSeconds(Long.getLong("portalaccess.browser.waitSeconds", 60));

    private final String name;
    private final Path profile;
    private final ChromeDriver driver;
    private final Thread quitOnExit;
    private boolean closed;

    private ConsoleBrowser(String name, Path profile, ChromeDriver driver) {
        this.name = name;
        this.profile = profile;
        this.driver = driver;
        // a test JVM that is stopped (Ctrl-C, a killed fork) must not leave Chromium and chromedriver running
        this.quitOnExit = new Thread(() -> {
            driver.quit();
            deleteProfile(profile);
        }, "console-browser-quit");
        Runtime.getRuntime().addShutdownHook(quitOnExit);
    }

    /** A browser in English. {@code name} names its screenshots (use the test's name). */
    public static ConsoleBrowser start(String name) {
        return start(name, "en-US");
    }

    /** A browser whose language (navigator.languages, Accept-Language) is {@code language}, e.g. "de-DE". */
    public static ConsoleBrowser start(String name, String language) {
        Path profile;
        try {
            profile = Files.createTempDirectory("portal-access-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("portalaccess.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,900",
                "--lang=" + language, "--no-first-run", "--no-default-browser-check");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("portalaccess.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT);
            return new ConsoleBrowser(name, profile, driver);
        } catch (RuntimeException e) {
            deleteProfile(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public String name() {
        return name;
    }

    public ConsoleBrowser open(String url) {
        driver.get(url);
        return this;
    }

    /** Runs JavaScript in the page (Selenium's executeScript); returns its result. */
    public Object script(String javaScript, Object... args) {
        return driver.executeScript(javaScript, args);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** The first visible element matching {@code by}, waiting for it. */
    public WebElement waitFor(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by), "visible " + by);
    }

    /** Waits until the element matching {@code by} shows {@code text} (a part of its text); returns it. */
    public WebElement waitForText(By by, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(by, text), by + " showing \"" + text + "\"");
        return driver.findElement(by);
    }

    /** Waits for a condition of the page; fails naming {@code what} and the page's URL. */
    public <T> T until(Function<WebDriver, T> condition, String what) {
        try {
            return new WebDriverWait(driver, WAIT).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + WAIT.toSeconds() + " s waiting for " + what + " on "
                    + driver.getCurrentUrl() + "\nPage text:\n" + bodyText(), e);
        }
    }

    /** The page's visible text (for failure messages). */
    public String bodyText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(no body: " + e.getMessage() + ")";
        }
    }

    public WebElement byTestId(String testId) {
        return waitFor(testId(testId));
    }

    public static By testId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    /**
     * Signs in on Keycloak's login page (which the console redirects to): waits for the form, types the
     * credentials, submits. Handles the identity-first page Keycloak shows in realms with organizations (the
     * username alone, then the password on a second page).
     */
    public ConsoleBrowser signIn(String username, String password) {
        WebElement user = waitFor(By.id("username"));
        user.clear();
        user.sendKeys(username);
        if (driver.findElements(By.id("password")).isEmpty()) {
            driver.findElement(By.id("kc-login")).click();
        }
        WebElement secret = waitFor(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        return this;
    }

    /** The browser console's messages of level SEVERE since the last call (CSP violations, script errors, ...). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Saves the page as {@code target/screenshots/<name>-<suffix>.png}; returns the file. */
    public Path screenshot(String suffix) {
        return saveScreenshot(suffix == null || suffix.isEmpty() ? name : name + "-" + suffix);
    }

    private Path saveScreenshot(String fileName) {
        Path target = SCREENSHOTS.resolve(fileName.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            LOG.infof("Screenshot %s", target.toAbsolutePath());
            return target;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not save screenshot %s: %s", target, e.getMessage());
            return target;
        }
    }

    /** Screenshot as {@code <name>.png}, then quit the browser and delete its profile. Once; later calls do nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(quitOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook quits the browser
        }
        try {
            saveScreenshot(name);
        } finally {
            try {
                driver.quit();
            } finally {
                deleteProfile(profile);
            }
        }
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("Could not delete browser profile %s: %s", profile, e.getMessage());
        }
    }
}
