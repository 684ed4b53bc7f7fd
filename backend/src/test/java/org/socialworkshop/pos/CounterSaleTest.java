package org.socialworkshop.pos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.shared.SignatureText;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, step 4: a cash sale at the counter is stored with the receipt the tablet numbered, chained and signed: the
 * receipt verifies like any other (also after the tablet is revoked), the stock leaves, the order is paid and handed
 * over, the drawer expects the cash. A receipt that says anything else than the sale, does not continue the series or
 * is not the tablet's signature is refused, and nothing is stored; a sale sent again, also twice at once, is stored once.
 */
@WorkshopTest
class CounterSaleTest {

    private static final String PROBLEMS = "https://social-workshop.org/problems/";

    @Autowired
    WebTestClient client;

    @Autowired
    Accounts accounts;

    @Autowired
    Database db;

    @Autowired
    SignedDocuments documents;

    StaffedCounter counter;
    WebTestClient coordinator;
    String cup;
    String noodles;
    Map<String, Object> cupProduct;
    String cupProductId;

    @BeforeEach
    void staffedCounterWithAnOpenShift() {
        coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        cupProduct = CatalogFixtures.product("青花杯 " + tag, "Blue cup " + tag, true);
        Map<String, Object> created = CatalogFixtures.create(coordinator, cupProduct);
        cupProductId = (String) created.get("id");
        cup = CatalogFixtures.firstVariantId(created);
        CatalogFixtures.receive(coordinator, cup, "WORKSHOP_SHOP", 5);
        Map<String, Object> meal = CatalogFixtures.product("红烧肉套餐 " + tag, "Braised pork set " + tag, false);
        meal.put("category", "CANTEEN_MEAL");
        meal.put("taxCategory", "CATERING");
        meal.put("variants", List.of(CatalogFixtures.variant("MEAL-" + tag, 1850)));
        noodles = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, meal));
        counter = new StaffedCounter(client, coordinator, accounts);
        counter.post("/api/pos/shift", Map.of("openingFloat", TabletSale.money(20000)), null).expectStatus().isCreated();
    }

    @Test
    void aCashSaleIsStoredWithTheReceiptTheTabletSigned() {
        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 2).add(noodles, 1);
        assertThat(sale.total()).isEqualTo(2 * 6800 + 1850);
        Map<String, Object> sold = sell(sale, 20000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(sold.get("orderNumber")).isEqualTo(counter.registerId + "-1");
        assertThat(sold.get("change")).isEqualTo(Map.of("amount", 20000 - 15450, "currency", "CNY"));
        @SuppressWarnings("unchecked")
        Map<String, Object> receipt = (Map<String, Object>) sold.get("receipt");
        assertThat(receipt.get("number")).isEqualTo(1);
        assertThat(sold.get("series")).isEqualTo(Map.of("lastNumber", 1, "lastHash", receipt.get("hash"), "keyId", counter.series().get("keyId")));

        client.get().uri("/api/receipts/{code}", receipt.get("code")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.verification.status").isEqualTo("GENUINE")
                .jsonPath("$.register").isEqualTo(counter.registerId)
                .jsonPath("$.total.amount").isEqualTo(15450)
                .jsonPath("$.lines.length()").isEqualTo(2)
                .jsonPath("$.taxes.length()").isEqualTo(2)
                .jsonPath("$.tenders[0].type").isEqualTo("CASH")
                .jsonPath("$.tenders[0].given.amount").isEqualTo(20000)
                .jsonPath("$.tenders[0].change.amount").isEqualTo(4550);
        WebTestClient admin = SignIn.as(client, "admin@example.org", "workshop-admin");
        admin.get().uri("/api/admin/receipts/registers/{id}/check", counter.registerId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(true).jsonPath("$.checked").isEqualTo(1);
        client.get().uri("/.well-known/receipt-keys").exchange().expectBody()
                .jsonPath("$.keys[?(@.kid == '%s')].register".formatted(counter.series().get("keyId"))).isEqualTo(counter.registerId);

        assertThat(one("SELECT status || ' ' || channel AS v FROM orders WHERE id = CAST(:id AS uuid)", sold.get("orderId")))
                .as("paid; the meal waits for its kitchen ticket to be collected").isEqualTo("PAID POS");
        assertThat(one("SELECT on_hand::text AS v FROM stock_levels WHERE variant_id = CAST(:id AS uuid) AND location = 'WORKSHOP_SHOP'", cup))
                .isEqualTo("3");
        counter.get("/api/pos/shift").expectStatus().isOk().expectBody()
                .jsonPath("$.shift.sales.count").isEqualTo(1)
                .jsonPath("$.shift.sales.total.amount").isEqualTo(15450)
                .jsonPath("$.shift.expectedCash.amount").isEqualTo(20000 + 15450);

        // The next sale continues the series from the answer's position.
        TabletSale next = new TabletSale(counter.catalog()).add(noodles, 2);
        sell(next, 3700).expectStatus().isCreated().expectBody()
                .jsonPath("$.receipt.number").isEqualTo(2)
                .jsonPath("$.change.amount").isEqualTo(0);
        admin.get().uri("/api/admin/receipts/registers/{id}/check", counter.registerId).exchange().expectBody()
                .jsonPath("$.valid").isEqualTo(true).jsonPath("$.checked").isEqualTo(2);
    }

    /**
     * A tablet signs receipts of format 3, in English too (ADR 0033); one still running the page from before signs format
     * 1, without the English members, and its sale is stored as well: an old tablet keeps selling after the update.
     */
    @Test
    void receiptsSpeakEnglishAndATabletOnAnOlderPageKeepsSelling() {
        TabletSale old = new TabletSale(counter.catalog()).asOldPage().add(cup, 1);
        Map<String, Object> oldSold = sell(old, 6800).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String oldCode = (String) ((Map<?, ?>) oldSold.get("receipt")).get("code");
        client.get().uri("/api/receipts/{code}", oldCode).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.verification.status").isEqualTo("GENUINE")
                .jsonPath("$.seller.nameEn").doesNotExist()
                .jsonPath("$.lines[0].variantEn").doesNotExist()
                .jsonPath("$.makersEn").doesNotExist();
        assertThat(payload(oldCode)).contains("\"v\":1");

        TabletSale now = new TabletSale(counter.catalog()).add(cup, 1);
        Map<String, Object> sold = sell(now, 6800).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String code = (String) ((Map<?, ?>) sold.get("receipt")).get("code");
        @SuppressWarnings("unchecked")
        Map<String, Object> seller = (Map<String, Object>) counter.catalog().get("seller");
        assertThat(seller.get("nameEn")).asString().isNotBlank().doesNotContainPattern("\\p{IsHan}");
        client.get().uri("/api/receipts/{code}", code).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.verification.status").isEqualTo("GENUINE")
                .jsonPath("$.number").isEqualTo(2)
                .jsonPath("$.seller.nameEn").isEqualTo(seller.get("nameEn"))
                .jsonPath("$.seller.addressEn").isEqualTo(seller.get("addressEn"))
                .jsonPath("$.lines[0].variantEn").isEqualTo("Standard")
                .jsonPath("$.makersEn").isArray();
        assertThat(payload(code)).contains("\"v\":3");
        WebTestClient admin = SignIn.as(client, "admin@example.org", "workshop-admin");
        admin.get().uri("/api/admin/receipts/registers/{id}/check", counter.registerId).exchange().expectBody()
                .jsonPath("$.valid").isEqualTo(true).jsonPath("$.checked").isEqualTo(2);
    }

    /** The canonical bytes a receipt was signed over, as its public answer gives them. */
    private String payload(String code) {
        String base64 = (String) ((Map<?, ?>) client.get().uri("/api/receipts/{code}", code).exchange().expectBody(Map.class)
                .returnResult().getResponseBody().get("signed")).get("payload");
        return new String(Base64.getUrlDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Test
    void aSaleSentAgainIsStoredOnceAlsoWhenSentTwiceAtOnce() {
        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 1);
        Map<String, Object> body = sale.body(counter.tablet, documents, counter.registerId, counter.series(), 6800);
        List<Integer> statuses = Flux.range(0, 2)
                .flatMap(attempt -> Flux.just(attempt).publishOn(Schedulers.boundedElastic())
                        .map(ignored -> counter.post("/api/pos/sales", body, null).returnResult(Map.class).getStatus().value()))
                .collectList().block();
        assertThat(statuses).containsExactlyInAnyOrder(201, 200);
        counter.post("/api/pos/sales", body, null).expectStatus().isOk().expectBody()
                .jsonPath("$.receipt.number").isEqualTo(1).jsonPath("$.orderNumber").isEqualTo(counter.registerId + "-1");
        assertThat(one("SELECT count(*)::text AS v FROM pos_sales WHERE register_id = :id", counter.registerId)).isEqualTo("1");
        assertThat(one("SELECT count(*)::text AS v FROM receipts WHERE register = :id", counter.registerId)).isEqualTo("1");
        assertThat(one("SELECT on_hand::text AS v FROM stock_levels WHERE variant_id = CAST(:id AS uuid) AND location = 'WORKSHOP_SHOP'", cup))
                .isEqualTo("4");

        // The same id with another receipt is not the same sale.
        Map<String, Object> other = new TabletSale(counter.catalog()).add(cup, 1).body(counter.tablet, documents, counter.registerId, counter.series(), 7000);
        counter.post("/api/pos/sales", withClientId(other, sale.clientId), null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "sale-conflict");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReceiptThatDoesNotMatchTheSaleIsRefusedAndNothingIsStored() {
        Map<String, Object> series = counter.series();
        refused(receipt -> ((Map<String, Object>) ((List<Map<String, Object>>) receipt.get("lines")).get(0)).put("unitPrice", TabletSale.money(6000)),
                422, "receipt-differs").jsonPath("$.field").isEqualTo("/lines/0/unitPrice")
                .jsonPath("$.expected.amount").isEqualTo(6800).jsonPath("$.signed.amount").isEqualTo(6000);
        refused(receipt -> receipt.put("makers", List.of("冒名者")), 422, "receipt-differs").jsonPath("$.field").isEqualTo("/makers");
        refused(receipt -> {
            receipt.put("number", 2);
            receipt.put("orderNumber", counter.registerId + "-2");
        }, 409, "receipt-out-of-sequence")
                .jsonPath("$.series.lastNumber").isEqualTo(0).jsonPath("$.series.lastHash").isEqualTo(series.get("lastHash"));
        refused(receipt -> receipt.put("previousHash", "0".repeat(64)), 409, "receipt-out-of-sequence");
        refused(receipt -> receipt.put("issuedAt", "2099-01-01T00:00:00.000000Z"), 422, "receipt-differs");

        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 1);
        Map<String, Object> body = sale.body(counter.tablet, documents, counter.registerId, series, 6800);
        Map<String, Object> forged = Map.of("payload", ((Map<?, ?>) body.get("receipt")).get("payload"),
                "signature", SignatureText.of(new PairedTablet().sign("someone else")));
        counter.post("/api/pos/sales", with(body, "receipt", forged), null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "receipt-signature-invalid");
        counter.post("/api/pos/sales", new TabletSale(counter.catalog()).add(cup, 1).body(counter.tablet, documents, counter.registerId, series, 6799),
                null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-enough-cash");
        counter.post("/api/pos/sales", with(body, "tenders", List.of(Map.of("type", "CASH", "amount", TabletSale.money(6700),
                "given", TabletSale.money(6800)))), null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "receipt-differs"); // the signed receipt says otherwise
        Map<String, Object> shortBody = new TabletSale(counter.catalog()).add(cup, 1).body(counter.tablet, documents, counter.registerId,
                series, 6800, receipt -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> tender = (Map<String, Object>) ((List<?>) receipt.get("tenders")).get(0);
                    tender.put("amount", TabletSale.money(6700));
                    tender.put("change", TabletSale.money(100));
                });
        counter.post("/api/pos/sales", with(shortBody, "tenders", List.of(Map.of("type", "CASH", "amount", TabletSale.money(6700),
                "given", TabletSale.money(6800)))), null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "tender-not-total");
        counter.post("/api/pos/sales", with(body, "tenders", List.of(Map.of("type", "CARD", "amount", TabletSale.money(6800),
                "given", TabletSale.money(6800)))), null).expectStatus().isBadRequest();
        counter.post("/api/pos/sales", with(body, "lines", List.of(Map.of("variantId", UUID.randomUUID(), "quantity", 1))), null)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-sold-here");
        counter.post("/api/pos/sales", with(body, "lines", List.of(Map.of("variantId", cup, "quantity", 0))), null).expectStatus().isBadRequest();
        counter.post("/api/pos/sales", with(body, "receipt", Map.of("payload", "bm90IGpzb24", "signature",
                ((Map<?, ?>) body.get("receipt")).get("signature"))), null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "receipt-differs");
        client.post().uri("/api/pos/sales").header(HttpHeaders.COOKIE, counter.cookies("")).header("X-XSRF-TOKEN", counter.csrf)
                .bodyValue(body).exchange().expectStatus().isUnauthorized();

        assertThat(one("SELECT count(*)::text AS v FROM pos_sales WHERE register_id = :id", counter.registerId)).isEqualTo("0");
        assertThat(one("SELECT last_number::text AS v FROM receipt_registers WHERE id = :id", counter.registerId)).isEqualTo("0");
        assertThat(one("SELECT on_hand::text AS v FROM stock_levels WHERE variant_id = CAST(:id AS uuid) AND location = 'WORKSHOP_SHOP'", cup))
                .isEqualTo("5");

        // Untouched, the same sale goes through.
        counter.post("/api/pos/sales", body, null).expectStatus().isCreated();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRefundFromTheStaffAreaIsSignedInTheServersSeriesNotTheTablets() {
        Map<String, Object> sold = sell(new TabletSale(counter.catalog()).add(cup, 1), 6800).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        WebTestClient admin = SignIn.as(client, "admin@example.org", "workshop-admin");
        Map<String, Object> order = admin.get().uri("/api/admin/orders/{id}", sold.get("orderId")).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String line = (String) ((List<Map<String, Object>>) order.get("lines")).get(0).get("lineId");
        admin.post().uri("/api/admin/orders/{id}/refunds", sold.get("orderId"))
                .bodyValue(Map.of("lines", List.of(Map.of("lineId", line, "quantity", 1)), "restock", true, "reason", "returned",
                        "method", "CASH"))
                .exchange().expectStatus().isCreated();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                one("SELECT register || ' ' || refund_of AS v FROM receipts WHERE kind = 'REFUND' AND order_id = CAST(:id AS uuid)",
                        sold.get("orderId"))).isEqualTo("ONLINE " + counter.registerId + "-1"));
        assertThat(one("SELECT last_number::text AS v FROM receipt_registers WHERE id = :id", counter.registerId)).isEqualTo("1");
        sell(new TabletSale(counter.catalog()).add(noodles, 1), 1850).expectStatus().isCreated()
                .expectBody().jsonPath("$.receipt.number").isEqualTo(2);
    }

    @Test
    void noSaleWithoutAnOpenShift() {
        counter.post("/api/pos/shift/close", Map.of("countedCash", TabletSale.money(20000)), null).expectStatus().isOk();
        sell(new TabletSale(counter.catalog()).add(noodles, 1), 1850).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "no-open-shift");
        assertThat(one("SELECT last_number::text AS v FROM receipt_registers WHERE id = :id", counter.registerId)).isEqualTo("0");
    }

    @Test
    void theCounterSellsWhatIsInTheHandAndTheJournalSaysSo() {
        sell(new TabletSale(counter.catalog()).add(cup, 7), 7 * 6800).expectStatus().isCreated();
        assertThat(one("SELECT on_hand::text AS v FROM stock_levels WHERE variant_id = CAST(:id AS uuid) AND location = 'WORKSHOP_SHOP'", cup))
                .isEqualTo("0");
        assertThat(db.sql("SELECT kind || ' ' || on_hand_delta AS v FROM stock_movements WHERE variant_id = :id AND kind IN ('ADJUSTED', 'SOLD') ORDER BY id")
                .bind("id", UUID.fromString(cup)).map(row -> row.get("v", String.class)).list().block())
                .containsExactly("ADJUSTED 2", "SOLD -7");
    }

    @Test
    void aRevokedTabletsReceiptsKeepVerifying() {
        Map<String, Object> sold = sell(new TabletSale(counter.catalog()).add(noodles, 1), 2000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String code = (String) ((Map<?, ?>) sold.get("receipt")).get("code");
        String deviceId = (String) ((Map<?, ?>) counter.get("/api/pos/device").expectBody(Map.class).returnResult().getResponseBody()
                .get("device")).get("id");
        coordinator.post().uri("/api/admin/pos/devices/{id}/revoke", deviceId).exchange().expectStatus().isOk();
        counter.get("/api/pos/device").expectStatus().isUnauthorized();
        client.get().uri("/api/receipts/{code}", code).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.verification.status").isEqualTo("GENUINE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSaleMadeOfflineStandsAtThePriceAndNamesItsReceiptShowed() {
        Map<String, Object> before = counter.catalog();
        Map<String, Object> variant = ((List<Map<String, Object>>) cupProduct.get("variants")).get(0);
        cupProduct.put("variants", List.of(CatalogFixtures.variant((String) variant.get("sku"), 7200)));
        cupProduct.put("nameZh", "新名青花杯");
        coordinator.put().uri("/api/admin/products/{id}", cupProductId).bodyValue(cupProduct).exchange().expectStatus().isOk();
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(price(counter.catalog(), cup)).isEqualTo(7200));

        // Online, the tablet's old price is refused: it loads the catalog again before the buyer gets anything.
        TabletSale online = new TabletSale(before).add(cup, 1);
        counter.post("/api/pos/sales", online.body(counter.tablet, documents, counter.registerId, counter.series(), 6800), null)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("/lines/0/name")
                .jsonPath("$.expected").isEqualTo("新名青花杯");

        // Offline, the buyer holds the receipt already: the price it had and the name it showed stand.
        TabletSale offline = new TabletSale(before).add(cup, 1).add(noodles, 1);
        Map<String, Object> sold = counter.post("/api/pos/sales", with(offline.body(counter.tablet, documents, counter.registerId, counter.series(),
                        8650), "offline", true), null)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(sold.get("total")).isEqualTo(Map.of("amount", 6800 + 1850, "currency", "CNY"));
        client.get().uri("/api/receipts/{code}", ((Map<?, ?>) sold.get("receipt")).get("code")).exchange().expectBody()
                .jsonPath("$.verification.status").isEqualTo("GENUINE")
                .jsonPath("$.lines[0].name").isEqualTo("青花杯 " + ((String) cupProduct.get("nameEn")).substring("Blue cup ".length()))
                .jsonPath("$.lines[0].unitPrice.amount").isEqualTo(6800);
        assertThat(one("SELECT unit_price_minor::text AS v FROM order_lines WHERE order_id = CAST(:id AS uuid) AND position = 0",
                sold.get("orderId"))).isEqualTo("6800");
        assertThat(one("SELECT count(*)::text AS v FROM audit_log WHERE action = 'pos.sold-offline-at-earlier-price' AND subject = 'order:' || :id",
                sold.get("orderNumber"))).isEqualTo("1");

        // A price the item never had is not one the tablet can have shown.
        TabletSale made = new TabletSale(counter.catalog()).add(noodles, 1);
        made.body(counter.tablet, documents, counter.registerId, counter.series(), 1850);
        counter.post("/api/pos/sales", with(made.body(counter.tablet, documents, counter.registerId, counter.series(), 2000, receipt -> {
                    Map<String, Object> line = ((List<Map<String, Object>>) receipt.get("lines")).get(0);
                    line.put("unitPrice", TabletSale.money(100));
                    line.put("amount", TabletSale.money(100));
                }), "offline", true), null)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("/lines/0/unitPrice")
                .jsonPath("$.expected.amount").isEqualTo(1850);
    }

    @SuppressWarnings("unchecked")
    private static long price(Map<String, Object> catalog, String variantId) {
        return ((List<Map<String, Object>>) catalog.get("products")).stream()
                .flatMap(product -> ((List<Map<String, Object>>) product.get("variants")).stream())
                .filter(variant -> variant.get("id").equals(variantId))
                .map(variant -> ((Number) ((Map<String, Object>) variant.get("price")).get("amount")).longValue())
                .findFirst().orElseThrow();
    }

    private WebTestClient.BodyContentSpec refused(Consumer<Map<String, Object>> tamper, int status, String type) {
        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 1);
        return counter.post("/api/pos/sales", sale.body(counter.tablet, documents, counter.registerId, counter.series(), 6800, tamper), null)
                .expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + type);
    }

    private WebTestClient.ResponseSpec sell(TabletSale sale, long given) {
        return counter.sell(sale, documents, given);
    }



    private String one(String sql, Object id) {
        return db.sql(sql).bind("id", id).map(row -> row.get("v", String.class)).one().block();
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(key, value);
        return changed;
    }

    private static Map<String, Object> withClientId(Map<String, Object> body, UUID clientId) {
        return with(body, "clientId", clientId);
    }
}
