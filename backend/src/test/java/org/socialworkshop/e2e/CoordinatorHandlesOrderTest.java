package org.socialworkshop.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.socialworkshop.e2e.DemoWorkshop.Product;
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
 * refunds one line with its items back in stock, and opens the packing list; every screen passes axe in Chinese
 * and English.
 */
@WorkshopTest
class CoordinatorHandlesOrderTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DemoWorkshop demo = DemoWorkshop.load();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Test
    void coordinatorReadiesRefundsAndPacksAPaidPickupOrder() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Product coasters = demo.product("crochet-coasters");
        Product bookmarks = demo.product("paper-cut-bookmarks");
        PaidDemoOrder order = PaidDemoOrder.place(client, "王芳" + tag, "buyer-" + tag + "@example.org",
                List.of(new PaidDemoOrder.Item(coasters, 2), new PaidDemoOrder.Item(bookmarks, 1)));
        String bookmarkLine = order.line(bookmarks).get("lineId").asString();
        Messages zh = Messages.of("zh-CN");
        Map<String, String> number = Map.of("number", order.number());

        Storefront page = browser.openAsStaff(port, "/admin/orders.html", "zh-CN",
                "coordinator@example.org", "workshop-coordinator");
        page.element("order-filter-q").sendKeys(order.number(), Keys.ENTER);
        page.waitUntil(urlContains("q=" + order.number()));
        WebElement row = page.ready("zh-CN").waitUntil(visibilityOfElementLocated(By.id("order-row-" + order.id())));
        assertThat(row.findElement(By.cssSelector("[data-status]")).getText()).isEqualTo(zh.text("adminOrders.status.PAID"));
        assertThat(row.getText()).contains(order.buyerName());
        Accessibility.assertNoSeriousViolations(page.driver(), "staff order list in zh-CN");

        page.element("order-link-" + order.id()).click();
        page.waitUntil(urlContains("/admin/order.html?id=" + order.id()));
        page.ready("zh-CN").waitUntil(attributeToBe(By.id("order-status"), "data-status", "PAID"));
        page.waitUntil(textToBe(By.id("page-heading"), zh.text("adminOrders.detail.heading", number)));
        assertThat(page.element("order-buyer-name").getText()).isEqualTo(order.buyerName());
        Accessibility.assertNoSeriousViolations(page.driver(), "staff order page in zh-CN");

        page.element("order-fulfil-ready").click();
        page.waitUntil(textToBe(By.id("order-fulfilment-status"), zh.text("adminOrders.fulfil.done.READY_FOR_PICKUP", number)));
        page.waitUntil(attributeToBe(By.id("order-stage"), "data-stage", "READY_FOR_PICKUP"));
        assertThat(page.element("order-stage").getText()).isEqualTo(zh.text("adminOrders.status.READY_FOR_PICKUP"));

        refundOneBookmark(page, zh, order.number(), bookmarkLine, bookmarks.variants().get(0).priceText());
        page.waitUntil(attributeToBe(By.id("order-status"), "data-status", "PARTIALLY_REFUNDED"));
        assertThat(page.element("order-status").getText()).isEqualTo(zh.text("adminOrders.status.PARTIALLY_REFUNDED"));
        assertThat(page.element("order-line-" + bookmarkLine + "-refunded").getText()).isEqualTo("1");
        assertThat(page.element("order-refunded").getText()).isEqualTo("¥" + bookmarks.variants().get(0).priceText());
        Accessibility.assertNoSeriousViolations(page.driver(), "staff order page after a refund in zh-CN");

        page.element("order-packing-link").click();
        page.waitUntil(urlContains("/admin/packing-list.html?id=" + order.id()));
        page.ready("zh-CN").waitUntil(textToBe(By.id("packing-number"), order.number()));
        assertThat(page.driver().findElements(By.cssSelector("#packing-lines input[type='checkbox']")))
                .as("a box to tick for each line still to pack; the refunded bookmark is not packed").hasSize(1);
        assertThat(page.driver().getTitle()).isEqualTo(zh.text("adminOrders.packing.title", number));
        Accessibility.assertNoSeriousViolations(page.driver(), "packing list in zh-CN");

        checkInEnglish(order);
    }

    private static void refundOneBookmark(Storefront page, Messages zh, String number, String lineId, String price) {
        page.element("refund-scope-lines").click();
        WebElement units = page.waitUntil(visibilityOfElementLocated(By.id("refund-line-" + lineId)));
        units.sendKeys("1");
        page.element("refund-restock").click();
        page.element("refund-reason").sendKeys("书签在运输中折坏了，已退回。");
        page.element("refund-review").click();
        WebElement confirm = page.waitUntil(visibilityOfElementLocated(By.id("refund-confirm")));
        assertThat(page.focusedId()).as("the confirmation step takes focus").isEqualTo("refund-confirm-heading");
        assertThat(confirm.getText()).isEqualTo(zh.text("adminOrders.refund.confirm", Map.of("amount", "¥" + price)));
        confirm.click();
        page.waitUntil(textToBe(By.id("order-refund-status"),
                zh.text("adminOrders.refund.result.SUCCEEDED", Map.of("amount", "¥" + price, "number", number))
                        + "\n" + zh.text("adminOrders.refund.result.restocked")));
    }

    /** The same three screens in English, opened by their addresses, as a bookmark or a shared link would. */
    private void checkInEnglish(PaidDemoOrder order) {
        Messages en = Messages.of("en");
        Storefront list = browser.open(port, "/admin/orders.html?q=" + order.number() + "&lang=en").ready("en");
        list.waitUntil(visibilityOfElementLocated(By.id("order-row-" + order.id())));
        list.waitUntil(textToBe(By.cssSelector("#order-row-" + order.id() + " [data-status]"),
                en.text("adminOrders.status.PARTIALLY_REFUNDED")));
        Accessibility.assertNoSeriousViolations(list.driver(), "staff order list in en");

        Storefront detail = browser.open(port, "/admin/order.html?id=" + order.id() + "&lang=en").ready("en");
        detail.waitUntil(presenceOfElementLocated(By.id("order-refunds")));
        Accessibility.assertNoSeriousViolations(detail.driver(), "staff order page in en");

        Storefront packing = browser.open(port, "/admin/packing-list.html?id=" + order.id() + "&lang=en").ready("en");
        packing.waitUntil(textToBe(By.id("packing-number"), order.number()));
        assertThat(packing.element("packing-print").getText()).isEqualTo(en.text("adminOrders.packing.print"));
        Accessibility.assertNoSeriousViolations(packing.driver(), "packing list in en");
    }
}
