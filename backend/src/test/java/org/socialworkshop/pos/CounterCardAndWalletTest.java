package org.socialworkshop.pos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.FakeStripe;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, step 8: card and wallet tenders at the counter through Stripe, stripe-java talking HTTP to {@link FakeStripe}.
 * A card payment is a {@code card_present} PaymentIntent handed to the register's Terminal reader and followed to its
 * end: paid, declined (another card may follow), the reader out of reach, or cancelled from the tablet. A wallet
 * payment shows its QR code until the buyer pays. The sale then names the payments it took, and its receipt names them;
 * a payment left out, one not paid, or one given back is refused, and nothing is stored.
 */
@WorkshopTest
class CounterCardAndWalletTest {

    private static final String PROBLEMS = "https://social-workshop.org/problems/";

    static FakeStripe stripe;
    static SecondInstance app;

    @Autowired
    Accounts accounts;

    @Autowired
    Database db;

    @Autowired
    SignedDocuments documents;

    StaffedCounter counter;
    String reader;
    String cup;

    @BeforeAll
    static void startStripeAndTheApp() {
        stripe = FakeStripe.start();
        app = SecondInstance.withStripe(stripe);
    }

    @AfterAll
    static void stop() {
        app.close();
        stripe.close();
    }

    @BeforeEach
    void staffedCounterWithAReader() {
        stripe.up();
        WebTestClient client = app.client();
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> created = CatalogFixtures.create(coordinator, CatalogFixtures.product("青花杯 " + tag, "Blue cup " + tag, true));
        cup = CatalogFixtures.firstVariantId(created);
        CatalogFixtures.receive(coordinator, cup, "WORKSHOP_SHOP", 5);
        counter = new StaffedCounter(client, coordinator, accounts);
        counter.post("/api/pos/shift", Map.of("openingFloat", TabletSale.money(10000)), null).expectStatus().isCreated();
        reader = "tmr_test" + tag;
        stripe.reader(reader);
        coordinator.put().uri("/api/admin/pos/registers/{id}/card-reader", counter.registerId).bodyValue(Map.of("reader", reader))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.cardReader").isEqualTo(reader);
    }

    @Test
    void aCardTappedOnTheRegistersReaderPaysTheSaleAndItsReceiptNamesIt() {
        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 2);
        Map<String, Object> started = start(sale, "CARD", sale.total());
        assertThat(started.get("status")).isEqualTo("WAITING");
        assertThat(started.get("provider")).isEqualTo("stripe");
        String intent = (String) started.get("reference");
        Map<String, Object> created = stripe.paymentIntents().stream().filter(pi -> pi.get("id").equals(intent)).findFirst().orElseThrow();
        assertThat(created.get("payment_method_types")).isEqualTo(List.of("card_present"));
        assertThat(created.get("amount")).isEqualTo(2 * 6800L);
        assertThat(stripe.requests()).anyMatch(request -> request.path().equals("/v1/terminal/readers/" + reader + "/process_payment_intent")
                && intent.equals(request.param("payment_intent")) && request.idempotencyKey() != null);
        assertThat(payment(started).get("status")).as("nobody has tapped a card yet").isEqualTo("WAITING");

        stripe.presentCard(reader, "4242424242424242");
        Map<String, Object> paid = payment(started);
        assertThat(paid.get("status")).isEqualTo("SUCCEEDED");

