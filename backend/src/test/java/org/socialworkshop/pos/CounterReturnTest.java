package org.socialworkshop.pos;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, step 9: a return at the counter. Units of lines of a sale receipt are given back in cash, optionally back to
 * stock, with a refund receipt the tablet numbered, chained and signed in its register's series: the order is refunded,
 * the drawer expects less cash, the X report lists the refund, and the outbox's receipt handler issues no second receipt
 * in the online shop's series. A return sent again is made once; one beyond what is left, or whose receipt says something
 * else, is refused and changes nothing; bad input is a problem, never a 500.
 */
@WorkshopTest
class CounterReturnTest {

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
    String cupProduct;
    String noodles;
    Map<String, Object> sold;
    String code;

    /** A sale of two lines (two cups, counted in stock, and a meal, not counted) for ¥200 cash. */
    @BeforeEach
    void aSaleOfTwoLines() {
        coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> created = CatalogFixtures.create(coordinator, CatalogFixtures.product("青花杯 " + tag, "Blue cup " + tag, true));
        cupProduct = (String) created.get("id");
        cup = CatalogFixtures.firstVariantId(created);
        CatalogFixtures.receive(coordinator, cup, "WORKSHOP_SHOP", 5);
        Map<String, Object> meal = CatalogFixtures.product("红烧肉套餐 " + tag, "Braised pork set " + tag, false);
        meal.put("category", "CANTEEN_MEAL");
        meal.put("taxCategory", "CATERING");
        meal.put("variants", List.of(CatalogFixtures.variant("MEAL-" + tag, 1850)));
        noodles = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, meal));
        counter = new StaffedCounter(client, coordinator, accounts);
        counter.post("/api/pos/shift", Map.of("openingFloat", cny(20000)), null).expectStatus().isCreated();
        sold = counter.sell(new TabletSale(counter.catalog()).add(cup, 2).add(noodles, 1), documents, 20000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        code = (String) ((Map<?, ?>) sold.get("receipt")).get("code");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReturnOfOneLineWithRestockIsRefundedWithTheRefundReceiptTheTabletSigned() {
        Map<String, Object> found = counter.lookup(code);
        assertThat(found).containsEntry("code", code).containsEntry("number", counter.registerId + "-1")
                .containsEntry("orderNumber", counter.registerId + "-1");
        List<Map<String, Object>> lines = (List<Map<String, Object>>) found.get("lines");
        assertThat(lines).extracting(line -> line.get("quantity") + " " + line.get("returnable") + " " + line.get("restockable"))
                .containsExactly("2 2 true", "1 1 false");
        assertThat((Map<String, Object>) found.get("tenders")).containsEntry("paidWith", List.of("CASH")).containsEntry("original", true)
                .containsEntry("backTo", null);
        // By the number printed on the receipt, or the address its QR code holds, as a scanner types it.
        assertThat(counter.lookup(counter.registerId + "-1").get("code")).isEqualTo(code);
        assertThat(counter.lookup("http://localhost/r/" + code).get("code")).isEqualTo(code);

        String cupLine = (String) lines.get(0).get("lineId");
        TabletReturn given = new TabletReturn(found, counter.catalog()).add(cupLine, 1, true);
        Map<String, Object> returned = counter.giveBack(given, documents).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(returned).containsEntry("created", true).containsEntry("amount", cny(6800))
                .containsEntry("tender", "CASH").containsEntry("cashPaidOut", cny(6800));
        Map<String, Object> receipt = (Map<String, Object>) returned.get("receipt");
        assertThat(receipt.get("number")).isEqualTo(2);
        assertThat(returned.get("series")).isEqualTo(Map.of("lastNumber", 2, "lastHash", receipt.get("hash"),
                "keyId", counter.series().get("keyId")));

        // The refund receipt is the register's, genuine and chained; the sale it refunds says so.
        client.get().uri("/api/receipts/{code}", receipt.get("code")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.verification.status").isEqualTo("GENUINE")
                .jsonPath("$.kind").isEqualTo("REFUND")
                .jsonPath("$.register").isEqualTo(counter.registerId)
                .jsonPath("$.total.amount").isEqualTo(6800)
                .jsonPath("$.lines.length()").isEqualTo(1)
                .jsonPath("$.tenders[0].type").isEqualTo("CASH");
        client.get().uri("/api/receipts/{code}", code).exchange().expectBody()
                .jsonPath("$.verification.status").isEqualTo("PARTIALLY_REFUNDED");
        SignIn.admin(client).get().uri("/api/admin/receipts/registers/{id}/check", counter.registerId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.valid").isEqualTo(true).jsonPath("$.checked").isEqualTo(2);

        // The cup is back in stock, the order refunded by it, the drawer expects the cash less.
        assertThat(stock()).isEqualTo("4");
        assertThat(one("SELECT status || ' ' || refunded_minor AS v FROM orders WHERE id = CAST(:id AS uuid)", sold.get("orderId")))
                .isEqualTo("PARTIALLY_REFUNDED 6800");
        counter.get("/api/pos/shift").expectStatus().isOk().expectBody()
                .jsonPath("$.shift.refunds.count").isEqualTo(1)
                .jsonPath("$.shift.refunds.cash.amount").isEqualTo(6800)
                .jsonPath("$.shift.expectedCash.amount").isEqualTo(20000 + 15450 - 6800);
        Map<String, Object> report = (Map<String, Object>) counter.post("/api/pos/shift/reports", Map.of(), null).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("report");
        assertThat(report.get("refunds")).isEqualTo(Map.of("count", 1, "total", cny(6800),
                "tenders", List.of(Map.of("type", "CASH", "count", 1, "amount", cny(6800)))));
        assertThat((Map<String, Object>) report.get("drawer")).containsEntry("cashRefunds", cny(6800))
                .containsEntry("expected", cny(20000 + 15450 - 6800));

        // The outbox's refund receipt handler finds the tablet's receipt and issues none in the online shop's series.
        String refundId = (String) returned.get("refundId");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(one(
                "SELECT string_agg(status, ',') AS v FROM outbox WHERE handler = 'receipts.refund' AND payload->>'refundId' = :id",
                refundId)).isEqualTo("DONE"));
        assertThat(one("SELECT string_agg(register || '-' || number, ',') AS v FROM receipts WHERE kind = 'REFUND' "
                + "AND order_id = CAST(:id AS uuid)", sold.get("orderId"))).isEqualTo(counter.registerId + "-2");

        // What is left: one cup and the meal; the next sale continues the series after the refund receipt.
        assertThat((List<Map<String, Object>>) counter.lookup(code).get("lines")).extracting(line -> line.get("returnable"))
                .containsExactly(1, 1);
        counter.sell(new TabletSale(counter.catalog()).add(noodles, 1), documents, 1850).expectStatus().isCreated()
                .expectBody().jsonPath("$.receipt.number").isEqualTo(3);
    }

    @Test
    void aReturnSentAgainIsMadeOnceAlsoWhenSentTwiceAtOnce() {
        Map<String, Object> found = counter.lookup(code);
        TabletReturn given = new TabletReturn(found, counter.catalog()).add(lineId(found, 1), 1, false);
        Map<String, Object> body = given.body(counter.tablet, documents, counter.registerId, counter.series());
        List<Integer> statuses = Flux.range(0, 2)
                .flatMap(attempt -> Flux.just(attempt).publishOn(Schedulers.boundedElastic())
                        .map(ignored -> counter.post("/api/pos/returns", body, null).returnResult(Map.class).getStatus().value()))
                .collectList().block();
        assertThat(statuses).containsExactlyInAnyOrder(201, 200);
        counter.post("/api/pos/returns", body, null).expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(false).jsonPath("$.receipt.number").isEqualTo(2)
                .jsonPath("$.amount.amount").isEqualTo(1850).jsonPath("$.series.lastNumber").isEqualTo(2);
        assertThat(one("SELECT count(*)::text AS v FROM order_refunds WHERE order_id = CAST(:id AS uuid)", sold.get("orderId"))).isEqualTo("1");
        assertThat(one("SELECT count(*)::text AS v FROM pos_returns WHERE register_id = :id", counter.registerId)).isEqualTo("1");
        assertThat(one("SELECT count(*)::text AS v FROM receipts WHERE register = :id", counter.registerId)).isEqualTo("2");

        // The same id with another receipt is not the same return.
        TabletReturn other = new TabletReturn(counter.lookup(code), counter.catalog()).add(lineId(found, 0), 1, false);
        other.clientId = given.clientId;
        counter.giveBack(other, documents).expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "return-conflict");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReturnBeyondWhatIsLeftIsRefusedNamingWhatIsLeftAndChangesNothing() {
        Map<String, Object> found = counter.lookup(code);
        counter.giveBack(new TabletReturn(found, counter.catalog()).add(lineId(found, 0), 1, true), documents).expectStatus().isCreated();
        Snapshot before = snapshot();

        // Made from a lookup before the first return: the tablet still thinks both cups are there.
        Map<String, Object> refusal = counter.giveBack(new TabletReturn(found, counter.catalog()).add(lineId(found, 0), 2, true), documents)
                .expectStatus().isEqualTo(409).expectBody(Map.class).returnResult().getResponseBody();
        assertThat(refusal.get("type")).isEqualTo(PROBLEMS + "return-beyond-what-is-left");
        assertThat((List<Map<String, Object>>) refusal.get("left")).extracting(line -> line.get("lineId") + " " + line.get("returnable"))
                .containsExactly(lineId(found, 0) + " 1", lineId(found, 1) + " 1");
        assertThat(snapshot()).isEqualTo(before);

        // Everything left goes back; then nothing more does.
        counter.giveBack(new TabletReturn(found, counter.catalog()).add(lineId(found, 0), 1, true).add(lineId(found, 1), 1, false), documents)
                .expectStatus().isCreated().expectBody().jsonPath("$.amount.amount").isEqualTo(6800 + 1850);
        assertThat(one("SELECT status AS v FROM orders WHERE id = CAST(:id AS uuid)", sold.get("orderId"))).isEqualTo("REFUNDED");
        counter.giveBack(new TabletReturn(found, counter.catalog()).add(lineId(found, 1), 1, false), documents)
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "return-beyond-what-is-left");
        assertThat(stock()).isEqualTo("5");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRefundReceiptThatSaysSomethingElseIsRefusedAndChangesNothing() {
        Map<String, Object> found = counter.lookup(code);
        Snapshot before = snapshot();
        TabletReturn given = new TabletReturn(found, counter.catalog()).add(lineId(found, 0), 1, true);
        counter.post("/api/pos/returns", given.body(counter.tablet, documents, counter.registerId, counter.series(), receipt -> {
                    Map<String, Object> line = ((List<Map<String, Object>>) receipt.get("lines")).get(0);
                    line.put("amount", cny(6900));
                }), null)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "receipt-differs")
                .jsonPath("$.field").isEqualTo("/lines/0/amount").jsonPath("$.expected.amount").isEqualTo(6800);
        counter.post("/api/pos/returns", given.body(counter.tablet, documents, counter.registerId, counter.series(),
                        receipt -> receipt.put("refundOf", counter.registerId + "-9")), null)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("/refundOf");
        counter.post("/api/pos/returns", given.body(counter.tablet, documents, counter.registerId, counter.series(),
                        receipt -> receipt.put("kind", "SALE")), null)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("/kind");
        counter.post("/api/pos/returns", given.body(counter.tablet, documents, counter.registerId, counter.series(), receipt -> {
                    receipt.put("number", 3);
                }), null)
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "receipt-out-of-sequence");
        Map<String, Object> forged = new HashMap<>(given.body(counter.tablet, documents, counter.registerId, counter.series()));
        forged.put("receipt", Map.of("payload", ((Map<?, ?>) forged.get("receipt")).get("payload"),
                "signature", org.socialworkshop.shared.SignatureText.of(new PairedTablet().sign("someone else"))));
        counter.post("/api/pos/returns", forged, null)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "receipt-signature-invalid");
        assertThat(snapshot()).isEqualTo(before);

        // Untouched, the same return goes through.
        counter.giveBack(given, documents).expectStatus().isCreated();
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        Map<String, Object> found = counter.lookup(code);
        Snapshot before = snapshot();
        lookup("CAFE-X-1").expectStatus().isEqualTo(404).expectBody().jsonPath("$.title").isEqualTo("Receipt not found");
        lookup(code.substring(0, code.length() - 2) + (code.endsWith("AA") ? "BA" : "AA")).expectStatus().isEqualTo(404);
        lookup("not a receipt").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("receipt");
        lookup("").expectStatus().isBadRequest();

        TabletReturn given = new TabletReturn(found, counter.catalog()).add(lineId(found, 0), 1, true);
        Map<String, Object> body = given.body(counter.tablet, documents, counter.registerId, counter.series());
        counter.post("/api/pos/returns", with(body, "lines", List.of(Map.of("lineId", lineId(found, 0), "quantity", 0, "restock", true))), null)
                .expectStatus().isBadRequest();
        counter.post("/api/pos/returns", with(body, "lines", List.of(Map.of("lineId", lineId(found, 0), "quantity", 1),
                Map.of("lineId", lineId(found, 0), "quantity", 1))), null).expectStatus().isBadRequest();
        String foreign = UUID.randomUUID().toString();
        counter.post("/api/pos/returns", with(body, "lines", List.of(Map.of("lineId", foreign, "quantity", 1))), null)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-on-the-receipt")
                .jsonPath("$.lineIds[0]").isEqualTo(foreign);
        counter.post("/api/pos/returns", with(body, "original", counter.registerId + "-7"), null).expectStatus().isEqualTo(404);
        counter.post("/api/pos/returns", with(body, "original", "nonsense"), null).expectStatus().isBadRequest();
        counter.post("/api/pos/returns", with(body, "tender", "CARD"), null).expectStatus().isBadRequest();
        counter.post("/api/pos/returns", with(body, "lines", List.of()), null).expectStatus().isBadRequest();
        client.post().uri("/api/pos/returns").header(HttpHeaders.COOKIE, counter.cookies(null)).header("X-XSRF-TOKEN", counter.csrf)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"clientId\": 12").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri("/api/pos/returns").header(HttpHeaders.COOKIE, counter.cookies("")).header("X-XSRF-TOKEN", counter.csrf)
                .bodyValue(body).exchange().expectStatus().isUnauthorized();
        assertThat(snapshot()).isEqualTo(before);

        // A refund receipt is not one to return against; paid in cash, "as it was paid" is cash.
        String refundCode = (String) ((Map<?, ?>) counter.post("/api/pos/returns", with(body, "tender", "ORIGINAL"), null)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("receipt")).get("code");
        lookup(refundCode).expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-a-sale-receipt");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOnlineOrderIsReturnedToItsPaymentOrInCash() {
        Shop shop = new Shop(client);
        CatalogFixtures.receive(coordinator, cup, "ONLINE_STORE_ROOM", 2);
        Shop.Placed placed = shop.paidOrder(cupProduct, cup, 2);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !((List<?>) shop.order(placed).get("receipts")).isEmpty());
        Map<String, Object> onlineReceipt = ((List<Map<String, Object>>) shop.order(placed).get("receipts")).get(0);
        String online = (String) onlineReceipt.get("code");
        Map<String, Object> found = counter.lookup(online);
        Map<String, Object> tenders = (Map<String, Object>) found.get("tenders");
        assertThat(tenders).containsEntry("paidWith", List.of("ONLINE")).containsEntry("original", true);
        Map<String, Object> backTo = (Map<String, Object>) tenders.get("backTo");
        assertThat(backTo).containsEntry("type", "ONLINE").containsEntry("provider", "demo").containsEntry("amount", cny(2 * 6800));
        String expectedCash = drawer();

        // One cup back to the buyer's payment (the demo provider here; CounterCardAndWalletTest has Stripe): no cash.
        Map<String, Object> toPayment = counter.giveBack(new TabletReturn(found, counter.catalog()).add(lineId(found, 0), 1, true)
                        .tender("ORIGINAL"), documents).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(toPayment).containsEntry("tender", "ORIGINAL").containsEntry("toOriginal", cny(6800)).containsEntry("cashPaidOut", cny(0));
        assertThat(drawer()).as("no cash left the drawer").isEqualTo(expectedCash);
        assertThat(one("SELECT string_agg(r.status || ' ' || r.amount_minor, ',') AS v FROM payment_refunds r JOIN payments p ON p.id = r.payment_id "
                + "WHERE p.order_id = CAST(:id AS uuid)", placed.orderId())).isEqualTo("SUCCEEDED 6800");
        client.get().uri("/api/receipts/{code}", ((Map<?, ?>) toPayment.get("receipt")).get("code")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.verification.status").isEqualTo("GENUINE")
                .jsonPath("$.tenders.length()").isEqualTo(1).jsonPath("$.tenders[0].type").isEqualTo("ONLINE")
                .jsonPath("$.tenders[0].amount.amount").isEqualTo(6800);

        // The other in cash from the drawer.
        Map<String, Object> again = counter.lookup(online);
        counter.giveBack(new TabletReturn(again, counter.catalog()).add(lineId(again, 0), 1, true), documents).expectStatus().isCreated()
                .expectBody().jsonPath("$.tender").isEqualTo("CASH").jsonPath("$.cashPaidOut.amount").isEqualTo(6800);
        assertThat(one("SELECT status AS v FROM orders WHERE id = CAST(:id AS uuid)", placed.orderId())).isEqualTo("REFUNDED");
        Map<String, Object> report = (Map<String, Object>) counter.post("/api/pos/shift/reports", Map.of(), null).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("report");
        assertThat(report.get("refunds")).isEqualTo(Map.of("count", 2, "total", cny(2 * 6800), "tenders",
                List.of(Map.of("type", "ONLINE", "count", 1, "amount", cny(6800)), Map.of("type", "CASH", "count", 1, "amount", cny(6800)))));
    }

    private String drawer() {
        return String.valueOf(counter.get("/api/pos/shift").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                .get("shift") instanceof Map<?, ?> shift ? ((Map<?, ?>) shift.get("expectedCash")).get("amount") : null);
    }

    /** Money as a JSON answer reads. */
    private static Map<String, Object> cny(int fen) {
        return Map.of("amount", fen, "currency", "CNY");
    }

    @Test
    @SuppressWarnings("unchecked")
    void unitsOfADiscountedLineGiveBackTheirShareRoundedDownWithTheirPartOfTheDiscount() {
        coordinator.put().uri("/api/admin/staff/{id}/discounts", counter.cashier.id().value()).bodyValue(Map.of("upTo", 50))
                .exchange().expectStatus().isNoContent();
        Map<String, Object> discounted = counter.sell(new TabletSale(counter.catalog()).add(cup, 3, List.of(), 100, "瑕疵", null), documents,
                20300).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> found = counter.lookup((String) ((Map<?, ?>) discounted.get("receipt")).get("code"));
        assertThat(((List<Map<String, Object>>) found.get("lines")).get(0).get("discount")).isEqualTo(Map.of("amount", cny(100), "reason", "瑕疵"));

        Map<String, Object> first = counter.giveBack(new TabletReturn(found, counter.catalog()).add(lineId(found, 0), 1, true), documents)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(first.get("amount")).as("20300 × 1 ÷ 3, rounded down").isEqualTo(cny(6766));
        client.get().uri("/api/receipts/{code}", ((Map<?, ?>) first.get("receipt")).get("code")).exchange().expectBody()
                .jsonPath("$.verification.status").isEqualTo("GENUINE")
                .jsonPath("$.lines[0].discount.amount.amount").isEqualTo(6800 - 6766)
                .jsonPath("$.lines[0].discount.reason").isEqualTo("瑕疵");
        // The other two later: their share again, rounded down, as the order's rules refund parts of a discounted line.
        counter.giveBack(new TabletReturn(counter.lookup(code(discounted)), counter.catalog()).add(lineId(found, 0), 2, false), documents)
                .expectStatus().isCreated().expectBody().jsonPath("$.amount.amount").isEqualTo(13533);
        assertThat(one("SELECT refunded_minor::text AS v FROM orders WHERE id = CAST(:id AS uuid)", discounted.get("orderId")))
                .isEqualTo(String.valueOf(6766 + 13533));
    }

    private static String code(Map<String, Object> sold) {
        return (String) ((Map<?, ?>) sold.get("receipt")).get("code");
    }

    @SuppressWarnings("unchecked")
    private static String lineId(Map<String, Object> found, int index) {
        return (String) ((List<Map<String, Object>>) found.get("lines")).get(index).get("lineId");
    }

    private WebTestClient.ResponseSpec lookup(String receipt) {
        return client.get().uri(builder -> builder.path("/api/pos/returns/lookup").queryParam("receipt", "{code}").build(receipt))
                .header(HttpHeaders.COOKIE, counter.cookies(null)).exchange();
    }

    /** What a refused return must leave as it was. */
    private record Snapshot(String order, String stock, String refunds, String returns, String receipts, String series, String expected) {
    }

    private Snapshot snapshot() {
        return new Snapshot(one("SELECT status || ' ' || refunded_minor AS v FROM orders WHERE id = CAST(:id AS uuid)", sold.get("orderId")),
                stock(), one("SELECT count(*)::text AS v FROM order_refunds WHERE order_id = CAST(:id AS uuid)", sold.get("orderId")),
                one("SELECT count(*)::text AS v FROM pos_returns WHERE register_id = :id", counter.registerId),
                one("SELECT count(*)::text AS v FROM receipts WHERE register = :id", counter.registerId),
                one("SELECT last_number::text AS v FROM receipt_registers WHERE id = :id", counter.registerId),
                String.valueOf(((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) counter.get("/api/pos/shift").expectBody(Map.class).returnResult()
                        .getResponseBody().get("shift")).get("expectedCash"))).get("amount")));
    }

    private String stock() {
        return one("SELECT on_hand::text AS v FROM stock_levels WHERE variant_id = CAST(:id AS uuid) AND location = 'WORKSHOP_SHOP'", cup);
    }

    private String one(String sql, Object id) {
        return db.sql(sql).bind("id", id).map(row -> row.get("v", String.class)).one().block();
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(key, value);
        return changed;
    }
}
