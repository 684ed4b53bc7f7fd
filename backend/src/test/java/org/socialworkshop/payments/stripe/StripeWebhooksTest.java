package org.socialworkshop.payments.stripe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.stripe.Stripe;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.payments.PaymentRequest;
import org.socialworkshop.payments.ProviderEvent;
import org.socialworkshop.shared.Money;
import org.socialworkshop.support.FakeStripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signed events from the fake Stripe verify and map to provider events; anything forged, stale or unsigned does not. */
class StripeWebhooksTest {

    FakeStripe stripe;
    StripeProvider provider;
    StripeWebhooks webhooks = new StripeWebhooks(FakeStripe.WEBHOOK_SECRET);
    UUID paymentId = UUID.randomUUID();

    @BeforeEach
    void start() {
        stripe = FakeStripe.start();
        provider = new StripeProvider(stripe.settings(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void aCompletedPaidSessionCarriesOurPaymentItsPaymentIntentAndTheAmount() {
        String sessionId = openSession();
        String paymentIntent = stripe.pay(sessionId);
        String payload = stripe.event("checkout.session.completed", sessionId);

        ProviderEvent event = verified(payload);

        assertThat(event.id()).startsWith("evt_test_");
        assertThat(event.type()).isEqualTo("checkout.session.completed");
        assertThat(event.created()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(event).isEqualTo(new ProviderEvent(event.id(), "checkout.session.completed", event.created(),
                paymentId, sessionId, paymentIntent, true, Money.fen(9100), null));
    }

    @Test
    void aSessionCompletedWithADelayedMethodIsNotPaidUntilItsAsyncSuccess() {
        String sessionId = openSession();
        stripe.startDelayedPayment(sessionId);
        assertThat(verified(stripe.event("checkout.session.completed", sessionId)).paid()).isFalse();

        stripe.pay(sessionId);

        ProviderEvent succeeded = verified(stripe.event("checkout.session.async_payment_succeeded", sessionId));
        assertThat(succeeded.paid()).isTrue();
        assertThat(succeeded.paymentId()).isEqualTo(paymentId);
    }

    @Test
    void anExpiredSessionIsUnpaid() {
        String sessionId = openSession();
        stripe.expire(sessionId);

        ProviderEvent event = verified(stripe.event("checkout.session.expired", sessionId));

        assertThat(event.sessionId()).isEqualTo(sessionId);
        assertThat(event.paymentId()).isEqualTo(paymentId);
        assertThat(event.paid()).isFalse();
        assertThat(event.paymentReference()).isNull();
    }

    @Test
    void aSucceededPaymentIntentCarriesOurPaymentAndTheAmountReceived() {
        String paymentIntent = stripe.pay(openSession());

        ProviderEvent event = verified(stripe.event("payment_intent.succeeded", paymentIntent));

        assertThat(event).isEqualTo(new ProviderEvent(event.id(), "payment_intent.succeeded", event.created(),
                paymentId, null, paymentIntent, true, Money.fen(9100), null));
    }

    @Test
    void aFailedPaymentIntentCarriesOurPaymentAndNothingReceived() {
        String paymentIntent = stripe.failPayment(openSession());

        ProviderEvent event = verified(stripe.event("payment_intent.payment_failed", paymentIntent));

        assertThat(event.paymentId()).isEqualTo(paymentId);
        assertThat(event.paymentReference()).isEqualTo(paymentIntent);
        assertThat(event.paid()).isFalse();
        assertThat(event.amount()).isEqualTo(Money.fen(0));
    }

    @Test
    void aRefundedChargeCarriesItsPaymentIntentAndTheTotalRefunded() {
        String paymentIntent = stripe.pay(openSession());
        stripe.refundInDashboard(paymentIntent, 1500);
        stripe.refundInDashboard(paymentIntent, 3800);

        ProviderEvent event = verified(stripe.event("charge.refunded", paymentIntent));

        assertThat(event.paymentReference()).isEqualTo(paymentIntent);
        assertThat(event.amount()).isEqualTo(Money.fen(9100));
        assertThat(event.amountRefunded()).isEqualTo(Money.fen(5300));
        assertThat(event.sessionId()).isNull();
    }

    @Test
    void otherEventTypesCarryOnlyTheirIdTypeAndTime() {
        String payload = FakeStripe.event("customer.created", Map.of("id", "cus_1", "object", "customer",
                "metadata", Map.of("payment_id", paymentId.toString())), Stripe.API_VERSION);

        ProviderEvent event = verified(payload);

        assertThat(event).isEqualTo(new ProviderEvent(event.id(), "customer.created", event.created(),
                null, null, null, false, null, null));
    }

    @Test
    void anEventForAnotherApiVersionStillMaps() throws SignatureVerificationException {
        String sessionId = openSession();
        String paymentIntent = stripe.pay(sessionId);
        String payload = stripe.event("checkout.session.completed", sessionId, "2020-08-27");
        // The pitfall: stripe-java's typed view of an event from another API version is empty.
        assertThat(Webhook.constructEvent(payload, sign(payload), FakeStripe.WEBHOOK_SECRET)
                .getDataObjectDeserializer().getObject()).isEmpty();

        ProviderEvent event = verified(payload);

        assertThat(event.paymentId()).isEqualTo(paymentId);
        assertThat(event.paymentReference()).isEqualTo(paymentIntent);
        assertThat(event.paid()).isTrue();
        assertThat(event.amount()).isEqualTo(Money.fen(9100));
    }

    @Test
    void aPaymentIntentExpandedIntoTheSessionIsReadByItsId() {
        String payload = FakeStripe.event("checkout.session.completed", Map.of("id", "cs_test_x",
                "object", "checkout.session", "payment_intent", Map.of("id", "pi_test_x", "object", "payment_intent"),
                "payment_status", "paid", "amount_total", 100, "currency", "cny", "metadata", Map.of()),
                Stripe.API_VERSION);

        ProviderEvent event = verified(payload);

        assertThat(event.paymentReference()).isEqualTo("pi_test_x");
        assertThat(event.paymentId()).isNull();
    }

    @Test
    void aSignatureWithAnotherSecretIsRefused() {
        String payload = stripe.event("checkout.session.expired", expiredSession());

        assertInvalid(payload, FakeStripe.sign(payload, "whsec_someone_else", Instant.now()));
    }

    @Test
    void aPayloadChangedAfterSigningIsRefused() {
        String payload = stripe.event("checkout.session.expired", expiredSession());
        String signature = sign(payload);

        assertInvalid(payload.replace("\"payment_status\":\"unpaid\"", "\"payment_status\":\"paid\""), signature);
    }

    @Test
    void aSignatureOlderThanFiveMinutesIsRefusedAndOneJustYoungerIsNot() {
        String payload = stripe.event("checkout.session.expired", expiredSession());

        assertInvalid(payload, FakeStripe.sign(payload, FakeStripe.WEBHOOK_SECRET, Instant.now().minusSeconds(301)));
        assertThat(webhooks.verify(payload, FakeStripe.sign(payload, FakeStripe.WEBHOOK_SECRET,
                Instant.now().minusSeconds(290))).type()).isEqualTo("checkout.session.expired");
    }

    @Test
    void aMissingOrMalformedSignatureIsRefused() {
        String payload = stripe.event("checkout.session.expired", expiredSession());

        assertInvalid(payload, null);
        assertInvalid(payload, " ");
        assertInvalid(payload, "nonsense");
        assertInvalid(payload, "t=yesterday,v1=abc");
    }

    @Test
    void aSignedPayloadThatIsNoEventIsRefused() {
        assertInvalid("this is not JSON", sign("this is not JSON"));
        assertInvalid("{\"id\": \"evt_1\"}", sign("{\"id\": \"evt_1\"}"));
    }

    @Test
    void deliversSignedEventsToAnEndpointAsStripeDoes() throws IOException {
        String sessionId = openSession();
        List<ProviderEvent> received = new CopyOnWriteArrayList<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        endpoint.createContext("/api/webhooks/stripe", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(webhooks.verify(body, exchange.getRequestHeaders().getFirst("Stripe-Signature")));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        endpoint.start();
        try {
            URI url = URI.create("http://localhost:" + endpoint.getAddress().getPort() + "/api/webhooks/stripe");

            HttpResponse<String> response = FakeStripe.deliver(url, stripe.event("checkout.session.expired", sessionId));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(received).singleElement().satisfies(event -> assertThat(event.sessionId()).isEqualTo(sessionId));
        } finally {
            endpoint.stop(0);
        }
    }

    private ProviderEvent verified(String payload) {
        return webhooks.verify(payload, sign(payload));
    }

    private void assertInvalid(String payload, @Nullable String signature) {
        assertThatThrownBy(() -> webhooks.verify(payload, signature))
                .isInstanceOfSatisfying(InvalidWebhook.class,
                        invalid -> assertThat(invalid.getStatusCode().value()).isEqualTo(400));
    }

    private static String sign(String payload) {
        return FakeStripe.sign(payload, FakeStripe.WEBHOOK_SECRET, Instant.now());
    }

    private String expiredSession() {
        String sessionId = openSession();
        stripe.expire(sessionId);
        return sessionId;
    }

    private String openSession() {
        List<PaymentRequest.Item> items = List.of(new PaymentRequest.Item("青花茶杯", 2, Money.fen(3800)),
                new PaymentRequest.Item("Tea towel", 1, Money.fen(1500)));
        return provider.open(new PaymentRequest(paymentId, UUID.randomUUID(), "WS-2026-000124", items, Money.fen(9100),
                "buyer@example.org", Locale.SIMPLIFIED_CHINESE, URI.create("https://shop.example/shop/order.html"),
                URI.create("https://shop.example/shop/cart.html"), Instant.now().plus(Duration.ofHours(1)),
                "payment:" + UUID.randomUUID() + ":open")).block().sessionId();
    }
}
