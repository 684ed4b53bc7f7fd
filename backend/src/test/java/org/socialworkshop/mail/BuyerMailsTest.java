package org.socialworkshop.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every mail of an order's life, kept as the demo keeps them (the test instance has no SMTP server): a failed payment,
 * the confirmation, ready for pickup or shipped, a refund; in the buyer's language, with no codes in the words.
 */
@WorkshopTest
class BuyerMailsTest {

    @Autowired
    WebTestClient client;
    @Autowired
    Database db;

    Shop shop;
    WebTestClient staff;
    String productId;
    String variantId;

    @BeforeEach
    void setUp() {
        shop = new Shop(client);
        staff = CatalogFixtures.coordinator(client);
        Map<String, Object> body = CatalogFixtures.product("青花茶杯", "Blue tea cup", false);
        body.put("variants", List.of(CatalogFixtures.variant("BM-" + UUID.randomUUID().toString().substring(0, 8), 6800)));
        Map<String, Object> product = CatalogFixtures.create(staff, body);
        productId = (String) product.get("id");
        variantId = CatalogFixtures.firstVariantId(product);
    }

    record Kept(String kind, String subject, String text, String status) {
    }

    @Test
    void aPickupOrderInChineseFailsOnceIsPaidReadiedAndRefunded() {
        Shop.Placed order = place("zh-CN", "PICKUP");
        shop.failDemo(order).expectStatus().isOk();
        awaitMail(order, "PAYMENT_FAILED");
        Shop.Placed again = payAgain(order);
        shop.payDemo(again).expectStatus().isOk();
        shop.awaitStatus(order, "PAID");
        awaitMail(order, "ORDER_CONFIRMED");
        staff.post().uri("/api/admin/orders/{id}/fulfilment", order.orderId()).bodyValue(Map.of("stage", "READY_FOR_PICKUP"))
                .exchange().expectStatus().isOk();
        awaitMail(order, "READY_FOR_PICKUP");
        staff.post().uri("/api/admin/orders/{id}/refunds", order.orderId()).header("Idempotency-Key", UUID.randomUUID().toString()).bodyValue(Map.of("restock", false, "reason", "破损"))
                .exchange().expectStatus().is2xxSuccessful();
        awaitMail(order, "REFUNDED");

        List<Kept> mails = mailsOf(order);
        assertThat(mails).extracting(Kept::kind).containsExactly("PAYMENT_FAILED", "ORDER_CONFIRMED", "READY_FOR_PICKUP", "REFUNDED");
        assertThat(mails).extracting(Kept::status).containsOnly("KEPT");
        assertThat(mails).extracting(Kept::subject).containsExactly("订单 " + order.orderNumber() + " 的付款没有成功",
                "订单 " + order.orderNumber() + " 已确认", "订单 " + order.orderNumber() + " 可以自取了", "订单 " + order.orderNumber() + " 的退款");
        assertThat(mails.get(1).text()).contains("订单可以自取时，我们会再写信告诉您。");
        assertThat(mails.get(3).text()).contains("我们已为订单 " + order.orderNumber() + " 退款 ¥68.00");
        mails.forEach(mail -> assertThat(mail.text().replaceAll("https?://\\S+", "")).doesNotContainPattern("[A-Z]{2,}_[A-Z]{2,}|\\{[a-zA-Z]+}"));
    }

    @Test
    void aDeliveryInEnglishIsShippedWithTheNote() {
        Shop.Placed order = place("en", "DELIVERY");
        shop.payDemo(order).expectStatus().isOk();
        shop.awaitStatus(order, "PAID");
        staff.post().uri("/api/admin/orders/{id}/fulfilment", order.orderId())
                .bodyValue(Map.of("stage", "SHIPPED", "note", "SF Express SF1234567890")).exchange().expectStatus().isOk();
        awaitMail(order, "SHIPPED");
        awaitMail(order, "ORDER_CONFIRMED");

        Kept shipped = mailsOf(order).stream().filter(mail -> mail.kind().equals("SHIPPED")).findFirst().orElseThrow();
        assertThat(shipped.subject()).isEqualTo("Order " + order.orderNumber() + " is on its way");
        assertThat(shipped.text()).contains("From us: SF Express SF1234567890").contains("/shop/order.html?id=" + order.orderId());
        assertThat(mailsOf(order).stream().filter(mail -> mail.kind().equals("ORDER_CONFIRMED")).findFirst().orElseThrow().text())
                .contains("We will write again when your order is on its way.");
    }

    private Shop.Placed place(String lang, String fulfilment) {
        Map<String, Object> body = new HashMap<>(Shop.pickup(shop.cartWith(Map.of(productId, variantId), 1)));
        if (fulfilment.equals("DELIVERY")) {
            body.put("fulfilment", Map.of("type", "DELIVERY", "recipient", "Wang Fang", "phone", "13800000000",
                    "address", "1 Yihuan Road, Wuhou District", "city", "Chengdu"));
        }
        return Shop.placed(client.post().uri("/api/checkout?lang=" + lang).header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
    }

    @SuppressWarnings("unchecked")
    private Shop.Placed payAgain(Shop.Placed order) {
        Map<String, Object> payment = client.post().uri("/api/orders/{id}/payment?token={token}", order.orderId(), order.accessToken())
                .exchange().expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
        return new Shop.Placed(order.orderId(), order.orderNumber(), order.accessToken(), (String) payment.get("provider"),
                (String) payment.get("redirectUrl"));
    }

    private void awaitMail(Shop.Placed order, String kind) {
        Awaitility.await(kind).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> mailsOf(order).stream().anyMatch(mail -> mail.kind().equals(kind)));
    }

    private List<Kept> mailsOf(Shop.Placed order) {
        return db.sql("SELECT kind, subject, body_text, status FROM mails WHERE order_id = :order ORDER BY created_at, id")
                .bind("order", UUID.fromString(order.orderId()))
                .map(row -> new Kept(row.get("kind", String.class), row.get("subject", String.class), row.get("body_text", String.class),
                        row.get("status", String.class)))
                .list().block();
    }
}
