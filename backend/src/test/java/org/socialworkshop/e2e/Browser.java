package org.socialworkshop.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.socialworkshop.support.SignIn;

import static org.junit.jupiter.api.Assertions.fail;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * One headless Chromium per test class (starting it is the slow part), wiped between tests so each test
 * starts as a first-time visitor. Register it as a static {@code @RegisterExtension} field. Without Chromium the
 * class is skipped with the reason, except in CI ({@code CI=true}), where it fails; {@link SkippedBrowserTests}
 * sums the skips up in one line at the end of the run.
 */
final class Browser implements ExecutionCondition, BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    static final Dimension DESKTOP = new Dimension(1280, 900);

    /**
     * Chromium is newer than Selenium's bundled DevTools bindings, and Selenium warns about that on every start.
     * These tests use plain WebDriver only, so the warning is noise. Held here because JUL forgets the level of
     * a logger nobody references.
     */
    private static final List<Logger> QUIETED = List.of(
            quiet("org.openqa.selenium.devtools.CdpVersionFinder"),
            quiet("org.openqa.selenium.chromium.ChromiumDriver"));

    private final Chromium chromium = Chromium.configured();
    private ChromeDriver driver;
    private Path profile;
    private boolean failing;
    private boolean zoned;

    /** Decided before the class starts, so a machine without Chromium does not even start the application. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return chromium.missing()
                .filter(reason -> !Chromium.required())
                .map(SkippedBrowserTests::because)
                .orElseGet(() -> ConditionEvaluationResult.enabled("Chromium found, or required in CI"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        chromium.missing().ifPresent(reason -> fail("Browser tests must run in CI, but " + reason + ": "
                + Chromium.HOW_TO_INSTALL));
        profile = Files.createTempDirectory("sw-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options(chromium, profile));
        // Fail in a minute, not Selenium's five, if a page never finishes loading; the server answers any
        // request that stalls with 503 after 30 s and logs its path, so the failure says what stalled.
        driver.manage().timeouts().pageLoadTimeout(java.time.Duration.ofSeconds(60));
    }

    private static ChromeOptions options(Chromium chromium, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                "--user-data-dir=" + profile, "--lang=zh-CN");
        // Our visitors' browsers ask for Chinese; a page opened without ?lang must come up in zh-CN.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        // the console is kept, so that a test can fail on what a page logged (consoleErrors())
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        return options;
    }

    /**
     * Gives the browser a session the login endpoint handed out, with the cookies signing in would have set: the
     * session itself and the hint that tells pages someone is signed in (SignedInHint). The next page opened is
     * signed in.
     */
    void takeSession(int port, SignIn.Session session) {
        open(port, "/favicon.svg");
        driver.manage().addCookie(new Cookie.Builder("SESSION", session.session()).path("/").isHttpOnly(true).build());
        driver.manage().addCookie(new Cookie.Builder("SIGNED_IN", "1").path("/").build());
    }

    /** Resizes the window before the next page opens, e.g. to a small phone's width. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Opens {@code path} on the app under test, e.g. {@code open(port, "/login.html?lang=en")}. */
    Storefront open(int port, String path) {
        driver.get("http://localhost:" + port + path);
        return new Storefront(driver);
    }

    /**
     * Opens a staff page as staff reach it when signed out: the page's guard sends them to the login page, and
     * signing in there brings them back. A {@code ?lang} in {@code path} is remembered, so the login page speaks
     * {@code lang} too. Returns the staff page once its content is shown.
     */
    Storefront openAsStaff(int port, String path, String lang, String email, String password) {
        Storefront login = open(port, path);
        login.waitUntil(urlContains("/login.html?next="));
        login.ready(lang);
        login.element("email").sendKeys(email);
        login.element("password").sendKeys(password);
        login.element("login-submit").click();
        login.waitUntil(urlToBe("http://localhost:" + port + path));
        Storefront page = new Storefront(driver).ready(lang);
        page.waitUntil(visibilityOfElementLocated(By.cssSelector("admin-guard > .admin-content")));
        return page;
    }

    /**
     * Makes requests whose address matches one of {@code patterns} ({@code *} for any text) fail as a dropped
     * connection would, until called again without patterns or the test ends. Goes through ChromeDriver's own
     * DevTools command, not Selenium's version-bound bindings.
     */
    void failRequests(String... patterns) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(patterns)));
        failing = patterns.length > 0;
    }

    /**
     * The errors logged to the browser's console since the last call (by scripts, or by the browser itself for a
     * request answered with an error status or not answered at all), each as Chromium words it.
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /**
     * Makes the browser's clock read as in {@code zone} (an IANA id such as {@code Asia/Kolkata}), as a visitor's abroad
     * would, until the test ends.
     */
    void emulateTimeZone(String zone) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
        zoned = true;
    }

    /** Forgets the session, the tablet's pairing, saved preferences and window size, so no test depends on the one before it. */
    @Override
    public void afterEach(ExtensionContext context) {
        if (failing) {
            failRequests();
        }
        if (zoned) {
            driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
            zoned = false;
        }
        if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith("http")) {
            ((JavascriptExecutor) driver).executeScript("localStorage.clear(); sessionStorage.clear();");
        }
        forgetCookies();
        driver.manage().window().setSize(DESKTOP);
        consoleErrors(); // read to empty it: the next test answers only for its own console
    }

    /** Forgets every cookie: WebDriver deletes only those the current page can see, and a paired tablet's sits on /api/pos. */
    void forgetCookies() {
        driver.manage().deleteAllCookies();
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (profile != null) {
                deleteTree(profile);
            }
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not remove the browser profile " + path, e);
                }
            });
        }
    }
}
