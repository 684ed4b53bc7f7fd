package org.socialworkshop.e2e;

import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.socialworkshop.e2e.DemoWorkshop.Product;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * The buyer's pages (cart, checkout with and without errors, demo payment, order) work with screen readers and
 * keyboards in both languages, and fit a small phone.
 */
@WorkshopTest
class CheckoutAccessibilityTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DemoWorkshop demo = DemoWorkshop.load();
    private static final Product NOTEBOOK = demo.product("thread-bound-notebook");
    private static final Product TOTE = demo.product("canvas-tote");
    private static final int PHONE = 360;

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void cartCheckoutPaymentAndOrderHaveNoSeriousProblems(String lang) {
        handOverCart(lang);

        Storefront page = browser.open(port, "/shop/cart.html?lang=" + lang).ready(lang);
        page.waitUntil(presenceOfElementLocated(By.id("cart-lines")));
        Accessibility.assertNoSeriousViolations(page.driver(), "cart in " + lang);

        page = CheckoutSteps.openCheckout(browser, port, lang);
        Accessibility.assertNoSeriousViolations(page.driver(), "checkout in " + lang);

        page.driver().findElement(By.cssSelector("label[for='fulfilment-delivery']")).click();
        page.element("checkout-submit").click();
        page.waitUntil(visibilityOfElementLocated(By.id("checkout-errors")));
        Accessibility.assertNoSeriousViolations(page.driver(), "checkout with every error shown in " + lang);

        page.driver().findElement(By.cssSelector("label[for='fulfilment-pickup']")).click();
        page.element("checkout-email").sendKeys("buyer-" + UUID.randomUUID() + "@example.org");
        CheckoutSteps.choosePickupTimeIfOffered(page);
        page.element("checkout-submit").click();
        CheckoutSteps.demoPayment(page, lang);
        Accessibility.assertNoSeriousViolations(page.driver(), "demo payment in " + lang);

        page.element("demo-pay").click();
        CheckoutSteps.waitForStatus(page, lang, Messages.of(lang).text("order.status.PAID"));
        Accessibility.assertNoSeriousViolations(page.driver(), "paid order in " + lang);
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void cartAndCheckoutFitASmallPhone(String lang) {
        handOverCart(lang);
        browser.resize(PHONE, 780);

        Storefront cart = browser.open(port, "/shop/cart.html?lang=" + lang).ready(lang);
        cart.waitUntil(presenceOfElementLocated(By.id("cart-lines")));
        assertFits(cart, "cart");
        assertAtLeast44(cart, cart.driver().findElement(By.cssSelector(".stepper__button")).getDomAttribute("id"));

        Storefront checkout = CheckoutSteps.openCheckout(browser, port, lang);
        checkout.driver().findElement(By.cssSelector("label[for='fulfilment-delivery']")).click();
        checkout.waitUntil(visibilityOfElementLocated(By.id("delivery-recipient")));
        assertFits(checkout, "checkout with a delivery address");
        assertAtLeast44(checkout, "checkout-submit");
    }

    /** A cart of two lines, one with a chosen option, kept by the browser as the shop keeps it. */
    private void handOverCart(String lang) {
        Carts carts = new Carts(client);
        String cartId = carts.with(NOTEBOOK, "HC-NOTEBOOK-A5", 2);
        carts.add(cartId, TOTE, "HC-TOTE-INDIGO", 1);
        Storefront first = browser.open(port, "/shop/?lang=" + lang).ready(lang);
        Carts.handTo(first, cartId);
    }

    private static void assertFits(Storefront page, String what) {
        assertThat(page.script("return window.innerWidth")).as("viewport width").isEqualTo((long) PHONE);
        assertThat((Long) page.script("return document.documentElement.scrollWidth"))
                .as(what + " width at " + PHONE + " px (wider means sideways scrolling)")
                .isLessThanOrEqualTo(PHONE);
    }

    private static void assertAtLeast44(Storefront page, String id) {
        var size = page.element(id).getSize();
        assertThat(size.getHeight()).as("#" + id + " height").isGreaterThanOrEqualTo(44);
        assertThat(size.getWidth()).as("#" + id + " width").isGreaterThanOrEqualTo(44);
    }
}
