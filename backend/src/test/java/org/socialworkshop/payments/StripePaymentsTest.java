package org.socialworkshop.payments;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.RefundRace;
import org.socialworkshop.support.FakeStripe;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop taking payments through Stripe: stripe-java in the application talks HTTP to {@link FakeStripe}, and
 * webhooks are signed with the real scheme. Runs an instance with Stripe configured next to the shared (demo)
 * test context, on the same database.
 */
@WorkshopTest
class StripePaymentsTest {

    static FakeStripe stripe;
    static SecondInstance app;

    @Autowired
    Database db;

    WebTestClient client;
    WebTestClient staff;
    Shop shop;
    String productId;
    String variantId;

    @BeforeAll
    static void startStripeAndTheApp() {
        stripe = FakeStripe.start();
        app = stripeInstance();
    }

    @AfterAll
    static void stop() {
        app.close();
        stripe.close();
    }

    static SecondInstance stripeInstance() {
        return SecondInstance.withStripe(stripe);
    }

    @BeforeEach
    void product() {
        stripe.up();
        client = app.client();
        shop = new Shop(client);
        staff = CatalogFixtures.coordinator(client);
        Map<String, Object> body = CatalogFixtures.product("条纹杯", "Stripe cup", true);
        body.put("variants", List.of(CatalogFixtures.variant("S-" + UUID.randomUUID().toString().substring(0, 8), 5800)));
        Map<String, Object> product = CatalogFixtures.create(staff, body);
        productId = (String) product.get("id");
        variantId = CatalogFixtures.firstVariantId(product);
        CatalogFixtures.receive(staff, variantId, "ONLINE_STORE_ROOM", 5);
    }

    String sessionOf(Shop.Placed placed) {
        return stripe.sessions().stream().filter(session -> placed.redirectUrl().endsWith("/pay/" + session.id()))
                .findFirst().orElseThrow().id();
    }

    static HttpResponse<String> deliver(String payload) {
        return FakeStripe.deliver(URI.create(app.baseUrl() + "/api/webhooks/stripe"), payload);
    }

    long count(String sql, Object id) {
        return db.sql(sql).bind("id", id).map(row -> row.get("n", Long.class)).one().block();
    }

    @Test
    void checkoutOpensACheckoutSessionAndAVerifiedWebhookPaysTheOrder() {
        Shop.Placed placed = shop.checkout(shop.cartWith(Map.of(productId, variantId), 2));

        assertThat(placed.provider()).isEqualTo("stripe");
        String session = sessionOf(placed);
        FakeStripe.Session opened = stripe.session(session).orElseThrow();
        assertThat(opened.amountTotal()).isEqualTo(11600);
        assertThat(opened.metadata()).containsEntry("order_id", placed.orderId()).containsKey("payment_id");
        FakeStripe.Request create = stripe.requests().stream().filter(request -> request.path().equals("/v1/checkout/sessions")
                && request.method().equals("POST") && opened.metadata().get("payment_id").equals(request.param("metadata[payment_id]")))
                .findFirst().orElseThrow();
        assertThat(create.idempotencyKey()).isEqualTo("payment:" + opened.metadata().get("payment_id") + ":open");
        assertThat(create.param("payment_method_types[2]")).isNotNull();
        assertThat(create.param("success_url")).contains("/shop/order.html?id=" + placed.orderId());

        stripe.pay(session);
        assertThat(deliver(stripe.event("checkout.session.completed", session)).statusCode()).isEqualTo(200);

        shop.awaitStatus(placed, "PAID");
    }

