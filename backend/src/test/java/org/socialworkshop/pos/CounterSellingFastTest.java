package org.socialworkshop.pos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.piecework.Ledger;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, step 6, on the server: a drink with its size and add-ons, a canteen meal at the price list a cashier
 * chooses for an elderly diner, a discount within what the cashier may give, a note to the bar and a pickup number:
 * each is priced by the server as the tablet priced it, on a receipt of format 3 that verifies; what does not fit a
 * product's modifier groups, a discount beyond the cashier's permission, or a list that does not exist is refused,
 * except a discount given offline, which stands and is written to the audit log.
 */
@WorkshopTest
class CounterSellingFastTest {

    private static final String PROBLEMS = "https://social-workshop.org/problems/";

    @Autowired
    WebTestClient client;

    @Autowired
    Accounts accounts;

    @Autowired
    Database db;

    @Autowired
    SignedDocuments documents;

    @Autowired
    Ledger ledger;

    StaffedCounter counter;
    WebTestClient coordinator;
    String tag;
    String latte;
    String meal;
    String large;
    String regular;
    String oatMilk;
    String sizeGroup;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void aCounterWithDrinksMealsAndAPriceList() {
        coordinator = CatalogFixtures.coordinator(client);
        tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        sizeGroup = "SIZE_" + tag;
        Map<String, Object> size = coordinator.put().uri("/api/admin/modifier-groups/{code}", sizeGroup)
                .bodyValue(Map.of("nameZh", "杯型", "nameEn", "Size", "minChoices", 1, "maxChoices", 1, "options", List.of(
                        Map.of("nameZh", "中杯", "nameEn", "Regular", "priceDelta", 0),
                        Map.of("nameZh", "大杯", "nameEn", "Large", "priceDelta", 300))))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        regular = (String) ((List<Map<String, Object>>) size.get("options")).get(0).get("id");
        large = (String) ((List<Map<String, Object>>) size.get("options")).get(1).get("id");
        Map<String, Object> addOns = coordinator.put().uri("/api/admin/modifier-groups/{code}", "ADD_ONS_" + tag)
                .bodyValue(Map.of("nameZh", "加料", "nameEn", "Add-ons", "minChoices", 0, "maxChoices", 2, "options", List.of(
                        Map.of("nameZh", "燕麦奶", "nameEn", "Oat milk", "priceDelta", 400))))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        oatMilk = (String) ((List<Map<String, Object>>) addOns.get("options")).get(0).get("id");

        Map<String, Object> drink = CatalogFixtures.product("拿铁 " + tag, "Latte " + tag, false);
        drink.put("category", "CAFE_DRINK");
        drink.put("taxCategory", "CATERING");
        drink.put("variants", List.of(CatalogFixtures.variant("LATTE-" + tag, 2200)));
        drink.put("modifierGroups", List.of(sizeGroup, "ADD_ONS_" + tag));
        Map<String, Object> created = CatalogFixtures.create(coordinator, drink);
        assertThat(created.get("modifierGroups")).isEqualTo(List.of(sizeGroup, "ADD_ONS_" + tag));
        latte = CatalogFixtures.firstVariantId(created);
        Map<String, Object> set = CatalogFixtures.product("套餐 " + tag, "Set meal " + tag, false);
        set.put("category", "CANTEEN_MEAL");
        set.put("taxCategory", "CATERING");
        set.put("variants", List.of(CatalogFixtures.variant("MEAL-" + tag, 2000)));
        meal = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, set));
        coordinator.put().uri("/api/admin/price-lists/{code}", "ELDERLY_" + tag)
                .bodyValue(Map.of("nameZh", "长者助餐", "nameEn", "Elderly diners", "prices", List.of(Map.of("variantId", meal, "amount", 1200))))
                .exchange().expectStatus().isOk();

        counter = new StaffedCounter(client, coordinator, accounts);
        coordinator.put().uri("/api/admin/staff/{id}/discounts", counter.cashier.id().value()).bodyValue(Map.of("upTo", 20))
                .exchange().expectStatus().isNoContent();
        counter.post("/api/pos/shift", Map.of("openingFloat", TabletSale.money(20000)), null).expectStatus().isCreated();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDrinkWithOptionsAndAMealAtTheDinersPriceWithADiscountAndAPickupNumber() {
        Map<String, Object> device = counter.get("/api/pos/device").expectBody(Map.class).returnResult().getResponseBody();
        assertThat(device.get("permissions")).isEqualTo(Map.of("discountUpTo", 20));
        TabletSale sale = new TabletSale(counter.catalog()).priceList("ELDERLY_" + tag).pickup(42)
                .add(latte, 2, List.of(large, oatMilk), 500, "熟客", "少冰")
                .add(meal, 1);
        assertThat(sale.total()).as("(2200 + 300 + 400) × 2 − 500, and the meal at the list's 1200").isEqualTo(5300 + 1200);
        Map<String, Object> sold = counter.post("/api/pos/sales", sale.body(counter.tablet, documents, counter.registerId, counter.series(), 10000), null)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String code = (String) ((Map<String, Object>) sold.get("receipt")).get("code");
        Map<String, Object> receipt = client.get().uri("/api/receipts/{code}", code).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<String, Object>) receipt.get("verification")).get("status")).isEqualTo("GENUINE");
        String payload = new String(Base64.getUrlDecoder().decode((String) ((Map<String, Object>) receipt.get("signed")).get("payload")),
                StandardCharsets.UTF_8);
        assertThat(payload).contains("\"v\":3", "\"pickupNumber\":42", "\"options\":[{\"name\":\"大杯\"", "\"reason\":\"熟客\"");
        assertThat(new String(client.get().uri("/api/receipts/{code}/receipt.escpos", code).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.ISO_8859_1))
                .as("the roll says the pickup number and the options").contains("Pickup number", "42", "Oat milk");

        assertThat(db.sql("""
                        SELECT l.unit_price_minor || ' ' || l.discount_minor || ' ' || l.discount_reason || ' ' || l.note
                               || ' ' || jsonb_array_length(l.options) AS v
                        FROM order_lines l WHERE l.order_id = :id AND l.position = 0""")
                .bind("id", UUID.fromString((String) sold.get("orderId"))).map(row -> row.get("v", String.class)).one().block())
                .isEqualTo("2900 500 熟客 少冰 2");
        assertThat(db.sql("SELECT price_list || ' ' || pickup_number AS v FROM pos_sales WHERE client_id = :id")
                .bind("id", sale.clientId).map(row -> row.get("v", String.class)).one().block()).isEqualTo("ELDERLY_" + tag + " 42");
    }

    @Test
    void optionsThatDoNotFitTheProductAreRefused() {
        refused(new TabletSale(counter.catalog()).add(latte, 1), 422, "options-invalid");
        refused(new TabletSale(counter.catalog()).add(latte, 1, List.of(regular, large), 0, null, null), 422, "options-invalid");
        refused(new TabletSale(counter.catalog()).add(meal, 1, List.of(), 0, null, null), 0, null);
        Map<String, Object> body = new TabletSale(counter.catalog()).add(meal, 1).body(counter.tablet, documents, counter.registerId, counter.series(), 2000);
        Map<String, Object> line = new HashMap<>(Map.of("variantId", meal, "quantity", 1, "options", List.of(large)));
        counter.post("/api/pos/sales", with(body, "lines", List.of(line)), null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "options-invalid");
        counter.post("/api/pos/sales", with(body, "priceList", "NO_SUCH_LIST"), null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unknown-price-list");
    }

    @Test
    void aDiscountBeyondTheCashiersPermissionIsRefusedOnlineAndWrittenDownOffline() {
        TabletSale tooMuch = new TabletSale(counter.catalog()).add(meal, 1, List.of(), 401, "坏了一角", null);
        refused(tooMuch, 403, "discount-not-allowed");
        TabletSale within = new TabletSale(counter.catalog()).add(meal, 1, List.of(), 400, "坏了一角", null);
        refused(within, 0, null);

        TabletSale offline = new TabletSale(counter.catalog()).add(meal, 1, List.of(), 1000, "员工餐", null);
        Map<String, Object> sold = counter.post("/api/pos/sales",
                        with(offline.body(counter.tablet, documents, counter.registerId, counter.series(), 1000), "offline", true), null)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(db.sql("SELECT count(*)::text AS v FROM audit_log WHERE action = 'pos.discount-beyond-permission' AND subject = :s")
                .bind("s", "order:" + sold.get("orderNumber")).map(row -> row.get("v", String.class)).one().block()).isEqualTo("1");
        TabletSale all = new TabletSale(counter.catalog()).add(meal, 1, List.of(), 2000, "免单", null).add(meal, 1);
        refused(all, 422, "discount-invalid");
    }

    @Test
    void aMakersShareOfACounterSaleIsOfWhatWasPaidAfterTheDiscount() {
        UUID maker = UUID.fromString((String) coordinator.post().uri("/api/admin/makers")
                .bodyValue(Map.of("name", "寄售手作人", "displayName", "寄售手作人"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
        Map<String, Object> scarf = CatalogFixtures.create(coordinator, CatalogFixtures.product("围巾 " + tag, "Scarf " + tag, false));
        coordinator.put().uri("/api/admin/piecework/consignments/{id}", scarf.get("id")).bodyValue(Map.of("makerId", maker, "share", 0.5))
                .exchange().expectStatus().isNoContent();
        counter.sell(new TabletSale(counter.catalog()).add(CatalogFixtures.firstVariantId(scarf), 1, List.of(), 1020, "展品", null),
                documents, 6800 - 1020).expectStatus().isCreated();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ledger.balance(maker, null).block())
                .as("half of 57.80 paid, less 13% VAT (51.15)").isEqualTo(2558));
    }

    /** Posts the sale: refused with {@code type} and {@code status}, or (type null) stored. */
    private void refused(TabletSale sale, int status, String type) {
        WebTestClient.ResponseSpec answer = counter.post("/api/pos/sales",
                sale.body(counter.tablet, documents, counter.registerId, counter.series(), sale.total()), null);
        if (type == null) {
            answer.expectStatus().isCreated();
        } else {
            answer.expectStatus().isEqualTo(status).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + type);
        }
    }



    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(key, value);
        return changed;
    }
}
