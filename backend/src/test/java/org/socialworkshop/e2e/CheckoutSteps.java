package org.socialworkshop.e2e;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

/** The steps of checkout, payment and the order page that several tests take the same way. */
final class CheckoutSteps {

    /** Payment is recorded through the outbox, a moment after the buyer pays; the page asks every second. */
    static final Duration PAYMENT_PATIENCE = Duration.ofSeconds(20);

    private CheckoutSteps() {
    }

    /** The checkout page with its form drawn from the visitor's cart and its options. */
    static Storefront openCheckout(Browser browser, int port, String lang) {
        Storefront page = browser.open(port, "/shop/checkout.html?lang=" + lang).ready(lang);
        page.waitUntil(presenceOfElementLocated(By.cssSelector("#checkout-fulfilment-options input[name='fulfilment']")));
        return page;
    }

    /** Picks the first pickup time when the form offers times; returns whether it did. */
    static boolean choosePickupTimeIfOffered(Storefront page) {
        if (!page.element("checkout-slot-field").isDisplayed()) {
            return false;
        }
        List<WebElement> times = page.driver().findElements(By.cssSelector("#checkout-slot option:not([value=''])"));
        if (times.isEmpty()) {
            return false;
        }
        new Select(page.element("checkout-slot")).selectByValue(times.get(0).getDomAttribute("value"));
        return true;
    }

    /** Waits for the demo payment page after checkout and returns it once its buttons are drawn. */
    static Storefront demoPayment(Storefront page, String lang) {
        page.waitUntil(urlContains("/shop/demo-payment.html?session="));
        page.ready(lang).waitUntil(presenceOfElementLocated(By.id("demo-order-number")));
        return page;
    }

    /** Waits for the order page, then until its status reads {@code words}, as long as payment may take. */
    static void waitForStatus(Storefront page, String lang, String words) {
        page.waitUntil(urlContains("/shop/order.html?id="));
        page.ready(lang).waitUntil(presenceOfElementLocated(By.id("order-status")));
        new WebDriverWait(page.driver(), PAYMENT_PATIENCE, Storefront.POLL)
                .withMessage(() -> "order status never became “" + words + "”; it reads “"
                        + page.element("order-status").getText() + "”")
                .until(ExpectedConditions.textToBe(By.id("order-status"), words));
    }

    /** Waits until the order page offers paying again, which it does once the failed payment is recorded. */
    static WebElement waitForPayAgain(Storefront page, String lang) {
        page.waitUntil(urlContains("/shop/order.html?id="));
        page.ready(lang);
        return new WebDriverWait(page.driver(), PAYMENT_PATIENCE, Storefront.POLL)
                .withMessage("the order page never offered to pay again")
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("order-pay-again")));
    }
}
