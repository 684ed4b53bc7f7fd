package org.socialworkshop.e2e;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/** The shop and the staff catalog screens work with screen readers and keyboards, in both languages. */
@WorkshopTest
class CatalogAccessibilityTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DemoWorkshop demo = DemoWorkshop.load();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "/shop/,              zh-CN, #featured-products product-card article",
            "/shop/,              en,    #featured-products product-card article",
            "/shop/products.html, zh-CN, #product-results product-card article",
            "/shop/products.html, en,    #product-results product-card article"})
    void shopPagesHaveNoSeriousProblems(String path, String lang, String drawn) {
        Storefront page = browser.open(port, path + "?lang=" + lang).ready(lang);
        page.waitUntil(presenceOfElementLocated(By.cssSelector(drawn)));

        Accessibility.assertNoSeriousViolations(page.driver(), path + " in " + lang);
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void productPageHasNoSeriousProblems(String lang) {
        // Options to choose, a maker with a story and photo, and a line for a maker without consent: everything a
        // product page can show.
        DemoWorkshop.Product keyring = demo.product("leather-keyring");
        String id = DemoWorkshop.idOf(client, keyring);
        Storefront page = browser.open(port, "/shop/product.html?id=" + id + "&lang=" + lang).ready(lang);
        page.waitUntil(textToBe(By.id("product-title"), keyring.name(lang)));
        page.waitUntil(presenceOfElementLocated(By.cssSelector("#variant-picker input[name='variant']")));
        page.waitUntil(presenceOfElementLocated(By.cssSelector("#maker-stories-section .maker-story")));

        Accessibility.assertNoSeriousViolations(page.driver(), "product page of " + keyring.key() + " in " + lang);
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void staffCatalogScreensHaveNoSeriousProblems(String lang) {
        Storefront page = browser.openAsStaff(port, "/admin/products.html?lang=" + lang, lang,
                "coordinator@example.org", "workshop-coordinator");
        page.waitUntil(presenceOfElementLocated(By.cssSelector("#product-table tbody tr")));
        Accessibility.assertNoSeriousViolations(page.driver(), "staff product list in " + lang);

        page.element("product-new").click();
        page.waitUntil(urlContains("/admin/product.html"));
        page.ready(lang).waitUntil(presenceOfElementLocated(By.id("product-form")));
        Accessibility.assertNoSeriousViolations(page.driver(), "new product form in " + lang);

        // Saved empty: every field's message and the summary on show.
        page.element("product-save").click();
        page.waitUntil(visibilityOfElementLocated(By.id("product-errors")));
        Accessibility.assertNoSeriousViolations(page.driver(), "new product form with errors in " + lang);

        String id = DemoWorkshop.idOf(client, demo.product("leather-keyring"));
        browser.open(port, "/admin/product.html?id=" + id + "&lang=" + lang).ready(lang)
                .waitUntil(presenceOfElementLocated(By.cssSelector("#product-image-list img")));
        Accessibility.assertNoSeriousViolations(page.driver(), "product form editing a demo product in " + lang);
    }
}
