package org.socialworkshop.e2e;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * A coordinator handles a paid online order in a real browser: finds it by its number, marks it ready for pickup,
 * refunds one line with its unit back in stock, and opens the packing list; every screen passes axe in Chinese
 * and English.
 */
@WorkshopTest
class CoordinatorHandlesOrderTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final String STORE_ROOM = "ONLINE_STORE_ROOM";

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    /** Product ids by variant id, for the products this test makes. */
    private final Map<String, String> products = new HashMap<>();

    /** A stock-tracked product sold online with ten in the store room; returns its variant id. */
    private String product(WebTestClient staff, String nameZh, String nameEn, String sku, long priceFen) {
        Map<String, Object> body = CatalogFixtures.product(nameZh, nameEn, true);
        body.put("variants", List.of(CatalogFixtures.variant(sku, priceFen)));
        Map<String, Object> product = CatalogFixtures.create(staff, body);
        String variantId = CatalogFixtures.firstVariantId(product);
        CatalogFixtures.receive(staff, variantId, STORE_ROOM, 10);
        products.put(variantId, (String) product.get("id"));
        return variantId;
    }

    @Test
    void coordinatorReadiesRefundsAndPacksAPaidPickupOrder() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        WebTestClient staff = CatalogFixtures.coordinator(client);
        String cup = product(staff, "青花茶杯" + tag, "Blue tea cup " + tag, "E2E-CUP-" + tag, 6800);
        String bookmark = product(staff, "剪纸书签" + tag, "Paper-cut bookmark " + tag, "E2E-BOOKMARK-" + tag, 2500);
        Shop shop = new Shop(client);
        Shop.Placed order = shop.checkout(shop.cartWith(Map.of(products.get(cup), cup, products.get(bookmark), bookmark), 2));
        shop.payDemo(order).expectStatus().isOk();
        String bookmarkLine = Shop.lines(shop.awaitStatus(order, "PAID")).stream()
                .filter(line -> line.get("sku").equals("E2E-BOOKMARK-" + tag)).findFirst().orElseThrow().get("lineId").toString();
        Messages zh = Messages.of("zh-CN");
        Map<String, String> number = Map.of("number", order.orderNumber());

        Storefront page = browser.openAsStaff(port, "/admin/orders.html", "zh-CN",
                "coordinator@example.org", "workshop-coordinator");
        page.element("order-filter-q").sendKeys(order.orderNumber(), Keys.ENTER);
        page.waitUntil(urlContains("q=" + order.orderNumber()));
        WebElement row = page.ready("zh-CN").waitUntil(visibilityOfElementLocated(By.id("order-row-" + order.orderId())));
        assertThat(row.findElement(By.cssSelector("[data-status]")).getText()).isEqualTo(zh.text("adminOrders.status.PAID"));
        Accessibility.assertNoSeriousViolations(page.driver(), "staff order list in zh-CN");

        page.element("order-link-" + order.orderId()).click();
        page.waitUntil(urlContains("/admin/order.html?id=" + order.orderId()));
        page.ready("zh-CN").waitUntil(attributeToBe(By.id("order-status"), "data-status", "PAID"));
        page.waitUntil(textToBe(By.id("page-heading"), zh.text("adminOrders.detail.heading", number)));
        assertThat(page.element("order-total").getText()).isEqualTo("¥186.00");
        Accessibility.assertNoSeriousViolations(page.driver(), "staff order page in zh-CN");

        page.element("order-fulfil-ready").click();
        page.waitUntil(textToBe(By.id("order-fulfilment-status"), zh.text("adminOrders.fulfil.done.READY_FOR_PICKUP", number)));
        page.waitUntil(attributeToBe(By.id("order-stage"), "data-stage", "READY_FOR_PICKUP"));
        assertThat(page.element("order-stage").getText()).isEqualTo(zh.text("adminOrders.status.READY_FOR_PICKUP"));

        refundOneUnit(page, zh, order.orderNumber(), bookmarkLine, "¥25.00");
        page.waitUntil(attributeToBe(By.id("order-status"), "data-status", "PARTIALLY_REFUNDED"));
        assertThat(page.element("order-status").getText()).isEqualTo(zh.text("adminOrders.status.PARTIALLY_REFUNDED"));
        assertThat(page.element("order-line-" + bookmarkLine + "-refunded").getText()).isEqualTo("1");
        assertThat(page.element("order-refunded").getText()).isEqualTo("¥25.00");
        assertThat(onHand(staff, bookmark)).as("the refunded bookmark is back on the shelf: 10 - 2 + 1").isEqualTo(9);
        Accessibility.assertNoSeriousViolations(page.driver(), "staff order page after a refund in zh-CN");

        page.element("order-fulfil-done").click();
        page.waitUntil(attributeToBe(By.id("order-status"), "data-status", "FULFILLED"));
        assertThat(page.element("order-refunded").getText()).as("handing over the rest keeps the refund").isEqualTo("¥25.00");

        page.element("order-packing-link").click();
        page.waitUntil(urlContains("/admin/packing-list.html?id=" + order.orderId()));
        page.ready("zh-CN").waitUntil(textToBe(By.id("packing-number"), order.orderNumber()));
        assertThat(page.element("packing-row-" + bookmarkLine).findElement(By.cssSelector(".packing__quantity")).getText())
                .as("only the unit not refunded is packed").startsWith("1");
        assertThat(page.driver().getTitle()).isEqualTo(zh.text("adminOrders.packing.title", number));
        Accessibility.assertNoSeriousViolations(page.driver(), "packing list in zh-CN");

        checkInEnglish(order);
    }

    private static void refundOneUnit(Storefront page, Messages zh, String number, String lineId, String amount) {
        page.element("refund-scope-lines").click();
        page.waitUntil(visibilityOfElementLocated(By.id("refund-line-" + lineId))).sendKeys("1");
        page.element("refund-restock").click();
        page.element("refund-reason").sendKeys("书签在运输中折坏了，已退回。");
        page.element("refund-review").click();
        WebElement confirm = page.waitUntil(visibilityOfElementLocated(By.id("refund-confirm")));
        assertThat(page.focusedId()).as("the confirmation step takes focus").isEqualTo("refund-confirm-heading");
        assertThat(confirm.getText()).isEqualTo(zh.text("adminOrders.refund.confirm", Map.of("amount", amount)));
        confirm.click();
        page.waitUntil(textToBe(By.id("order-refund-status"),
                zh.text("adminOrders.refund.result.SUCCEEDED", Map.of("amount", amount, "number", number))
                        + "\n" + zh.text("adminOrders.refund.result.restocked")));
    }

    private long onHand(WebTestClient staff, String variantId) {
        List<?> levels = staff.get().uri("/api/admin/stock?productId={id}&location={location}", products.get(variantId), STORE_ROOM)
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return levels.stream().map(Map.class::cast).filter(level -> variantId.equals(level.get("variantId")))
                .mapToLong(level -> ((Number) level.get("onHand")).longValue()).sum();
    }

    /** The same three screens in English, opened by their addresses, as a bookmark or a shared link would. */
    private void checkInEnglish(Shop.Placed order) {
        Messages en = Messages.of("en");
        Storefront list = browser.open(port, "/admin/orders.html?q=" + order.orderNumber() + "&lang=en").ready("en");
        list.waitUntil(textToBe(By.cssSelector("#order-row-" + order.orderId() + " [data-status]"),
                en.text("adminOrders.status.FULFILLED")));
        Accessibility.assertNoSeriousViolations(list.driver(), "staff order list in en");

        Storefront detail = browser.open(port, "/admin/order.html?id=" + order.orderId() + "&lang=en").ready("en");
        detail.waitUntil(presenceOfElementLocated(By.id("order-refunds")));
        assertThat(detail.element("order-refunded").getText()).isEqualTo("CN¥25.00");
        Accessibility.assertNoSeriousViolations(detail.driver(), "staff order page in en");

        Storefront packing = browser.open(port, "/admin/packing-list.html?id=" + order.orderId() + "&lang=en").ready("en");
        packing.waitUntil(textToBe(By.id("packing-number"), order.orderNumber()));
        assertThat(packing.element("packing-print").getText()).isEqualTo(en.text("adminOrders.packing.print"));
        Accessibility.assertNoSeriousViolations(packing.driver(), "packing list in en");
    }
}
