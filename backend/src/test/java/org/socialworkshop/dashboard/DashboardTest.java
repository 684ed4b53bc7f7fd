package org.socialworkshop.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialworkshop.corporate.CorporateFixtures;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 7: the staff dashboard counts what waits today, in the shop's time zone. One of each thing is made
 * and each figure goes up by exactly one (or by the payout's amount); what does not belong to a figure does not move
 * it. Only coordinators and admins may read it.
 */
@WorkshopTest
class DashboardTest {

    private static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    @Test
    @SuppressWarnings("unchecked")
    void eachFigureCountsItsOwnThing() {
        WebTestClient staff = CatalogFixtures.coordinator(client);
        Map<String, Object> before = figures(staff);
        assertThat(before).containsEntry("day", LocalDate.now(SHOP).toString()).containsEntry("timeZone", "Asia/Shanghai")
                .containsEntry("month", LocalDate.now(SHOP).toString().substring(0, 7));

        // A paid pickup for today (the slot list offers only times still ahead, so the slot is set to today's noon),
        // and a paid pickup for tomorrow that is not due today.
        Map<String, Object> untracked = CatalogFixtures.create(staff, CatalogFixtures.product("看板杯", "Dashboard cup", false));
        String productId = (String) untracked.get("id");
        String variantId = CatalogFixtures.firstVariantId(untracked);
        Shop shop = new Shop(client);
        pickupAt(shop.paidOrder(productId, variantId, 1), LocalDate.now(SHOP));
        pickupAt(shop.paidOrder(productId, variantId, 1), LocalDate.now(SHOP).plusDays(1));

        // A paid order to be delivered, not yet shipped.
        String cart = shop.cartWith(Map.of(productId, variantId), 1);
        Shop.Placed toShip = Shop.placed(shop.checkout(Map.of("cartId", cart, "email", "ship@example.org", "fulfilment", Map.of("type",
                "DELIVERY", "recipient", "王芳", "phone", "13800000000", "address", "武侯区一环路 1 号", "city", "成都")),
                UUID.randomUUID().toString()).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
        shop.payDemo(toShip).expectStatus().isOk();
        shop.awaitStatus(toShip, "PAID");

        // Two on hand at a threshold of three: low.
        Map<String, Object> tracked = CatalogFixtures.create(staff, CatalogFixtures.product("看板碗", "Dashboard bowl", true));
        CatalogFixtures.receive(staff, CatalogFixtures.firstVariantId(tracked), "ONLINE_STORE_ROOM", 2);

        // Work recorded without a check, and checked work the maker is then paid for.
        String maker = (String) json(staff.post().uri("/api/admin/makers").bodyValue(Map.of("name", "看板手作人", "displayName", "看板手作人"))
                .exchange().expectStatus().isCreated()).get("id");
        String operation = (String) json(staff.post().uri("/api/admin/piecework/operations").bodyValue(Map.of("productId", productId,
                "nameZh", "上釉", "nameEn", "Glazing", "rate", 150, "validFrom", LocalDate.now(SHOP).withDayOfMonth(1).toString()))
                .exchange().expectStatus().isCreated()).get("id");
        staff.post().uri("/api/admin/piecework/work").bodyValue(Map.of("makerId", maker, "operationId", operation,
                "workDate", LocalDate.now(SHOP).toString(), "pieces", 4)).exchange().expectStatus().isCreated();
        staff.post().uri("/api/admin/piecework/work").bodyValue(Map.of("makerId", maker, "operationId", operation,
                "workDate", LocalDate.now(SHOP).toString(), "pieces", 10, "check", Map.of("accepted", 10, "rejected", 0)))
                .exchange().expectStatus().isCreated();
        staff.post().uri("/api/admin/piecework/payouts").header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("makerId", maker, "amount", 700, "method", "CASH")).exchange().expectStatus().isCreated();

        // A company's accepted order, nothing delivered yet.
        acceptedCorporateOrder(staff);

        // An event delivery parked after failing every attempt, and one delivered, which is not parked.
        park(db, "test.dashboard.parked");
        db.sql("""
                INSERT INTO outbox (event_type, handler, payload, status, attempts, handled_at)
                VALUES ('StockRunningLow', 'test.dashboard.parked', '{}', 'DONE', 1, now())""").update().block();

        Map<String, Object> after = figures(staff);
        assertThat(delta(before, after, "pickupsDue")).as("pickups due today").isEqualTo(1);
        assertThat(delta(before, after, "ordersToShip")).as("orders to ship").isEqualTo(1);
        assertThat(delta(before, after, "lowStock")).as("low-stock levels").isEqualTo(1);
        assertThat(delta(before, after, "workToCheck")).as("work waiting for a check").isEqualTo(1);
        assertThat(delta(before, after, "deliveriesWaiting")).as("corporate deliveries waiting").isEqualTo(1);
        assertThat(delta(before, after, "parkedDeliveries")).as("parked outbox deliveries").isEqualTo(1);
        // Handled, so that no later test finds a delivery nobody can deliver.
        db.sql("UPDATE outbox SET status = 'DONE', handled_at = now() WHERE handler = 'test.dashboard.parked'").update().block();
        assertThat(delta(before, after, "payouts")).as("payouts this month").isEqualTo(1);
        long paidBefore = ((Number) ((Map<String, Object>) before.get("paidOut")).get("amount")).longValue();
        assertThat((Map<String, Object>) after.get("paidOut")).containsEntry("currency", "CNY")
                .containsEntry("amount", (int) (paidBefore + 700));
    }

    @Test
    void onlyCoordinatorsAndAdminsMayReadIt() {
        SignIn.admin(client).get().uri("/api/admin/dashboard").exchange().expectStatus().isOk();
        for (String[] who : List.of(new String[] {"cashier@example.org", "workshop-cashier"}, new String[] {"maker@example.org", "workshop-maker"},
                new String[] {"buyer@example.org", "workshop-buyer"})) {
            SignIn.as(client, who[0], who[1]).get().uri("/api/admin/dashboard").exchange().expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith("application/problem+json");
        }
        client.get().uri("/api/admin/dashboard").exchange().expectStatus().isUnauthorized();
    }

    /**
     * Parks a delivery as the dispatcher does after its last failed attempt, for a handler no application registers:
     * nothing delivers it, even once an admin sends it round again. Its id.
     */
    private static long park(Database db, String handler) {
        return db.sql("""
                        INSERT INTO outbox (event_type, handler, payload, status, attempts, last_error)
                        VALUES ('StockRunningLow', :handler, '{}', 'PARKED', 8, 'the downstream is down') RETURNING id""")
                .bind("handler", handler).map(row -> row.get("id", Long.class)).one().block();
    }

    private void pickupAt(Shop.Placed order, LocalDate day) {
        db.sql("UPDATE orders SET pickup_slot = :slot WHERE id = :id")
                .bind("slot", day.atTime(12, 0).atZone(SHOP).toOffsetDateTime()).bind("id", UUID.fromString(order.orderId()))
                .update().block();
    }

    private void acceptedCorporateOrder(WebTestClient staff) {
        CorporateFixtures.Registered company = CorporateFixtures.registerWithBuyer(staff, "看板公司", CorporateFixtures.code("91510104MA68000"));
        WebTestClient buyer = SignIn.as(client, company.email(), "long enough passphrase");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = CatalogFixtures.product("看板礼盒 " + tag, "Dashboard box " + tag, false);
        body.put("channels", List.of("CORPORATE"));
        String variant = CatalogFixtures.firstVariantId(CatalogFixtures.create(staff, body));
        LocalDate today = LocalDate.now(SHOP);
        String quote = (String) json(buyer.post().uri("/api/corporate/quotes").bodyValue(Map.of("lines", List.of(Map.of("variantId", variant,
                "quantity", 30, "customisations", List.of())), "wantedBy", today.plusDays(30).toString())).exchange().expectStatus().isCreated())
                .get("id");
        staff.post().uri("/api/admin/corporate/quotes/{id}/versions", quote).bodyValue(Map.of("validUntil", today.plusDays(7).toString(),
                "delivery", Map.of("amount", 0, "currency", "CNY"), "manual", List.of())).exchange().expectStatus().isOk();
        buyer.post().uri("/api/corporate/quotes/{id}/accept", quote).bodyValue(Map.of("version", 1, "poNumber", "PO-DASH"))
                .exchange().expectStatus().isOk();
    }

    private Map<String, Object> figures(WebTestClient staff) {
        return json(staff.get().uri("/api/admin/dashboard").exchange().expectStatus().isOk());
    }

    private static long delta(Map<String, Object> before, Map<String, Object> after, String figure) {
        return ((Number) after.get(figure)).longValue() - ((Number) before.get(figure)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(WebTestClient.ResponseSpec response) {
        return response.expectBody(Map.class).returnResult().getResponseBody();
    }
}