    @Test
    void forgedOrStaleWebhooksAreRefusedAndChangeNothing() {
        Shop.Placed placed = shop.checkout(shop.cartWith(Map.of(productId, variantId), 1));
        String session = sessionOf(placed);
        stripe.pay(session);
        String payload = stripe.event("checkout.session.completed", session);
        long before = count("SELECT count(*) AS n FROM provider_events WHERE :id::text IS NOT NULL", "x");

        URI endpoint = URI.create(app.baseUrl() + "/api/webhooks/stripe");
        String tampered = payload.replaceFirst("\"amount_total\"\\s*:\\s*5800", "\"amount_total\": 1");
        assertThat(tampered).isNotEqualTo(payload);
        assertThat(FakeStripe.deliver(endpoint, payload, FakeStripe.sign(payload, "whsec_someone_else", java.time.Instant.now())).statusCode())
                .isEqualTo(400);
        assertThat(FakeStripe.deliver(endpoint, payload, FakeStripe.sign(payload, FakeStripe.WEBHOOK_SECRET,
                java.time.Instant.now().minusSeconds(600))).statusCode()).isEqualTo(400);
        assertThat(FakeStripe.deliver(endpoint, payload, null).statusCode()).isEqualTo(400);
        assertThat(FakeStripe.deliver(endpoint, tampered, FakeStripe.sign(payload, FakeStripe.WEBHOOK_SECRET,
                java.time.Instant.now())).statusCode()).isEqualTo(400);

        assertThat(count("SELECT count(*) AS n FROM provider_events WHERE :id::text IS NOT NULL", "x")).isEqualTo(before);
        assertThat(shop.order(placed).get("status")).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void aWebhookDeliveredFiveTimesInShuffledOrderWithItsSiblingsPaysOnce() {
        Shop.Placed placed = shop.checkout(shop.cartWith(Map.of(productId, variantId), 1));
        String session = sessionOf(placed);
        String intent = stripe.pay(session);
        String completed = stripe.event("checkout.session.completed", session);
        String succeeded = stripe.event("payment_intent.succeeded", intent);
        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            deliveries.add(completed);
            deliveries.add(succeeded);
        }
        Collections.shuffle(deliveries);

        List<Integer> answers = Flux.fromIterable(deliveries)
                .flatMap(payload -> Mono.fromCallable(() -> deliver(payload).statusCode()).subscribeOn(Schedulers.boundedElastic()), 4)
                .collectList().block();

        assertThat(answers).containsOnly(200);
        shop.awaitStatus(placed, "PAID");
        UUID order = UUID.fromString(placed.orderId());
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(count("SELECT count(*) AS n FROM audit_log WHERE subject = 'order:' || :id AND action = 'order.paid'", order.toString()))
                        .isEqualTo(1));
        assertThat(count("SELECT count(*) AS n FROM stock_movements WHERE reference = 'order:' || :id AND kind = 'SOLD'", order.toString()))
                .isEqualTo(1);
    }

    @Test
    void aFailedAttemptArrivingLateDoesNotUndoAPayment() {
        Shop.Placed placed = shop.checkout(shop.cartWith(Map.of(productId, variantId), 1));
        String session = sessionOf(placed);
        String intent = stripe.pay(session);
        deliver(stripe.event("payment_intent.succeeded", intent));
        shop.awaitStatus(placed, "PAID");

        Map<String, Object> failed = Map.of("id", intent, "object", "payment_intent", "status", "requires_payment_method",
                "amount", 5800, "amount_received", 0, "currency", "cny", "metadata", stripe.session(session).orElseThrow().metadata());
        assertThat(deliver(FakeStripe.event("payment_intent.payment_failed", failed, com.stripe.Stripe.API_VERSION)).statusCode()).isEqualTo(200);

        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<String, Object> order = shop.order(placed);
            assertThat(order.get("status")).isEqualTo("PAID");
            assertThat(((Map<?, ?>) order.get("payment")).get("status")).isEqualTo("SUCCEEDED");
        });
    }

    @Test
    void stripeDownAtCheckoutIsAClearProblemAndLeavesNothingBehind() {
        String cart = shop.cartWith(Map.of(productId, variantId), 2);
        stripe.down();

        shop.checkout(Shop.pickup(cart), UUID.randomUUID().toString()).expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("/payment-unavailable"));

        assertThat(count("SELECT count(*) AS n FROM orders WHERE cart_id = :id", UUID.fromString(cart))).isZero();
        assertThat(count("SELECT coalesce(sum(reserved), 0) AS n FROM stock_levels WHERE variant_id = :id", UUID.fromString(variantId)))
                .isZero();
        stripe.up();
        assertThat(shop.checkout(cart).provider()).isEqualTo("stripe");
    }

    @Test
    void theBuyerComingBackFromStripeConfirmsThePaymentBeforeAnyWebhook() {
        Shop.Placed placed = shop.checkout(shop.cartWith(Map.of(productId, variantId), 1));
        stripe.pay(sessionOf(placed));

        client.post().uri("/api/orders/{id}/payment/confirm?token={token}", placed.orderId(), placed.accessToken())
                .exchange().expectStatus().isAccepted();

        shop.awaitStatus(placed, "PAID");
    }

    @Test
    void refundsGoThroughStripeWithTheirOwnKeyAndDashboardRefundsAreReconciledOnce() {
        Shop.Placed placed = shop.checkout(shop.cartWith(Map.of(productId, variantId), 3));
        String intent = stripe.pay(sessionOf(placed));
        deliver(stripe.event("payment_intent.succeeded", intent));
        shop.awaitStatus(placed, "PAID");
        String lineId = (String) Shop.lines(shop.order(placed)).get(0).get("lineId");

        staff.post().uri("/api/admin/orders/{id}/refunds", placed.orderId())
                .bodyValue(Map.of("lines", List.of(Map.of("lineId", lineId, "quantity", 1)), "restock", true, "reason", "broken"))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("SUCCEEDED");
        FakeStripe.Request refund = stripe.requests().stream().filter(request -> request.path().equals("/v1/refunds")
                && intent.equals(request.param("payment_intent"))).findFirst().orElseThrow();
        assertThat(refund.idempotencyKey()).startsWith("order-refund:");
        assertThat(refund.param("amount")).isEqualTo("5800");

        stripe.refundInDashboard(intent, 1000);
        String refunded = stripe.event("charge.refunded", intent);
        assertThat(deliver(refunded).statusCode()).isEqualTo(200);
        assertThat(deliver(refunded).statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(shop.order(placed).get("refunded")).isEqualTo(Map.of("amount", 6800, "currency", "CNY")));
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<String, Object> order = shop.order(placed);
            assertThat(order.get("status")).isEqualTo("PARTIALLY_REFUNDED");
            assertThat((List<?>) order.get("refunds")).hasSize(2);
        });
    }

    @Test
    void fiveStaffRefundingSixtyPercentAtOnceSendOneRefundToStripe() {
        Shop.Placed placed = shop.checkout(shop.cartWith(Map.of(productId, variantId), 5));
        String intent = stripe.pay(sessionOf(placed));
        deliver(stripe.event("payment_intent.succeeded", intent));
        shop.awaitStatus(placed, "PAID");
        long sixtyPercent = 5 * 5800 * 60 / 100;

        List<RefundRace.Answer> answers = RefundRace.refundAtOnce(RefundRace.staff(client, 5), placed.orderId(),
                Map.of("amount", Map.of("amount", sixtyPercent, "currency", "CNY"), "restock", false, "reason", "late delivery"));

        RefundRace.assertRefundedOnce(answers, sixtyPercent, "PARTIALLY_REFUNDED", placed.orderId(), db, staff);
        assertThat(stripe.requests()).filteredOn(request -> request.path().equals("/v1/refunds") && intent.equals(request.param("payment_intent")))
                .singleElement().satisfies(refund -> assertThat(refund.param("amount")).isEqualTo(Long.toString(sixtyPercent)));
    }

    @Test
    void aRestartBetweenCheckoutAndWebhookLosesNothing() {
        SecondInstance first = stripeInstance();
        WebTestClient firstClient = first.client();
        Shop firstShop = new Shop(firstClient);
        Shop.Placed placed = firstShop.checkout(firstShop.cartWith(Map.of(productId, variantId), 1));
        first.close();

        String intent = stripe.pay(sessionOf(placed));
        try (SecondInstance restarted = stripeInstance()) {
            HttpResponse<String> answer = FakeStripe.deliver(URI.create(restarted.baseUrl() + "/api/webhooks/stripe"),
                    stripe.event("payment_intent.succeeded", intent));
            assertThat(answer.statusCode()).isEqualTo(200);
            new Shop(restarted.client()).awaitStatus(placed, "PAID");
        }
    }
}
