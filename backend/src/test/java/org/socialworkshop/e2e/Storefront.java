package org.socialworkshop.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.google.zxing.NotFoundException;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.socialworkshop.receipts.render.QrDecoding;

import static org.junit.jupiter.api.Assertions.fail;

/** A storefront page in the browser, with the waits and keyboard moves the tests share. */
final class Storefront {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** How often a wait looks again: Selenium's 500 ms added up to minutes over the suite's waits. */
    static final Duration POLL = Duration.ofMillis(50);

    private final WebDriver driver;
    private final WebDriverWait wait;

    Storefront(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PATIENCE, POLL);
        // components redraw: an element read while it is being replaced is simply read again on the next poll
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Waits until the page speaks {@code lang} and its components are drawn. The header and footer are
     * defined only after the translations have loaded, so a drawn footer means the text is final. Fails when
     * the page asked for a file of the storefront (module, stylesheet, translations, font) and did not get it:
     * a missing stylesheet shows nowhere else, and a missing module only as a page that never draws.
     */
    Storefront ready(String lang) {
        try {
            wait.withMessage(() -> "page never became ready in " + lang + "; <html lang> is " + htmlAttribute("lang")
                            + "; files not found: " + missingFiles())
                    .until(d -> Boolean.TRUE.equals(script(
                            "return document.documentElement.lang === arguments[0]"
                                    + " && document.querySelector('site-footer footer') !== null", lang)));
        } finally {
            // the wait is shared: later waits must not report their failures as this one
            wait.withMessage((String) null);
        }
        List<String> missing = missingFiles();
        if (!missing.isEmpty()) {
            fail(driver.getCurrentUrl() + " asked for files it did not get: " + missing);
        }
        return this;
    }

    /**
     * The storefront's own files this page asked for and got no success for, as "path (status)", from the
     * Resource Timing entries. API answers are left out: refusals there are the tests' own business.
     */
    @SuppressWarnings("unchecked")
    List<String> missingFiles() {
        return (List<String>) script("""
                return performance.getEntriesByType('resource')
                    .filter((entry) => entry.name.startsWith(location.origin + '/'))
                    .map((entry) => ({ path: new URL(entry.name).pathname, status: entry.responseStatus }))
                    .filter(({ path, status }) => !path.startsWith('/api/') && status >= 400)
                    .map(({ path, status }) => `${path} (${status})`);""");
    }

    /**
     * Waits until the page has loaded and no request of it has ended for a moment, so what its components asked for
     * has been answered; a page that keeps asking (a live list) counts as settled five seconds after it opened.
     */
    Storefront settled() {
        wait.until(d -> Boolean.TRUE.equals(script("""
                if (document.readyState !== 'complete') return false;
                const ends = performance.getEntriesByType('resource').map((entry) => entry.responseEnd);
                const last = Math.max(0, ...ends);
                return performance.now() - last > 300 || performance.now() > 5000;""")));
        return this;
    }

    <T> T waitUntil(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    WebElement element(String id) {
        return driver.findElement(By.id(id));
    }

    /**
     * Waits until no element {@code id} is on the page. Unlike Selenium's invisibility condition, an element that is
     * being redrawn (found, then replaced before it could be looked at) does not count as gone: a banner whose words
     * change while it stays is still there.
     */
    Storefront waitUntilGone(String id) {
        wait.until(d -> d.findElements(By.id(id)).isEmpty());
        return this;
    }

    /**
     * Clicks element {@code id} once it is shown and enabled. A component that redraws between the wait and the click
     * replaces the element; the click then finds it again instead of failing on the old one.
     */
    Storefront click(String id) {
        wait.until(d -> {
            WebElement element = d.findElement(By.id(id));
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
        return this;
    }

    /** What the QR code drawn in element {@code id} says, read from the screen as a phone would read it. */
    String readQrCode(String id) {
        byte[] png = element(id).getScreenshotAs(OutputType.BYTES);
        try {
            return QrDecoding.find(QrDecoding.image(png)).getText();
        } catch (NotFoundException e) {
            throw new AssertionError("The QR code in #" + id + " could not be read", e);
        }
    }

    String htmlAttribute(String name) {
        return driver.findElement(By.tagName("html")).getDomAttribute(name);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The id of the focused element, or its tag and class when it has none. */
    String focusedId() {
        WebElement focused = driver.switchTo().activeElement();
        String id = focused.getDomAttribute("id");
        return id == null || id.isEmpty() ? focused.getTagName() + "." + focused.getDomAttribute("class") : id;
    }

    Storefront press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Presses Tab until {@code id} has focus, the way a keyboard user would; fails with the route taken. */
    Storefront tabTo(String id) {
        List<String> route = new ArrayList<>();
        for (int presses = 0; presses < 20; presses++) {
            press(Keys.TAB);
            route.add(focusedId());
            if (id.equals(route.get(route.size() - 1))) {
                return this;
            }
        }
        return fail("Tab never reached #" + id + "; focus went " + String.join(" → ", route));
    }
}
