package org.socialworkshop.payments.stripe;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.stripe.Stripe;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.payments.PaymentRequest;
import org.socialworkshop.payments.ProviderEvent;
import org.socialworkshop.shared.Money;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.FakeStripe;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.TestPostgres;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Events signed as Stripe documents it verify and map to provider events; anything forged, stale or unsigned does not.
 * The signatures are made here from the documented scheme, not by the fake; the fake only renders the events.
 */
class StripeWebhooksTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

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

        assertThat(event).isEqualTo(new ProviderEvent(idOf(payload), "checkout.session.completed", createdOf(payload),
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

        String payload = stripe.event("payment_intent.succeeded", paymentIntent);

        ProviderEvent event = verified(payload);

        assertThat(event).isEqualTo(new ProviderEvent(idOf(payload), "payment_intent.succeeded", createdOf(payload),
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

        assertThat(event).isEqualTo(new ProviderEvent(idOf(payload), "customer.created", createdOf(payload),
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

        assertInvalid(payload, stripeSignature(payload, "whsec_someone_else", Instant.now()));
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

        assertInvalid(payload, stripeSignature(payload, FakeStripe.WEBHOOK_SECRET, Instant.now().minusSeconds(301)));
        assertThat(webhooks.verify(payload, stripeSignature(payload, FakeStripe.WEBHOOK_SECRET,
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
    void theApplicationStoresAnEventSignedWithItsSecretOnceAndNothingForgedOrStale() {
        String sessionId = expiredSession();
        String payload = stripe.event("checkout.session.expired", sessionId);
        String eventId = idOf(payload);
        try (SecondInstance app = SecondInstance.start(withTestDatabase(stripe.properties()))) {
            Database db = app.bean(Database.class);

            deliver(app, payload, stripeSignature(payload, "whsec_someone_else", Instant.now())).expectStatus().isBadRequest();
            deliver(app, payload, stripeSignature(payload, FakeStripe.WEBHOOK_SECRET, Instant.now().minusSeconds(301))).expectStatus().isBadRequest();
            deliver(app, payload, null).expectStatus().isBadRequest();
            String changed = payload.replace(sessionId, sessionId + "x");
            assertThat(changed).isNotEqualTo(payload);
            deliver(app, changed, stripeSignature(payload, FakeStripe.WEBHOOK_SECRET, Instant.now())).expectStatus().isBadRequest();
            assertThat(storedEvents(db, eventId)).as("nothing stored from a refused delivery").isEmpty();

            deliver(app, payload, stripeSignature(payload, FakeStripe.WEBHOOK_SECRET, Instant.now().minusSeconds(240))).expectStatus().isOk()
                    .expectBody().jsonPath("$.received").isEqualTo(true).jsonPath("$.duplicate").isEqualTo(false);
            deliver(app, payload, stripeSignature(payload, FakeStripe.WEBHOOK_SECRET, Instant.now())).expectStatus().isOk()
                    .expectBody().jsonPath("$.received").isEqualTo(true).jsonPath("$.duplicate").isEqualTo(true);
            assertThat(storedEvents(db, eventId)).as("stored once, as verified")
                    .containsExactly(List.of("stripe", "checkout.session.expired", sessionId, paymentId.toString()));
        }
    }

    /** Posts a payload to the application's webhook endpoint as Stripe does, with the given signature header or none. */
    private static WebTestClient.ResponseSpec deliver(SecondInstance app, String payload, @Nullable String signature) {
        return app.client().post().uri("/api/webhooks/stripe")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (signature != null) {
                        headers.set("Stripe-Signature", signature);
                    }
                })
                .bodyValue(payload)
                .exchange();
    }

    /** Provider, type, session and our payment id of each stored event with this id. */
    private static List<List<String>> storedEvents(Database db, String eventId) {
        return db.sql("SELECT provider, type, event ->> 'sessionId' AS session, event ->> 'paymentId' AS payment "
                        + "FROM provider_events WHERE id = :id")
                .bind("id", eventId)
                .map(row -> List.of(row.get("provider", String.class), row.get("type", String.class),
                        row.get("session", String.class), row.get("payment", String.class)))
                .list().block();
    }

    private static String[] withTestDatabase(String[] properties) {
        String[] all = Arrays.copyOf(properties, properties.length + 1);
        all[properties.length] = "workshop.database.url=" + TestPostgres.url();
        return all;
    }

    private static String idOf(String payload) {
        return JSON.readTree(payload).get("id").asString();
    }

    private static Instant createdOf(String payload) {
        return Instant.ofEpochSecond(JSON.readTree(payload).get("created").asLong());
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
        return stripeSignature(payload, FakeStripe.WEBHOOK_SECRET, Instant.now());
    }

    /**
     * A {@code Stripe-Signature} header made here from Stripe's documentation rather than by the fake, so that the
     * application is checked against the scheme itself: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>"
     * keyed with the endpoint's secret>}.
     */
    static String stripeSignature(String payload, String secret, Instant at) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signedPayload = at.getEpochSecond() + "." + payload;
            return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(hmac.doFinal(signedPayload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
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
