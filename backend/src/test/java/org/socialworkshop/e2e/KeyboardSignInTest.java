package org.socialworkshop.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;

/** Staff who cannot use a mouse sign in with the keyboard alone; nothing here clicks. */
@WorkshopTest
class KeyboardSignInTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void skipLinkIsTheFirstTabStopAndLeadsStraightToTheForm() {
        Storefront page = browser.open(port, "/login.html?lang=en").ready("en");

        page.press(Keys.TAB);
        WebElement skip = page.driver().switchTo().activeElement();
        assertThat(skip.getDomAttribute("href")).as("first Tab stop is the skip link").isEqualTo("#main");
        assertThat(skip.getText()).isEqualTo(Messages.of("en").text("skip"));
        // It hides above the page until focused; a focused skip link must be on screen to be any use.
        assertThat(skip.getRect().getY()).as("skip link top when focused").isGreaterThanOrEqualTo(0);

        page.press(Keys.ENTER);
        page.waitUntil(d -> page.focusedId().equals("main"));
        page.press(Keys.TAB);
        assertThat(page.focusedId()).as("first Tab stop after skipping").isEqualTo("email");
    }

    @Test
    void cashierSignsInWithTheKeyboardAndLandsOnTheCounterTabletsPage() {
        // No ?lang: the browser asks for Chinese, as our staff's do.
        Storefront page = browser.open(port, "/login.html").ready("zh-CN");

        page.tabTo("email").press("cashier@example.org");
        page.press(Keys.TAB);
        assertThat(page.focusedId()).isEqualTo("password");
        page.press("workshop-cashier", Keys.ENTER);

        // Cashiers work at the counter: they land on the POS tablet's page, not the shop's home (issue 12).
        page.waitUntil(urlToBe("http://localhost:" + port + "/pos/"));
        page.ready("zh-CN");
        page.waitUntil(textToBe(By.id("signed-in-user"), "cashier@example.org"));
        assertThat(page.driver().findElements(By.id("sign-in-link"))).as("sign-in link once signed in").isEmpty();
    }

    @Test
    void signingInReturnsToThePageNamedInNext() {
        Storefront page = browser.open(port, "/login.html?lang=en&next=%2Findex.html%23door-counter").ready("en");

        page.tabTo("email").press("coordinator@example.org", Keys.TAB, "workshop-coordinator", Keys.ENTER);

        page.waitUntil(urlToBe("http://localhost:" + port + "/index.html#door-counter"));
        page.ready("en");
        page.waitUntil(textToBe(By.id("signed-in-user"), "coordinator@example.org"));
    }
}
