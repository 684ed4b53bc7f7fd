package org.socialworkshop.pos;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, step 9, the shift's reports on the server: an X report during the shift and the Z report at its close say
 * the shift's sales by tender, category and product, its price lists, discounts and taxes, and its drawer (float, paid
 * in and out, cash from sales, expected, and on the Z report counted and the difference); they are signed, checkable by
 * their code, and kept as signed.
 */
@WorkshopTest
class ShiftReportsTest {

    @Autowired
    WebTestClient client;

    @Autowired
    Accounts accounts;

    @Autowired
    Database db;

    @Autowired
    SignedDocuments documents;

    StaffedCounter counter;
    String meal;
    String cup;
    String list;

    @BeforeEach
    void aShiftWithTwoSales() {
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Map<String, Object> set = CatalogFixtures.product("套餐 " + tag, "Set meal " + tag, false);
        set.put("category", "CANTEEN_MEAL");
        set.put("taxCategory", "CATERING");
        set.put("variants", List.of(CatalogFixtures.variant("R-MEAL-" + tag, 2000)));
        meal = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, set));
        cup = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, CatalogFixtures.product("杯 " + tag, "Cup " + tag, false)));
        list = "ELDER_" + tag;
        coordinator.put().uri("/api/admin/price-lists/{code}", list)
                .bodyValue(Map.of("nameZh", "长者", "nameEn", "Elderly", "prices", List.of(Map.of("variantId", meal, "amount", 1200))))
                .exchange().expectStatus().isOk();
        counter = new StaffedCounter(client, coordinator, accounts);
        coordinator.put().uri("/api/admin/staff/{id}/discounts", counter.cashier.id().value()).bodyValue(Map.of("upTo", 50))
                .exchange().expectStatus().isNoContent();
        counter.post("/api/pos/shift", Map.of("openingFloat", TabletSale.money(20000)), null).expectStatus().isCreated();
        sell(new TabletSale(counter.catalog()).priceList(list).add(meal, 2), 2400);
        sell(new TabletSale(counter.catalog()).add(cup, 1, List.of(), 800, "展品", null).add(meal, 1), 8000);
        counter.post("/api/pos/shift/cash-movements", Map.of("kind", "PAID_IN", "amount", TabletSale.money(500), "reason", "零钱"), null)
                .expectStatus().isCreated();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anXReportDuringTheShiftAndAZReportAtItsCloseSayItsFiguresSigned() {
        Map<String, Object> x = counter.post("/api/pos/shift/reports", Map.of(), null).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> report = (Map<String, Object>) x.get("report");
        assertThat(report).containsEntry("kind", "SHIFT_REPORT").containsEntry("type", "X").containsEntry("register", counter.registerId);
        Map<String, Object> sales = (Map<String, Object>) report.get("sales");
        long total = 2400 + (6800 - 800) + 2000;
        assertThat(sales).containsEntry("count", 2).containsEntry("total", Map.of("amount", (int) total, "currency", "CNY"));
        assertThat((List<Map<String, Object>>) sales.get("tenders")).singleElement()
                .isEqualTo(Map.of("type", "CASH", "count", 2, "amount", Map.of("amount", (int) total, "currency", "CNY")));
        assertThat((List<Map<String, Object>>) sales.get("categories")).extracting(category -> category.get("code") + " " + category.get("quantity"))
                .containsExactlyInAnyOrder("CANTEEN_MEAL 3", "HANDCRAFT 1");
        assertThat((List<Map<String, Object>>) sales.get("priceLists")).singleElement()
                .isEqualTo(Map.of("code", list, "nameZh", "长者", "nameEn", "Elderly", "count", 1,
                        "amount", Map.of("amount", 2400, "currency", "CNY")));
        assertThat(sales.get("discounts")).isEqualTo(Map.of("lines", 1, "amount", Map.of("amount", 800, "currency", "CNY")));
        assertThat((List<Map<String, Object>>) report.get("taxes")).extracting(tax -> tax.get("rate")).containsExactly("0.06", "0.13");
        Map<String, Object> drawer = (Map<String, Object>) report.get("drawer");
        assertThat(drawer.get("expected")).isEqualTo(Map.of("amount", (int) (20000 + 500 + total), "currency", "CNY"));
        assertThat(drawer.get("counted")).isNull();
        assertThat(drawer.get("cashRefunds")).isEqualTo(Map.of("amount", 0, "currency", "CNY"));
        assertThat(report.get("refunds")).as("no returns in this shift (CounterReturnTest has some)")
                .isEqualTo(Map.of("count", 0, "total", Map.of("amount", 0, "currency", "CNY"), "tenders", List.of()));
        client.get().uri("/api/pos/reports/{code}", x.get("code")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(true).jsonPath("$.report.type").isEqualTo("X");

        String closing = UUID.randomUUID().toString();
        Map<String, Object> closed = counter.post("/api/pos/shift/close", Map.of("countedCash", TabletSale.money(20000 + 500 + total - 100)),
                closing).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String z = (String) ((Map<String, Object>) closed.get("closing")).get("report");
        assertThat(z).isNotBlank();
        client.get().uri("/api/pos/reports/{code}", z).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(true)
                .jsonPath("$.report.type").isEqualTo("Z")
                .jsonPath("$.report.drawer.counted.amount").isEqualTo((int) (20000 + 500 + total - 100))
                .jsonPath("$.report.drawer.difference.amount").isEqualTo(-100)
                .jsonPath("$.report.sales.count").isEqualTo(2);
        counter.post("/api/pos/shift/close", Map.of("countedCash", TabletSale.money(20000 + 500 + total - 100)), closing).expectStatus().isOk()
                .expectBody().jsonPath("$.closing.report").isEqualTo(z);
        counter.post("/api/pos/shift/reports", Map.of(), null).expectStatus().isEqualTo(409);

        String forged = z.substring(0, z.length() - 2) + (z.endsWith("AA") ? "BA" : "AA");
        client.get().uri("/api/pos/reports/{code}", forged).exchange().expectStatus().isNotFound();
        assertThatThrownBy(() -> db.sql("UPDATE pos_shift_reports SET kind = 'X' WHERE id = :id")
                .bind("id", UUID.fromString(z.substring(0, 36))).update().block()).hasMessageContaining("append-only");
        assertThat(db.sql("SELECT count(*)::text AS v FROM pos_shift_reports WHERE shift_id = (SELECT shift_id FROM pos_shift_reports WHERE id = :id) AND kind = 'Z'")
                .bind("id", UUID.fromString(z.substring(0, 36))).map(row -> row.get("v", String.class)).one().block()).isEqualTo("1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void linesVoidedAndTheDrawerOpenedWithoutASaleAreInTheReportsOnceEach() {
        UUID voidId = UUID.randomUUID();
        Map<String, Object> voided = Map.of("id", voidId, "variantId", cup, "quantity", 2, "amount", TabletSale.money(13600));
        counter.post("/api/pos/voids", voided, null).expectStatus().isCreated();
        counter.post("/api/pos/voids", voided, null).expectStatus().isCreated();
        UUID opening = UUID.randomUUID();
        counter.post("/api/pos/shift/no-sale", Map.of("id", opening, "reason", "找零 change for a ¥100 note"), null).expectStatus().isCreated();
        counter.post("/api/pos/shift/no-sale", Map.of("id", opening, "reason", "找零 change for a ¥100 note"), null).expectStatus().isCreated();
        counter.post("/api/pos/voids", Map.of("id", UUID.randomUUID(), "variantId", UUID.randomUUID(), "quantity", 1,
                "amount", TabletSale.money(100)), null).expectStatus().isEqualTo(422);
        counter.post("/api/pos/voids", Map.of("id", UUID.randomUUID(), "variantId", cup, "quantity", 0,
                "amount", TabletSale.money(100)), null).expectStatus().isBadRequest();
        counter.post("/api/pos/shift/no-sale", Map.of("id", UUID.randomUUID(), "reason", " "), null).expectStatus().isBadRequest();

        Map<String, Object> report = (Map<String, Object>) counter.post("/api/pos/shift/reports", Map.of(), null).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("report");
        Map<String, Object> voids = (Map<String, Object>) report.get("voided");
        assertThat(voids).containsEntry("lines", 1).containsEntry("quantity", 2).containsEntry("amount", Map.of("amount", 13600, "currency", "CNY"));
        assertThat((List<Map<String, Object>>) voids.get("each")).singleElement()
                .satisfies(line -> assertThat(line.get("cashier")).isEqualTo(counter.cashier.email()))
                .satisfies(line -> assertThat((String) line.get("nameEn")).startsWith("Cup "));
        assertThat((List<Map<String, Object>>) report.get("noSales")).singleElement()
                .satisfies(noSale -> assertThat(noSale.get("reason")).isEqualTo("找零 change for a ¥100 note"));
        assertThat(db.sql("SELECT count(*)::text AS v FROM audit_log WHERE action = 'pos.drawer-opened' AND subject = :s")
                .bind("s", "register:" + counter.registerId).map(row -> row.get("v", String.class)).one().block()).isEqualTo("1");
    }

    private void sell(TabletSale sale, long given) {
        counter.sell(sale, documents, given).expectStatus().isCreated();
    }
}
