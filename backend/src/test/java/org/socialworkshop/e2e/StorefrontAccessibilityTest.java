package org.socialworkshop.e2e;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;

/** The public pages work for people using screen readers, high contrast or a small phone, in both languages. */
@WorkshopTest
class StorefrontAccessibilityTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} in {1}, {2} theme")
    @CsvSource({
            "/,           zh-CN, standard",
            "/,           en,    standard",
            "/login.html, zh-CN, standard",
            "/login.html, en,    standard",
            "/,           zh-CN, high-contrast",
            "/login.html, en,    high-contrast",
            "/no-such-page.html, zh-CN, standard",
            "/no-such-page.html, en,    standard"})
    void hasNoSeriousAccessibilityProblems(String path, String lang, String theme) {
        Storefront page = browser.open(port, path + "?lang=" + lang).ready(lang);
        if (theme.equals("high-contrast")) {
            // Switched the way a person would, so the toggle's own state is checked too.
            page.element("theme-toggle").click();
            page.waitUntil(attributeToBe(By.tagName("html"), "data-theme", "high-contrast"));
            assertThat(page.element("theme-toggle").getDomAttribute("aria-pressed")).isEqualTo("true");
        }
        Accessibility.assertNoSeriousViolations(page.driver(), path + " in " + lang + ", " + theme + " theme");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"/, zh-CN", "/, en", "/login.html, zh-CN", "/login.html, en"})
    void fitsASmallPhoneWithoutSidewaysScrolling(String path, String lang) {
        browser.resize(360, 780);
        Storefront page = browser.open(port, path + "?lang=" + lang).ready(lang);

        assertThat(page.script("return window.innerWidth")).as("viewport width").isEqualTo(360L);
        assertThat((Long) page.script("return document.documentElement.scrollWidth"))
                .as("page width at 360 px (wider means sideways scrolling)")
                .isLessThanOrEqualTo(360L);
    }
}
