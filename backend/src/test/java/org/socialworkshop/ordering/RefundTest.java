package org.socialworkshop.ordering;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.inventory.Inventory;
import org.socialworkshop.inventory.StockLevel;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.RefundRace;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff refunds: never more than was paid, also at the same moment; stock returns when asked. */
@WorkshopTest
class RefundTest {

    @Autowired
    WebTestClient client;

    @Autowired
    Inventory inventory;

    @Autowired
    Database db;

    WebTestClient staff;
    Shop shop;
    String productId;
    String variantId;

    @BeforeEach
    void setUp() {
        staff = CatalogFixtures.coordinator(client);
        shop = new Shop(client);
        Map<String, Object> body = CatalogFixtures.product("退款杯", "Refund cup", true);
        body.put("variants", List.of(CatalogFixtures.variant("R-" + UUID.randomUUID().toString().substring(0, 8), 4000)));
        Map<String, Object> product = CatalogFixtures.create(staff, body);
        productId = (String) product.get("id");
        variantId = CatalogFixtures.firstVariantId(product);
        CatalogFixtures.receive(staff, variantId, "ONLINE_STORE_ROOM", 10);
    }

    WebTestClient.ResponseSpec refund(Shop.Placed order, Map<String, Object> body) {
        return staff.post().uri("/api/admin/orders/{id}/refunds", order.orderId())
                .header("Idempotency-Key", UUID.randomUUID().toString()).bodyValue(body).exchange();
    }

    long onHand() {
        return inventory.levelsOf(new VariantId(UUID.fromString(variantId))).block().stream()
                .filter(level -> level.location().equals("ONLINE_STORE_ROOM")).mapToLong(StockLevel::onHand).sum();
    }

    @Test
    void refundingChosenUnitsWithRestockReturnsThemAndLeavesTheOrderPartlyRefunded() {
        Shop.Placed order = shop.paidOrder(productId, variantId, 3);
        String lineId = (String) Shop.lines(shop.order(order)).get(0).get("lineId");
        assertThat(onHand()).isEqualTo(7);

        refund(order, Map.of("lines", List.of(Map.of("lineId", lineId, "quantity", 1)), "restock", true, "reason", "chipped"))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.status").isEqualTo("SUCCEEDED")
                .jsonPath("$.amount.amount").isEqualTo(4000)
                .jsonPath("$.method").isEqualTo("ORIGINAL");

        Map<String, Object> after = shop.order(order);
        assertThat(after.get("status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(after.get("refunded")).isEqualTo(Map.of("amount", 4000, "currency", "CNY"));
        assertThat(Shop.lines(after).get(0).get("refundedQuantity")).isEqualTo(1);
        assertThat(onHand()).isEqualTo(8);

        refund(order, Map.of("lines", List.of(Map.of("lineId", lineId, "quantity", 3)), "restock", true, "reason", "too many"))
                .expectStatus().isEqualTo(422);
        refund(order, Map.of("restock", false, "reason", "the rest, in cash", "method", "CASH"))
                .expectStatus().isCreated().expectBody().jsonPath("$.amount.amount").isEqualTo(8000);
        assertThat(shop.order(order).get("status")).isEqualTo("REFUNDED");
        assertThat(onHand()).isEqualTo(8);
        refund(order, Map.of("amount", Map.of("amount", 1, "currency", "CNY"), "restock", false, "reason", "one more fen"))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void fiveStaffRefundingTheWholeOrderAtOnceRefundItOnce() {
        Shop.Placed order = shop.paidOrder(productId, variantId, 2);

        List<RefundRace.Answer> answers = RefundRace.refundAtOnce(RefundRace.staff(client, 5), order.orderId(),
                Map.of("restock", true, "reason", "duplicate order"));

        RefundRace.assertRefundedOnce(answers, 8000, "REFUNDED", order.orderId(), db, staff);
        assertThat(onHand()).isEqualTo(10);
    }

    @Test
    void fiveStaffRefundingSixtyPercentAtOnceRefundItOnceAndNeverMoreThanWasPaid() {
        Shop.Placed order = shop.paidOrder(productId, variantId, 5);
        long sixtyPercent = 5 * 4000 * 60 / 100;

        List<RefundRace.Answer> answers = RefundRace.refundAtOnce(RefundRace.staff(client, 5), order.orderId(),
                Map.of("amount", Map.of("amount", sixtyPercent, "currency", "CNY"), "restock", false, "reason", "late delivery"));

        RefundRace.assertRefundedOnce(answers, sixtyPercent, "PARTIALLY_REFUNDED", order.orderId(), db, staff);
        assertThat(answers).filteredOn(answer -> answer.status() != 201)
                .allSatisfy(refused -> assertThat((String) refused.body().get("type")).endsWith("/refund-too-large"));
    }

    @Test
    void amountsAndLinesCannotBothBeGivenAndUnpaidOrdersCannotBeRefunded() {
        Shop.Placed unpaid = shop.checkout(shop.cartWith(Map.of(productId, variantId), 1));
        refund(unpaid, Map.of("restock", false, "reason", "nothing paid")).expectStatus().isEqualTo(409);
        refund(unpaid, Map.of("amount", Map.of("amount", 100), "lines", List.of(Map.of("lineId", UUID.randomUUID(), "quantity", 1)),
                "restock", false, "reason", "both")).expectStatus().isBadRequest();
        refund(unpaid, Map.of("restock", false)).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        client.post().uri("/api/admin/orders/{id}/refunds", unpaid.orderId()).bodyValue(Map.of("restock", false, "reason", "x"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void staffPrepareAndFulfilPaidOrders() {
        Shop.Placed order = shop.paidOrder(productId, variantId, 1);

        staff.post().uri("/api/admin/orders/{id}/fulfilment", order.orderId()).bodyValue(Map.of("stage", "SHIPPED", "note", "SF123"))
                .exchange().expectStatus().isEqualTo(409);
        staff.post().uri("/api/admin/orders/{id}/fulfilment", order.orderId()).bodyValue(Map.of("stage", "READY_FOR_PICKUP"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.fulfilmentStage").isEqualTo("READY_FOR_PICKUP");
        staff.post().uri("/api/admin/orders/{id}/fulfilment", order.orderId()).bodyValue(Map.of("stage", "FULFILLED"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("FULFILLED")
                .jsonPath("$.history[?(@.action == 'order.fulfilled')]").exists();
        staff.post().uri("/api/admin/orders/{id}/cancel", order.orderId()).bodyValue(Map.of("reason", "changed mind"))
                .exchange().expectStatus().isEqualTo(409);
        staff.get().uri("/api/admin/orders?q={q}", order.orderNumber()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].orderNumber").isEqualTo(order.orderNumber());
    }

    @Test
    void staffCancelAnUnpaidOrderAndItsStockIsFreed() {
        Shop.Placed order = shop.checkout(shop.cartWith(Map.of(productId, variantId), 4));
        staff.post().uri("/api/admin/orders/{id}/cancel", order.orderId()).bodyValue(Map.of("reason", "asked by phone"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        assertThat(inventory.available(List.of(new VariantId(UUID.fromString(variantId))), org.socialworkshop.catalog.Channel.ONLINE)
                .block().values()).containsExactly(10L);
    }
}
