package org.socialworkshop.e2e;

import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/** Sign-in mistakes are explained in the page's language, announced to screen readers and easy to fix. */
@WorkshopTest
class LoginErrorsTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "in {0}")
    @CsvSource({"zh-CN, 不正确", "en, not correct"})
    void wrongPasswordIsAnnouncedFocusedAndClearsThePassword(String lang, String notCorrect) {
        Storefront page = browser.open(port, "/login.html?lang=" + lang).ready(lang);
        // A fresh address per run: the login throttle counts failures per account.
        String email = "nobody-" + UUID.randomUUID() + "@example.org";

        page.element("email").sendKeys(email);
        page.element("password").sendKeys("not-the-password");
        page.element("login-submit").click();

        WebElement error = page.waitUntil(visibilityOfElementLocated(By.id("login-error")));
        assertThat(error.getDomAttribute("role")).isEqualTo("alert");
        assertThat(error.getText())
                .isEqualTo(Messages.of(lang).text("login.error.credentials"))
                .contains(notCorrect);
        page.waitUntil(d -> page.focusedId().equals("login-error"));
        assertThat(page.element("password").getDomProperty("value")).isEmpty();
        assertThat(page.element("email").getDomProperty("value")).isEqualTo(email);
        Accessibility.assertNoSeriousViolations(page.driver(), "login page showing a wrong password in " + lang);
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void emptySubmitMarksEachFieldWithItsOwnMessage(String lang) {
        Storefront page = browser.open(port, "/login.html?lang=" + lang).ready(lang);
        Messages messages = Messages.of(lang);

        page.element("login-submit").click();

        for (String field : new String[] {"email", "password"}) {
            page.waitUntil(attributeToBe(By.id(field), "aria-invalid", "true"));
            WebElement message = page.element(field + "-error");
            assertThat(page.element(field).getDomAttribute("aria-describedby")).contains(field + "-error");
            assertThat(message.isDisplayed()).as(field + " message shown").isTrue();
            assertThat(message.getText()).isEqualTo(messages.text("login." + field + ".missing"));
        }
        page.waitUntil(d -> page.focusedId().equals("login-error"));
        assertThat(page.element("login-error").getText()).contains(messages.text("login.error.summaryTitle"));
        Accessibility.assertNoSeriousViolations(page.driver(), "login page with empty fields in " + lang);

        // Fixing a field takes its error away at once, so nobody is told off for something already fixed.
        page.element("email").sendKeys("maker@example.org");
        page.waitUntil(d -> page.element("email").getDomAttribute("aria-invalid") == null);
        assertThat(page.element("email").getDomAttribute("aria-describedby")).isNull();
        assertThat(page.element("email-error").isDisplayed()).isFalse();
    }
}