        Map<String, Object> sold = counter.sell(sale.paidBy(paid), documents, 0).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(sold.get("orderId")).isEqualTo(paid.get("orderId"));
        @SuppressWarnings("unchecked")
        String code = (String) ((Map<String, Object>) sold.get("receipt")).get("code");
        app.client().get().uri("/api/receipts/{code}", code).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.verification.status").isEqualTo("GENUINE")
                .jsonPath("$.tenders.length()").isEqualTo(1)
                .jsonPath("$.tenders[0].type").isEqualTo("CARD")
                .jsonPath("$.tenders[0].provider").isEqualTo("stripe")
                .jsonPath("$.tenders[0].reference").isEqualTo(intent);
        counter.get("/api/pos/shift").expectBody()
                .jsonPath("$.shift.sales.total.amount").isEqualTo(2 * 6800)
                .jsonPath("$.shift.expectedCash.amount").isEqualTo(10000); // no cash came into the drawer
        assertThat(one("SELECT sold::text AS v FROM pos_payments WHERE payment_id = CAST(:id AS uuid)", paid.get("id"))).isEqualTo("true");
        // Starting it again (an answer lost) takes nothing twice, and a stored sale takes no more payments.
        assertThat(counter.post("/api/pos/payments", startBody(UUID.fromString((String) started.get("id")), sale, "CARD", sale.total()), null)
                .expectStatus().isEqualTo(409).expectBody(Map.class).returnResult().getResponseBody().get("type"))
                .isEqualTo(PROBLEMS + "sale-stored");
        assertThat(stripe.paymentIntents().stream().filter(pi -> ((Map<?, ?>) pi.get("metadata")).get("order_id").equals(paid.get("orderId"))))
                .hasSize(1);
    }

    @Test
    void aDeclinedCardEndsThatAttemptAndAnotherCardPays() {
        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 1);
        Map<String, Object> first = start(sale, "CARD", sale.total());
        stripe.presentCard(reader, "4000000000000002");
        Map<String, Object> declined = payment(first);
        assertThat(declined.get("status")).isEqualTo("FAILED");
        assertThat(declined.get("failureCode")).isEqualTo("card_declined");
        assertThat(declined.get("failureMessage")).isEqualTo("Your card was declined.");

        Map<String, Object> second = start(sale, "CARD", sale.total());
        assertThat(second.get("orderId")).as("every payment of one sale pays one order").isEqualTo(first.get("orderId"));
        stripe.presentCard(reader, "4242424242424242");
        Map<String, Object> paid = payment(second);
        assertThat(paid.get("status")).isEqualTo("SUCCEEDED");

        // Naming the declined attempt is refused; the sale names the one that paid.
        TabletSale wrong = new TabletSale(counter.catalog()).add(cup, 1).paidBy(Map.of("id", declined.get("id"), "method", "CARD",
                "provider", "stripe", "amount", declined.get("amount"), "reference", declined.get("reference")));
        WebTestClient.BodySpec<Map, ?> refused = counter.post("/api/pos/sales", withClientId(wrong, sale.clientId), null)
                .expectStatus().isEqualTo(409).expectBody(Map.class);
        assertThat(refused.returnResult().getResponseBody().get("type")).isEqualTo(PROBLEMS + "tender-not-paid");
        counter.sell(sale.paidBy(paid), documents, 0).expectStatus().isCreated();
    }

    @Test
    void aReaderThatDoesNotAnswerFailsAtOnceAndItsPaymentIsCancelled() {
        stripe.readerTimesOut(reader, true);
        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 1);
        Map<String, Object> started = start(sale, "CARD", sale.total());
        assertThat(started.get("status")).isEqualTo("FAILED");
        assertThat(started.get("failureCode")).isEqualTo("terminal_reader_timeout");
        assertThat(intent((String) started.get("reference")).get("status")).as("nothing can pay it later").isEqualTo("canceled");
    }

    @Test
    void theCashierCancelsAPaymentWaitingOnTheReader() {
        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 1);
        Map<String, Object> started = start(sale, "CARD", sale.total());
        Map<String, Object> cancelled = counter.post("/api/pos/payments/" + started.get("id") + "/cancel", Map.of(), null)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
        assertThat(intent((String) started.get("reference")).get("status")).isEqualTo("canceled");
        assertThat(stripe.requests()).anyMatch(request -> request.path().equals("/v1/terminal/readers/" + reader + "/cancel_action"));
    }

    @Test
    void aWalletsQrCodeThenCashPayASplitSale() {
        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 2);
        Map<String, Object> wechat = start(sale, "WECHAT_PAY", 5000);
        assertThat(wechat.get("status")).isEqualTo("WAITING");
        assertThat((String) wechat.get("qr")).startsWith("weixin://wxpay/bizpayurl?pr=" + wechat.get("reference"));
        Map<String, Object> alipay = start(sale, "ALIPAY", 3000);
        assertThat((String) alipay.get("qr")).as("Alipay's page, for the buyer's phone").startsWith(stripe.apiBase() + "/alipay/");
        assertThat(stripe.requests()).anyMatch(request -> request.path().equals("/v1/payment_intents")
                && "alipay".equals(request.param("payment_method_types[0]")) && request.param("return_url") != null);

        stripe.payWallet((String) wechat.get("reference"));
        Map<String, Object> paidByWechat = payment(wechat);
        assertThat(paidByWechat.get("status")).isEqualTo("SUCCEEDED");
        assertThat(paidByWechat.get("qr")).as("nothing left to scan").isNull();
        // The buyer pays the rest in cash instead of Alipay: that payment is cancelled, not left waiting.
        assertThat(counter.post("/api/pos/payments/" + alipay.get("id") + "/cancel", Map.of(), null).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("status")).isEqualTo("CANCELLED");

        sale.paidBy(paidByWechat);
        Map<String, Object> sold = counter.sell(sale, documents, 10000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) sold.get("change")).get("amount")).isEqualTo(10000 - (2 * 6800 - 5000));
        @SuppressWarnings("unchecked")
        String code = (String) ((Map<String, Object>) sold.get("receipt")).get("code");
        app.client().get().uri("/api/receipts/{code}", code).exchange().expectBody()
                .jsonPath("$.verification.status").isEqualTo("GENUINE")
                .jsonPath("$.tenders[0].type").isEqualTo("WECHAT_PAY")
                .jsonPath("$.tenders[0].amount.amount").isEqualTo(5000)
                .jsonPath("$.tenders[1].type").isEqualTo("CASH")
                .jsonPath("$.tenders[1].amount.amount").isEqualTo(2 * 6800 - 5000)
                .jsonPath("$.tenders[1].change.amount").isEqualTo(10000 - (2 * 6800 - 5000));
        counter.get("/api/pos/shift").expectBody()
                .jsonPath("$.shift.expectedCash.amount").isEqualTo(10000 + 2 * 6800 - 5000); // only the cash part
    }

    @Test
    void aSaleMustNameEveryPaymentItTookAndAPaymentOfAnAbandonedSaleIsRefunded() {
        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 1);
        Map<String, Object> started = start(sale, "CARD", sale.total());
        stripe.presentCard(reader, "4242424242424242");
        Map<String, Object> paid = payment(started);

        // Paid by card, but sent as a cash sale: the card payment would be lost.
        WebTestClient.BodySpec<Map, ?> leftOut = counter.sell(sale, documents, 10000).expectStatus().isEqualTo(409).expectBody(Map.class);
        assertThat(leftOut.returnResult().getResponseBody().get("type")).isEqualTo(PROBLEMS + "payment-left-out");
        assertThat(one("SELECT count(*)::text AS v FROM pos_sales WHERE client_id = CAST(:id AS uuid)", sale.clientId.toString())).isEqualTo("0");

        // The buyer changes their mind: the cashier cancels, and the payment is refunded once.
        Map<String, Object> voided = counter.post("/api/pos/payments/" + started.get("id") + "/cancel", Map.of(), null)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(voided.get("refunded")).isEqualTo(true);
        counter.post("/api/pos/payments/" + started.get("id") + "/cancel", Map.of(), null).expectStatus().isOk();
        assertThat(stripe.requests().stream().filter(request -> request.path().equals("/v1/refunds")
                && paid.get("reference").equals(request.param("payment_intent")))).hasSize(1);
        WebTestClient.BodySpec<Map, ?> givenBack = counter.sell(new TabletSale(counter.catalog()).add(cup, 1), documents, 6800)
                .expectStatus().isEqualTo(201).expectBody(Map.class);
        assertThat(givenBack.returnResult().getResponseBody()).as("another sale, in cash, goes on").isNotNull();
        TabletSale again = new TabletSale(counter.catalog()).add(cup, 1).paidBy(paid);
        assertThat(counter.post("/api/pos/sales", withClientId(again, sale.clientId), null).expectStatus().isEqualTo(409)
                .expectBody(Map.class).returnResult().getResponseBody().get("type")).isEqualTo(PROBLEMS + "tender-not-paid");
    }

    @Test
    void anotherRegistersPaymentIsNotFoundAndACardNeedsAReader() {
        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 1);
        counter.get("/api/pos/payments/" + UUID.randomUUID()).expectStatus().isNotFound();
        WebTestClient coordinator = CatalogFixtures.coordinator(app.client());
        coordinator.put().uri("/api/admin/pos/registers/{id}/card-reader", counter.registerId).bodyValue(Map.of())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.cardReader").doesNotExist();
        assertThat(counter.post("/api/pos/payments", startBody(UUID.randomUUID(), sale, "CARD", sale.total()), null)
                .expectStatus().isEqualTo(409).expectBody(Map.class).returnResult().getResponseBody().get("type"))
                .isEqualTo(PROBLEMS + "no-card-reader");
        coordinator.put().uri("/api/admin/pos/registers/{id}/card-reader", counter.registerId).bodyValue(Map.of("reader", "not a reader"))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReturnGoesBackToTheCardAndWhatIsBeyondItInCashOnce() {
        // Two cups (¥136): ¥50 by card, ¥86 in cash.
        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 2);
        Map<String, Object> started = start(sale, "CARD", 5000);
        stripe.presentCard(reader, "4242424242424242");
        Map<String, Object> card = payment(started);
        String intent = (String) card.get("reference");
        Map<String, Object> sold = counter.sell(sale.paidBy(card), documents, 10000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String code = (String) ((Map<String, Object>) sold.get("receipt")).get("code");
        long drawer = 10000 + 2 * 6800 - 5000;

        Map<String, Object> found = counter.lookup(code);
        Map<String, Object> tenders = (Map<String, Object>) found.get("tenders");
        assertThat(tenders).containsEntry("paidWith", List.of("CARD", "CASH")).containsEntry("original", true);
        assertThat((Map<String, Object>) tenders.get("backTo")).containsEntry("type", "CARD").containsEntry("provider", "stripe")
                .containsEntry("reference", intent).containsEntry("amount", cny(5000));

        // One cup (¥68) back as it was paid: ¥50 to the card through Stripe, the ¥18 beyond it in cash.
        String lineId = (String) ((List<Map<String, Object>>) found.get("lines")).get(0).get("lineId");
        TabletReturn toTheCard = new TabletReturn(found, counter.catalog()).add(lineId, 1, true).tender("ORIGINAL");
        Map<String, Object> returned = counter.giveBack(toTheCard, documents).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(returned).containsEntry("tender", "ORIGINAL").containsEntry("toOriginal", cny(5000))
                .containsEntry("cashPaidOut", cny(1800)).containsEntry("amount", cny(6800));
        assertThat(refundsAtStripe(intent)).extracting(request -> request.param("amount")).containsExactly("5000");
        app.client().get().uri("/api/receipts/{code}", ((Map<String, Object>) returned.get("receipt")).get("code")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.verification.status").isEqualTo("GENUINE")
                .jsonPath("$.tenders[0].type").isEqualTo("CARD").jsonPath("$.tenders[0].reference").isEqualTo(intent)
                .jsonPath("$.tenders[0].amount.amount").isEqualTo(5000)
                .jsonPath("$.tenders[1].type").isEqualTo("CASH").jsonPath("$.tenders[1].amount.amount").isEqualTo(1800);
        counter.get("/api/pos/shift").expectBody()
                .jsonPath("$.shift.refunds.count").isEqualTo(1)
                .jsonPath("$.shift.refunds.cash.amount").isEqualTo(1800)
                .jsonPath("$.shift.expectedCash.amount").isEqualTo(drawer - 1800);
        assertThat(one("SELECT status || ' ' || refunded_minor AS v FROM orders WHERE id = CAST(:id AS uuid)", sold.get("orderId")))
                .isEqualTo("PARTIALLY_REFUNDED 6800");

        // Sent again (its answer lost): the same return, nothing given back twice.
        counter.post("/api/pos/returns", toTheCard.lastBody, null).expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(false).jsonPath("$.refundId").isEqualTo(returned.get("refundId"));
        assertThat(refundsAtStripe(intent)).hasSize(1);

        // Nothing is left on the card: the other cup can only go back in cash.
        Map<String, Object> now = counter.lookup(code);
        assertThat((Map<String, Object>) now.get("tenders")).containsEntry("original", false).containsEntry("backTo", null);
        assertThat(counter.giveBack(new TabletReturn(now, counter.catalog()).add(lineId, 1, true).tender("ORIGINAL"), documents)
                .expectStatus().isEqualTo(409).expectBody(Map.class).returnResult().getResponseBody().get("type"))
                .isEqualTo(PROBLEMS + "original-tender-spent");

        Map<String, Object> report = (Map<String, Object>) counter.post("/api/pos/shift/reports", Map.of(), null).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("report");
        assertThat(report.get("refunds")).isEqualTo(Map.of("count", 1, "total", cny(6800), "tenders",
                List.of(Map.of("type", "CARD", "count", 1, "amount", cny(5000)),
                        Map.of("type", "CASH", "count", 1, "amount", cny(1800)))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReturnStripeCouldNotTakeChangesNothingAndSentAgainIsMadeOnce() {
        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 1);
        Map<String, Object> started = start(sale, "CARD", sale.total());
        stripe.presentCard(reader, "4242424242424242");
        Map<String, Object> card = payment(started);
        String intent = (String) card.get("reference");
        Map<String, Object> sold = counter.sell(sale.paidBy(card), documents, 0).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> found = counter.lookup((String) ((Map<String, Object>) sold.get("receipt")).get("code"));
        String lineId = (String) ((List<Map<String, Object>>) found.get("lines")).get(0).get("lineId");
        Map<String, Object> series = counter.series();

        stripe.down();
        TabletReturn toTheCard = new TabletReturn(found, counter.catalog()).add(lineId, 1, false).tender("ORIGINAL");
        WebTestClient.ResponseSpec refused = counter.giveBack(toTheCard, documents);
        refused.expectStatus().isEqualTo(503).expectHeader().contentTypeCompatibleWith("application/problem+json");
        assertThat(one("SELECT count(*)::text AS v FROM pos_returns WHERE client_id = CAST(:id AS uuid)", toTheCard.clientId.toString()))
                .isEqualTo("0");
        assertThat(one("SELECT status || ' ' || refunded_minor AS v FROM orders WHERE id = CAST(:id AS uuid)", sold.get("orderId")))
                .isEqualTo("FULFILLED 0");
        assertThat(one("SELECT string_agg(status, ',') AS v FROM order_refunds WHERE order_id = CAST(:id AS uuid)", sold.get("orderId")))
                .isEqualTo("FAILED");
        assertThat(counter.series()).as("no receipt stored").isEqualTo(series);
        assertThat(counter.lookup((String) found.get("code")).get("tenders")).as("the card's money is all there still")
                .isEqualTo(found.get("tenders"));

        // Stripe answers again; the tablet sends the same return, as it does after an error without an answer.
        stripe.up();
        int tried = refundsAtStripe(intent).size();
        counter.post("/api/pos/returns", toTheCard.lastBody, null).expectStatus().isCreated().expectBody()
                .jsonPath("$.toOriginal.amount").isEqualTo(6800).jsonPath("$.cashPaidOut.amount").isEqualTo(0);
        assertThat(one("SELECT status || ' ' || refunded_minor AS v FROM orders WHERE id = CAST(:id AS uuid)", sold.get("orderId")))
                .isEqualTo("REFUNDED 6800");
        assertThat(refundsAtStripe(intent)).as("refunded once at Stripe").hasSize(tried + 1);
        assertThat(one("SELECT string_agg(r.status, ',' ORDER BY r.created_at) AS v FROM payment_refunds r JOIN payments p ON p.id = r.payment_id "
                + "WHERE p.order_id = CAST(:id AS uuid)", sold.get("orderId"))).isEqualTo("FAILED,SUCCEEDED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void whileStripeIsSlowTheShiftWaitsForTheReturnAndTheReturnSentAgainIsMadeOnce() throws Exception {
        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 1);
        Map<String, Object> started = start(sale, "CARD", sale.total());
        stripe.presentCard(reader, "4242424242424242");
        Map<String, Object> sold = counter.sell(sale.paidBy(payment(started)), documents, 0).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> found = counter.lookup((String) ((Map<String, Object>) sold.get("receipt")).get("code"));
        String lineId = (String) ((List<Map<String, Object>>) found.get("lines")).get(0).get("lineId");
        TabletReturn toTheCard = new TabletReturn(found, counter.catalog()).add(lineId, 1, true).tender("ORIGINAL");
        Map<String, Object> body = toTheCard.body(counter.tablet, documents, counter.registerId, counter.series());

        stripe.slow(Duration.ofSeconds(2));
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> counter.post("/api/pos/returns", body, null)
                .returnResult(Map.class).getStatus().value());
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "REFUNDING".equals(
                one("SELECT status AS v FROM pos_returns WHERE client_id = CAST(:id AS uuid)", toTheCard.clientId.toString())));
        assertThat(counter.post("/api/pos/shift/close", Map.of("countedCash", TabletSale.money(10000)), null).expectStatus().isEqualTo(409)
                .expectBody(Map.class).returnResult().getResponseBody().get("type")).isEqualTo(PROBLEMS + "return-in-progress");
        // The tablet heard nothing and sends it again while the first is still with Stripe.
        int again = counter.post("/api/pos/returns", body, null).returnResult(Map.class).getStatus().value();
        assertThat(List.of(first.get(10, TimeUnit.SECONDS), again)).allMatch(status -> status == 200 || status == 201);
        stripe.up();

        assertThat(one("SELECT status || ' ' || refunded_minor AS v FROM orders WHERE id = CAST(:id AS uuid)", sold.get("orderId")))
                .isEqualTo("REFUNDED 6800");
        assertThat(one("SELECT string_agg(r.status || ' ' || r.amount_minor, ',') AS v FROM payment_refunds r JOIN payments p ON p.id = r.payment_id "
                + "WHERE p.order_id = CAST(:id AS uuid)", sold.get("orderId"))).isEqualTo("SUCCEEDED 6800");
        assertThat(one("SELECT count(*)::text AS v FROM receipts WHERE order_id = CAST(:id AS uuid) AND kind = 'REFUND'", sold.get("orderId")))
                .isEqualTo("1");
        String intent = (String) ((Map<String, Object>) ((Map<String, Object>) found.get("tenders")).get("backTo")).get("reference");
        assertThat(refundsAtStripe(intent)).as("asked of Stripe under one key, whatever the times").isNotEmpty()
                .extracting(FakeStripe.Request::idempotencyKey).containsOnly(refundsAtStripe(intent).get(0).idempotencyKey());
        counter.post("/api/pos/shift/close", Map.of("countedCash", TabletSale.money(10000)), null).expectStatus().isOk();
    }

    /** Money as a JSON answer reads. */
    private static Map<String, Object> cny(int fen) {
        return Map.of("amount", fen, "currency", "CNY");
    }

    private List<FakeStripe.Request> refundsAtStripe(String intent) {
        return stripe.requests().stream().filter(request -> request.method().equals("POST") && request.path().equals("/v1/refunds")
                && intent.equals(request.param("payment_intent"))).toList();
    }

    private Map<String, Object> start(TabletSale sale, String method, long amount) {
        return counter.post("/api/pos/payments", startBody(UUID.randomUUID(), sale, method, amount), null).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> startBody(UUID id, TabletSale sale, String method, long amount) {
        return Map.of("id", id, "sale", sale.clientId, "method", method, "amount", TabletSale.money(amount));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> payment(Map<String, Object> started) {
        return counter.get("/api/pos/payments/" + started.get("id")).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private Map<String, Object> intent(String id) {
        return stripe.paymentIntents().stream().filter(pi -> pi.get("id").equals(id)).findFirst().orElseThrow();
    }

    /** The body of {@code sale}, sent as the sale {@code clientId}. */
    private Map<String, Object> withClientId(TabletSale sale, UUID clientId) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(sale.body(counter.tablet, documents, counter.registerId, counter.series(), 0));
        body.put("clientId", clientId);
        return body;
    }

    private String one(String sql, Object id) {
        return db.sql(sql).bind("id", id).map(row -> row.get("v", String.class)).one().block();
    }
}
