package org.socialworkshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A buyer on another device finds their orders: asks on /shop/find-orders.html, opens the link from the e-mail (kept in
 * the database: the test instance has no mail server) and reaches an order's page; in Chinese and English, with axe.
 */
@WorkshopTest
class BuyerFindsOrdersTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+(/shop/find-orders\\.html\\?lang=[a-zA-Z-]+#token=[A-Za-z0-9_-]+)");

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;
    @Autowired
    Database db;

    @Test
    void aBuyerFindsTheirOrdersByEmail() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = CatalogFixtures.product("竹编杯垫" + tag, "Bamboo coaster " + tag, false);
        body.put("variants", List.of(CatalogFixtures.variant("FIND-" + tag, 3000)));
        Map<String, Object> product = CatalogFixtures.create(CatalogFixtures.coordinator(client), body);
        Shop shop = new Shop(client);
        String email = "finder-" + tag + "@example.org";
        Map<String, Object> checkout = new HashMap<>(Shop.pickup(shop.cartWith(Map.of((String) product.get("id"),
                CatalogFixtures.firstVariantId(product)), 1)));
        checkout.put("email", email);
        Shop.Placed order = Shop.placed(shop.checkout(checkout, UUID.randomUUID().toString()).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());

        Messages zh = Messages.of("zh-CN");
        Storefront page = browser.open(port, "/shop/find-orders.html").ready("zh-CN");
        page.element("find-orders-submit").click();
        assertThat(page.element("find-orders-email-error").getText()).isEqualTo(zh.text("findOrders.emailMissing"));
        page.element("find-orders-email").sendKeys(email);
        page.element("find-orders-submit").click();
        page.waitUntil(textToBe(By.id("find-orders-status"), zh.text("findOrders.sent", Map.of("email", email))));
        Accessibility.assertNoSeriousViolations(page.driver(), "find my orders in zh-CN");

        Storefront found = browser.open(port, linkSentTo(email, 1)).ready("zh-CN");
        found.waitUntil(visibilityOfElementLocated(By.id("found-order-" + order.orderId())));
        assertThat(found.driver().getCurrentUrl()).as("the used token leaves the address").doesNotContain("token");
        assertThat(found.element("find-orders-found").getText()).isEqualTo("用这个邮箱地址下了 1 个订单：");
        Accessibility.assertNoSeriousViolations(found.driver(), "the orders found in zh-CN");
        found.element("found-order-" + order.orderId()).findElement(By.tagName("a")).click();
        found.waitUntil(urlContains("/shop/order.html?id=" + order.orderId()));

        Messages en = Messages.of("en");
        Storefront english = browser.open(port, "/shop/find-orders.html?lang=en").ready("en");
        english.element("find-orders-email").sendKeys(email);
        english.element("find-orders-submit").click();
        english.waitUntil(textToBe(By.id("find-orders-status"), en.text("findOrders.sent", Map.of("email", email))));
        Accessibility.assertNoSeriousViolations(english.driver(), "find my orders in en");
        String link = linkSentTo(email, 2);
        Storefront listed = browser.open(port, link).ready("en");
        listed.waitUntil(textToBe(By.id("find-orders-found"), "1 order was placed with this address:"));
        Accessibility.assertNoSeriousViolations(listed.driver(), "the orders found in en");

        Storefront again = browser.open(port, link).ready("en");
        again.waitUntil(textToBe(By.id("find-orders-notice"), en.text("findOrders.linkNotValid")));
        Accessibility.assertNoSeriousViolations(again.driver(), "a used link in en");
    }

    private String linkSentTo(String email, int mails) {
        List<String> texts = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> db.sql(
                        "SELECT body_text FROM mails WHERE recipient = :email AND kind = 'FIND_ORDERS' ORDER BY created_at")
                .bind("email", email).map(row -> row.get("body_text", String.class)).list().block(), found -> found.size() == mails);
        Matcher link = LINK.matcher(texts.get(mails - 1));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }
}
