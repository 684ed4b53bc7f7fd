package org.socialworkshop.e2e;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.socialworkshop.e2e.DemoWorkshop.Product;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * A buyer fills a cart from product pages, checks out for pickup or delivery, pays on the demo payment page and
 * sees the order paid; a failed payment can be tried again; mistakes in the form are shown where they are.
 */
@WorkshopTest
class BuyerChecksOutTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DemoWorkshop demo = DemoWorkshop.load();
    // Stock-tracked demo products with plenty in the online store room.
    private static final Product BOOKMARKS = demo.product("paper-cut-bookmarks");
    private static final Product JASMINE = demo.product("jasmine-tea");
    private static final Product COASTERS = demo.product("crochet-coasters");
    private static final Product PANDA_KEYRING = demo.product("felt-panda-keyring");
    private static final String JASMINE_250G = "TEA-JASMINE-250G";

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Test
    void buyerFillsACartFromProductPagesChangesAQuantityAndPaysForPickup() {
        Messages zh = Messages.of("zh-CN");

        Storefront page = openProduct(BOOKMARKS, "zh-CN");
        page.element("add-to-cart").click();
        page.waitUntil(textToBe(By.id("add-to-cart-status"), zh.text("cart.add.done",
                Map.of("item", BOOKMARKS.nameZh(), "count", 1, "total", 1))));
        page.waitUntil(attributeToBe(By.id("cart-link"), "data-count", "1"));

        openProduct(JASMINE, "zh-CN");
        WebElement bigTin = page.driver().findElement(By.cssSelector("#variant-picker input[data-sku='" + JASMINE_250G + "']"));
        page.driver().findElement(By.cssSelector("label[for='" + bigTin.getDomAttribute("id") + "']")).click();
        assertThat(bigTin.isSelected()).as("the 250 g tin chosen").isTrue();
        page.element("add-to-cart").click();
        page.waitUntil(d -> page.element("add-to-cart-status").getText().contains(JASMINE.nameZh()));
        page.waitUntil(attributeToBe(By.id("cart-link"), "data-count", "2"));
        assertThat(page.element("cart-link").getText()).isEqualTo(zh.text("cart.link", Map.of("count", 2)));

        page.element("cart-link").click();
        page.waitUntil(urlContains("/shop/cart.html"));
        page.ready("zh-CN").waitUntil(presenceOfElementLocated(By.id("cart-lines")));
        assertThat(page.driver().findElements(By.cssSelector("#cart-lines .cart-line"))).hasSize(2);
        assertThat(page.element("cart-subtotal").getText()).endsWith("103.00"); // 25.00 + 78.00
        String bookmarks = lineOf(page, BOOKMARKS.nameZh());
        page.element(bookmarks + "-quantity-more").click();
        page.waitUntil(d -> page.element("cart-subtotal").getText().endsWith("128.00"));
        assertThat(page.element(bookmarks + "-quantity").getDomProperty("value")).isEqualTo("2");
        assertThat(page.element(bookmarks + "-amount").getText()).endsWith("50.00");
        assertThat(page.element(bookmarks + "-quantity-more").getDomAttribute("aria-label")).contains(BOOKMARKS.nameZh());
        page.waitUntil(d -> page.element("cart-status").getText().contains(BOOKMARKS.nameZh()));
        page.waitUntil(attributeToBe(By.id("cart-link"), "data-count", "3"));

        page.element("cart-checkout").click();
        page.waitUntil(urlContains("/shop/checkout.html"));
        page.ready("zh-CN").waitUntil(presenceOfElementLocated(By.id("fulfilment-pickup")));
        assertThat(page.element("fulfilment-pickup").isSelected()).as("pickup chosen at first").isTrue();
        page.element("checkout-email").sendKeys(uniqueEmail());
        page.element("checkout-name").sendKeys("王芳");
        boolean timed = CheckoutSteps.choosePickupTimeIfOffered(page);
        assertThat(page.element("checkout-total").getText()).endsWith("128.00");
        page.element("checkout-submit").click();

        CheckoutSteps.demoPayment(page, "zh-CN");
        assertThat(page.driver().getTitle()).isEqualTo(zh.text("demoPayment.title"));
        assertThat(page.element("demo-heading").getText()).isEqualTo(zh.text("demoPayment.heading"));
        assertThat(page.element("demo-banner").getText()).contains(zh.text("demoPayment.banner.title"));
        assertThat(page.element("demo-amount").getText()).endsWith("128.00");
        String orderNumber = page.element("demo-order-number").getText();
        assertThat(orderNumber).isNotBlank();
        page.element("demo-pay").click();

        CheckoutSteps.waitForStatus(page, "zh-CN", zh.text("order.status.PAID"));
        assertThat(page.focusedId()).as("focus back from paying").isEqualTo("order-heading");
        assertThat(page.element("order-number").getText()).isEqualTo(orderNumber);
        assertThat(page.element("order-total").getText()).endsWith("128.00");
        // Announced when the page saw the change; a payment recorded before the page first asked is no change.
        // The receipt, issued a moment after the payment, may have been announced since.
        assertThat(page.element("order-live").getText()).as("the live region")
                .isIn("", zh.text("order.changed", Map.of("status", zh.text("order.status.PAID"))), zh.text("receipt.orderReady"));
        assertThat(page.element("order-fulfilment").getText()).isNotBlank();
        if (!timed) {
            assertThat(page.element("order-fulfilment").getText()).startsWith(zh.text("order.fulfilment.anyTime"));
        }
        assertThat(page.driver().findElements(By.id("order-pay-again"))).as("no paying again once paid").isEmpty();

        // The cart was let go at checkout; the order is remembered on this device.
        Storefront cart = browser.open(port, "/shop/cart.html").ready("zh-CN");
        cart.waitUntil(presenceOfElementLocated(By.id("cart-empty")));
        assertThat(cart.element("cart-link").getDomAttribute("data-count")).isEqualTo("0");
        cart.waitUntil(presenceOfElementLocated(By.id("my-orders-list")));
        assertThat(cart.element("my-orders-list").getText()).contains(orderNumber);
    }

    @Test
    void buyerChecksOutForDeliveryWithTheKeyboardAlone() {
        Messages en = Messages.of("en");
        Storefront page = openProduct(COASTERS, "en");
        page.tabTo("add-to-cart").press(Keys.ENTER);
        page.waitUntil(attributeToBe(By.id("cart-link"), "data-count", "1"));

        page.tabTo("add-to-cart-view").press(Keys.ENTER);
        page.waitUntil(urlContains("/shop/cart.html"));
        page.ready("en").waitUntil(presenceOfElementLocated(By.id("cart-checkout")));
        page.tabTo("cart-checkout").press(Keys.ENTER);
        page.waitUntil(urlContains("/shop/checkout.html"));
        page.ready("en").waitUntil(presenceOfElementLocated(By.id("fulfilment-delivery")));

        page.tabTo("checkout-email").press(uniqueEmail());
        page.tabTo("fulfilment-pickup").press(Keys.ARROW_DOWN);
        assertThat(page.focusedId()).as("arrow keys move along the choices").isEqualTo("fulfilment-delivery");
        assertThat(page.element("fulfilment-delivery").isSelected()).isTrue();
        page.waitUntil(visibilityOfElementLocated(By.id("delivery-recipient")));
        page.tabTo("delivery-recipient").press("Wang Fang", Keys.TAB, "13800000000", Keys.TAB,
                "12 Shuijingfang Street", Keys.TAB, "Chengdu", Keys.TAB, "610000");
        // 35.00 of goods is under the free-delivery line, so the fee is added.
        assertThat(page.element("checkout-total").getText()).endsWith("50.00");
        page.tabTo("checkout-submit").press(Keys.ENTER);

        CheckoutSteps.demoPayment(page, "en");
        assertThat(page.element("demo-amount").getText()).endsWith("50.00");
        page.tabTo("demo-pay").press(Keys.ENTER);

        CheckoutSteps.waitForStatus(page, "en", en.text("order.status.PAID"));
        assertThat(page.focusedId()).as("focus back from paying").isEqualTo("order-heading");
        assertThat(page.element("order-delivery-line").getText()).endsWith("15.00");
        assertThat(page.element("order-total").getText()).endsWith("50.00");
        assertThat(page.element("order-fulfilment").getText()).contains("Wang Fang", "610000");
    }

    @Test
    void aFailedDemoPaymentLeavesTheOrderPayableAndPayingAgainWorks() {
        Messages zh = Messages.of("zh-CN");
        withCart(new Carts(client).with(PANDA_KEYRING, "HC-KEYRING-PANDA", 1));
        Storefront page = CheckoutSteps.openCheckout(browser, port, "zh-CN");
        page.element("checkout-email").sendKeys(uniqueEmail());
        CheckoutSteps.choosePickupTimeIfOffered(page);
        page.element("checkout-submit").click();

        CheckoutSteps.demoPayment(page, "zh-CN");
        String firstSession = page.driver().getCurrentUrl();
        String orderNumber = page.element("demo-order-number").getText();
        page.element("demo-fail").click();

        WebElement again = CheckoutSteps.waitForPayAgain(page, "zh-CN");
        assertThat(page.focusedId()).as("focus back from a payment that failed").isEqualTo("order-heading");
        assertThat(page.element("order-status").getText()).isEqualTo(zh.text("order.status.PENDING_PAYMENT"));
        assertThat(page.element("order-payment-text").getText()).isEqualTo(zh.text("order.payment.FAILED"));
        assertThat(again.getText()).isEqualTo(zh.text("order.payment.again"));
        again.click();

        CheckoutSteps.demoPayment(page, "zh-CN");
        assertThat(page.driver().getCurrentUrl()).as("a new payment session").isNotEqualTo(firstSession);
        assertThat(page.element("demo-order-number").getText()).isEqualTo(orderNumber);
        page.element("demo-pay").click();

        CheckoutSteps.waitForStatus(page, "zh-CN", zh.text("order.status.PAID"));
        assertThat(page.focusedId()).as("focus back from paying").isEqualTo("order-heading");
        assertThat(page.element("order-number").getText()).isEqualTo(orderNumber);

        // Opened again later, the page is not one the buyer comes back to from paying: focus stays where it starts.
        String address = page.driver().getCurrentUrl();
        Storefront later = browser.open(port, address.substring(address.indexOf("/shop/"))).ready("zh-CN");
        later.waitUntil(textToBe(By.id("order-status"), zh.text("order.status.PAID")));
        assertThat(later.focusedId()).isNotEqualTo("order-heading");
    }

    @Test
    void anEmptyFormShowsEachProblemAtItsFieldAndFocusesTheSummary() {
        Messages zh = Messages.of("zh-CN");
        withCart(new Carts(client).with(BOOKMARKS, "HC-BOOKMARK-PAPERCUT-4", 1));
        Storefront page = CheckoutSteps.openCheckout(browser, port, "zh-CN");

        page.element("checkout-submit").click();
        page.waitUntil(d -> page.focusedId().equals("checkout-errors"));
        assertThat(page.element("checkout-errors").getText()).contains(zh.text("checkout.errors.title"));
        assertFieldError(page, "checkout-email", zh.text("checkout.email.missing"));
        assertThat(page.element("checkout-phone").getDomAttribute("aria-invalid")).as("optional phone left empty").isNull();

        page.driver().findElement(By.cssSelector("label[for='fulfilment-delivery']")).click();
        page.element("checkout-email").sendKeys("not-an-address");
        page.element("checkout-submit").click();
        page.waitUntil(d -> page.focusedId().equals("checkout-errors"));
        assertFieldError(page, "checkout-email", zh.text("checkout.email.invalid"));
        assertFieldError(page, "delivery-recipient", zh.text("checkout.recipient.missing"));
        assertFieldError(page, "delivery-phone", zh.text("checkout.deliveryPhone.missing"));
        assertFieldError(page, "delivery-address", zh.text("checkout.address.missing"));
        assertFieldError(page, "delivery-city", zh.text("checkout.city.missing"));
        assertThat(page.driver().getCurrentUrl()).as("nothing was sent").contains("/shop/checkout.html");

        // The summary's links lead to the fields; fixing a field takes its message away at once.
        page.driver().findElement(By.cssSelector("#checkout-errors a[href='#delivery-city']")).click();
        assertThat(page.focusedId()).isEqualTo("delivery-city");
        page.element("delivery-city").sendKeys("成都");
        page.waitUntil(d -> page.element("delivery-city").getDomAttribute("aria-invalid") == null);
        assertThat(page.element("delivery-city-error").isDisplayed()).isFalse();
    }

    @Test
    void moreThanIsInStockIsRefusedAtOnceAndAtCheckoutNamingTheItem() {
        Product vase = demo.product("hand-pinched-vase"); // two in the online store room at most
        Carts carts = new Carts(client);
        String productId = DemoWorkshop.idOf(client, vase);
        String variantId = carts.variantId(productId, "HC-VASE-PINCHED");
        long left = available(productId, variantId);
        assertThat(left).as("the demo vase is in stock").isPositive();

        // On the product page, in Chinese: all that is left goes in; one more is refused at once, saying what is left.
        Messages zh = Messages.of("zh-CN");
        String cartId = carts.create();
        carts.add(cartId, vase, "HC-VASE-PINCHED", (int) left);
        withCart(cartId);
        Storefront product = openProduct(vase, "zh-CN");
        product.element("add-to-cart").click();
        product.waitUntil(textToBe(By.id("add-to-cart-error"), zh.counted("cart.add.onlyLeft", left, Map.of("available", left))));
        Accessibility.assertNoSeriousViolations(product.driver(), "one more than is left, refused on the product page");

        // Someone else buys them all meanwhile: the cart says so, in English, and holds checkout back.
        String other = carts.create();
        carts.add(other, vase, "HC-VASE-PINCHED", (int) left);
        new Shop(client).checkout(other);
        Storefront cart = browser.open(port, "/shop/cart.html?lang=en").ready("en");
        cart.waitUntil(presenceOfElementLocated(By.cssSelector(".cart-line__problem")));
        assertThat(cart.driver().findElements(By.id("cart-checkout"))).as("checkout held back").isEmpty();
        assertThat(cart.element("cart-blocked").getText()).isEqualTo(Messages.of("en").text("cart.summary.blocked"));

        // Sent anyway (an old tab, say): the server refuses and the summary names the item.
        Storefront page = CheckoutSteps.openCheckout(browser, port, "en");
        page.element("checkout-email").sendKeys(uniqueEmail());
        CheckoutSteps.choosePickupTimeIfOffered(page);
        page.element("checkout-submit").click();
        page.waitUntil(d -> page.focusedId().equals("checkout-errors"));
        assertThat(page.element("checkout-errors").getText())
                .contains(Messages.of("en").text("checkout.errors.outOfStock"))
                .as("named in the page's language only").contains(vase.nameEn()).doesNotContain(vase.nameZh());
        assertThat(page.element("checkout-errors-cart").getDomAttribute("href")).isEqualTo("/shop/cart.html");
        assertThat(page.element("checkout-submit").getDomAttribute("aria-disabled")).isEqualTo("false");
    }

    /** Units of the variant the online shop can sell now, as its product page says. */
    private long available(String productId, String variantId) {
        JsonNode product = client.get().uri("/api/products/{id}", productId).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode variant : product.get("variants")) {
            if (variant.get("id").asString().equals(variantId)) {
                return variant.get("available").asLong();
            }
        }
        throw new AssertionError("No variant " + variantId);
    }

    private Storefront openProduct(Product product, String lang) {
        String id = DemoWorkshop.idOf(client, product);
        Storefront page = browser.open(port, "/shop/product.html?id=" + id + "&lang=" + lang).ready(lang);
        page.waitUntil(textToBe(By.id("product-title"), product.name(lang)));
        page.waitUntil(presenceOfElementLocated(By.id("add-to-cart")));
        return page;
    }

    /** A first page on the shop's origin, so the browser can be handed the cart. */
    private Storefront withCart(String cartId) {
        Storefront page = browser.open(port, "/shop/").ready("zh-CN");
        Carts.handTo(page, cartId);
        return page;
    }

    /** The id of the cart line named {@code name}, e.g. "line-{variantId}". */
    private static String lineOf(Storefront page, String name) {
        return page.driver().findElements(By.cssSelector("#cart-lines .cart-line")).stream()
                .filter(line -> line.findElement(By.cssSelector(".cart-line__name")).getText().equals(name))
                .findFirst()
                .map(line -> line.getDomAttribute("id"))
                .orElseThrow(() -> new AssertionError("no cart line named " + name));
    }

    private static void assertFieldError(Storefront page, String field, String message) {
        WebElement input = page.element(field);
        assertThat(input.getDomAttribute("aria-invalid")).as(field + " marked invalid").isEqualTo("true");
        assertThat(input.getDomAttribute("aria-describedby")).as(field + " described by its message").contains(field + "-error");
        assertThat(page.element(field + "-error").getText()).as(field + " message").isEqualTo(message);
        assertThat(page.element("checkout-errors").getText()).as("the summary").contains(message);
    }

    private static String uniqueEmail() {
        return "buyer-" + UUID.randomUUID() + "@example.org";
    }
}
