package org.socialworkshop.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Visitors who read English can switch the site to it once and keep it. */
@WorkshopTest
class LanguageSwitchTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void englishChosenInTheHeaderStaysAfterReloadAndOnOtherPages() {
        Messages zh = Messages.of("zh-CN");
        Messages en = Messages.of("en");
        Storefront page = browser.open(port, "/").ready("zh-CN");
        assertThat(heading(page)).isEqualTo(zh.text("home.hero.heading"));
        assertThat(page.element("lang-zh").getDomAttribute("aria-current")).isEqualTo("true");

        page.element("lang-en").click();
        page.ready("en");
        assertThat(heading(page)).isEqualTo(en.text("home.hero.heading"));
        assertThat(page.element("lang-en").getDomAttribute("aria-current")).isEqualTo("true");
        assertThat(page.element("lang-zh").getDomAttribute("aria-current")).isNull();

        page.driver().navigate().refresh();
        page.ready("en");
        assertThat(heading(page)).isEqualTo(en.text("home.hero.heading"));

        // A plain link without ?lang still opens in English: the choice is remembered, not just in the address.
        Storefront login = browser.open(port, "/login.html").ready("en");
        assertThat(heading(login)).isEqualTo(en.text("login.heading"));
        assertThat(login.script("return localStorage.getItem('sw.lang')")).isEqualTo("en");
    }

    private static String heading(Storefront page) {
        return page.driver().findElement(By.tagName("h1")).getText();
    }
}
