package org.socialworkshop.e2e;

import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.fail;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;

/** The shop's product list (/shop/products.html) as a buyer uses it: searching, reading cards, turning pages. */
final class ProductList {

    static final By CARDS = By.cssSelector("#product-results product-card article.product-card");
    private static final int MOST_PAGES = 20;

    private final Storefront page;

    private ProductList(Storefront page) {
        this.page = page;
    }

    /** The list page once its first results (or its empty message) are drawn. */
    static ProductList on(Storefront page) {
        page.waitUntil(d -> !d.findElements(CARDS).isEmpty() || !d.findElements(By.id("results-empty")).isEmpty());
        return new ProductList(page);
    }

    /** Types {@code words} into the search box and presses Enter; waits until the results for them are shown. */
    ProductList search(String words) {
        WebElement box = page.element("product-search");
        box.clear();
        box.sendKeys(words, Keys.ENTER);
        // The count names the words searched for ("…“茶”…" / "…“tea”"), and is filled in the same step as the cards.
        page.waitUntil(d -> page.element("results-count").getText().contains("“" + words + "”"));
        return this;
    }

    List<WebElement> cards() {
        return page.driver().findElements(CARDS);
    }

    static String nameOf(WebElement card) {
        return card.findElement(By.cssSelector(".product-card__link")).getText();
    }

    /** The card named exactly {@code name}, turning to the next page as a buyer would until it shows up. */
    WebElement card(String name) {
        List<String> seen = new ArrayList<>();
        for (int turned = 0; turned < MOST_PAGES; turned++) {
            for (WebElement card : cards()) {
                if (nameOf(card).equals(name)) {
                    return card;
                }
                seen.add(nameOf(card));
            }
            List<WebElement> next = page.driver().findElements(By.id("page-next"));
            if (next.isEmpty()) {
                break;
            }
            WebElement first = cards().get(0);
            next.get(0).click();
            page.waitUntil(stalenessOf(first));
            page.waitUntil(presenceOfElementLocated(CARDS));
        }
        return fail("No card named " + name + " in the results; the cards were " + seen);
    }
}
