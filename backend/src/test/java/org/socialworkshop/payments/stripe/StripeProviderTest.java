package org.socialworkshop.payments.stripe;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.payments.PaymentRequest;
import org.socialworkshop.payments.PaymentSession;
import org.socialworkshop.payments.PaymentUnavailable;
import org.socialworkshop.payments.ProviderRefund;
import org.socialworkshop.payments.RefundRequest;
import org.socialworkshop.payments.SessionState;
import org.socialworkshop.shared.Money;
import org.socialworkshop.support.FakeStripe;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The Stripe provider against the fake Stripe over HTTP: what it sends, what it makes of the answers, and failures. */
class StripeProviderTest {

    /** Production's read timeout: an answer that comes at all comes within it, however slow the machine. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** For the test of a slow Stripe: a read timeout far shorter than Stripe's delay. */
    static final Duration SHORT_READ_TIMEOUT = Duration.ofSeconds(1);
    static final Duration STRIPE_DELAY = Duration.ofSeconds(30);

    FakeStripe stripe;
    StripeProvider provider;

    @BeforeEach
    void start() {
        stripe = FakeStripe.start();
        provider = new StripeProvider(stripe.settings(READ_TIMEOUT));
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void opensACheckoutSessionWithTheOrdersLinesMetadataPaymentMethodsAndOurKey() {
        PaymentRequest request = cupsAndTowel(Locale.SIMPLIFIED_CHINESE, Instant.now().plus(Duration.ofHours(2)));

        PaymentSession session = provider.open(request).block();

        assertThat(session.sessionId()).startsWith("cs_test_");
        assertThat(session.redirectUrl()).isEqualTo(URI.create(stripe.apiBase() + "/pay/" + session.sessionId()));
        FakeStripe.Request sent = stripe.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/checkout/sessions");
        assertThat(sent.idempotencyKey()).isEqualTo(request.idempotencyKey());
        assertThat(sent.params())
                .containsEntry("mode", "payment")
                .containsEntry("line_items[0][price_data][currency]", "cny")
                .containsEntry("line_items[0][price_data][unit_amount]", "3800")
                .containsEntry("line_items[0][price_data][product_data][name]", "青花茶杯")
                .containsEntry("line_items[0][quantity]", "2")
                .containsEntry("line_items[1][price_data][unit_amount]", "1500")
                .containsEntry("line_items[1][quantity]", "1")
                .containsEntry("customer_email", "buyer@example.org")
                .containsEntry("client_reference_id", request.orderId().toString())
                .containsEntry("metadata[payment_id]", request.paymentId().toString())
                .containsEntry("metadata[order_id]", request.orderId().toString())
                .containsEntry("metadata[order_number]", "WS-2026-000123")
                .containsEntry("payment_intent_data[metadata][payment_id]", request.paymentId().toString())
                .containsEntry("payment_intent_data[metadata][order_number]", "WS-2026-000123")
                .containsEntry("success_url", request.returnUrl() + "&session_id={CHECKOUT_SESSION_ID}")
                .containsEntry("cancel_url", request.cancelUrl().toString())
                .containsEntry("expires_at", Long.toString(request.expiresAt().getEpochSecond()))
                .containsEntry("locale", "zh")
                .containsEntry("payment_method_types[0]", "card")
                .containsEntry("payment_method_types[1]", "alipay")
                .containsEntry("payment_method_types[2]", "wechat_pay")
                .containsEntry("payment_method_options[wechat_pay][client]", "web");
        FakeStripe.Session held = stripe.session(session.sessionId()).orElseThrow();
        assertThat(held.amountTotal()).isEqualTo(9100);
        assertThat(held.currency()).isEqualTo("cny");
        assertThat(held.metadata()).containsEntry("payment_id", request.paymentId().toString());
    }

    @Test
    void aThirtyMinuteWindowAsksForItsEndPlusThirtyMinutesBecauseStripeNeedsThirtyAtLeast() {
        Instant windowEnd = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);

        provider.open(cupsAndTowel(Locale.SIMPLIFIED_CHINESE, windowEnd)).block();

        assertThat(stripe.requests().get(0).param("expires_at"))
                .isEqualTo(Long.toString(windowEnd.plus(Duration.ofMinutes(30)).getEpochSecond()));
    }

    @Test
    void englishBuyersAndOtherCurrenciesGetEnglishAndCards() {
        Money price = new Money(1250, Currency.getInstance("USD"));
        PaymentRequest request = request(List.of(new PaymentRequest.Item("Tea towel", 2, price)), price.times(2),
                Locale.ENGLISH, Instant.now().plus(Duration.ofHours(1)), URI.create("https://shop.example/shop/order.html"));

        provider.open(request).block();

        FakeStripe.Request sent = stripe.requests().get(0);
        assertThat(sent.params())
                .containsEntry("locale", "en")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("payment_method_types[0]", "card")
                .doesNotContainKey("payment_method_types[1]")
                .doesNotContainKey("payment_method_options[wechat_pay][client]")
                .containsEntry("success_url", "https://shop.example/shop/order.html?session_id={CHECKOUT_SESSION_ID}");
    }

    @Test
    void openingAgainWithTheSameKeyMakesOneSession() {
        PaymentRequest request = cupsAndTowel(Locale.SIMPLIFIED_CHINESE, Instant.now().plus(Duration.ofHours(1)));

        List<String> ids = Flux.range(0, 8)
                .flatMap(i -> provider.open(request).subscribeOn(Schedulers.parallel()))
                .map(PaymentSession::sessionId)
                .collectList().block();

        assertThat(ids).hasSize(8).containsOnly(ids.get(0));
        assertThat(stripe.sessions()).hasSize(1);
        assertThat(stripe.requests()).hasSize(8)
                .allSatisfy(sent -> assertThat(sent.idempotencyKey()).isEqualTo(request.idempotencyKey()));
    }

    @Test
    void aSessionIsOpenUntilPaidThenPaidWithItsPaymentIntentAndAmount() {
        String sessionId = openOne();
        assertThat(provider.lookup(sessionId).block())
                .isEqualTo(new SessionState(sessionId, SessionState.Status.OPEN, null, null));

        String paymentIntent = stripe.pay(sessionId);

        assertThat(paymentIntent).startsWith("pi_test_");
        assertThat(provider.lookup(sessionId).block())
                .isEqualTo(new SessionState(sessionId, SessionState.Status.PAID, paymentIntent, Money.fen(9100)));
    }

    @Test
    void aDelayedPaymentMethodIsProcessingUntilConfirmed() {
        String sessionId = openOne();
        String paymentIntent = stripe.startDelayedPayment(sessionId);

        assertThat(provider.lookup(sessionId).block())
                .isEqualTo(new SessionState(sessionId, SessionState.Status.PROCESSING, paymentIntent, null));
    }

    @Test
    void closingExpiresAnOpenSessionWithOurKey() {
        String sessionId = openOne();

        SessionState closed = provider.close(sessionId).block();

        assertThat(closed.status()).isEqualTo(SessionState.Status.EXPIRED);
        assertThat(stripe.session(sessionId).orElseThrow().status()).isEqualTo("expired");
        FakeStripe.Request expire = stripe.requests().get(1);
        assertThat(expire.path()).isEqualTo("/v1/checkout/sessions/" + sessionId + "/expire");
        assertThat(expire.idempotencyKey()).isEqualTo("payment-session:" + sessionId + ":close");
    }

    @Test
    void closingASessionPaidInTheMeantimeReportsItPaid() {
        String sessionId = openOne();
        String paymentIntent = stripe.pay(sessionId);

        assertThat(provider.close(sessionId).block())
                .isEqualTo(new SessionState(sessionId, SessionState.Status.PAID, paymentIntent, Money.fen(9100)));
        assertThat(provider.close(sessionId).block().status()).isEqualTo(SessionState.Status.PAID);
    }

    @Test
    void closingAnExpiredSessionAgainReportsItExpired() {
        String sessionId = openOne();
        stripe.expire(sessionId);

        assertThat(provider.close(sessionId).block().status()).isEqualTo(SessionState.Status.EXPIRED);
    }

    @Test
    void refundsPartOfAPaymentWithOurKeyAndReason() {
        String paymentIntent = stripe.pay(openOne());
        String reason = "茶杯有裂纹。".repeat(100);

        ProviderRefund refund = provider.refund(new RefundRequest(paymentIntent, Money.fen(3800), reason, "refund:r1"))
                .block();

        assertThat(refund.refundId()).startsWith("re_test_");
        assertThat(refund.status()).isEqualTo(ProviderRefund.Status.SUCCEEDED);
        FakeStripe.Request sent = stripe.requests().get(stripe.requests().size() - 1);
        assertThat(sent.path()).isEqualTo("/v1/refunds");
        assertThat(sent.idempotencyKey()).isEqualTo("refund:r1");
        assertThat(sent.params())
                .containsEntry("payment_intent", paymentIntent)
                .containsEntry("amount", "3800")
                .containsEntry("reason", "requested_by_customer")
                .containsEntry("metadata[reason]", reason.substring(0, 500));
    }

    @Test
    void refundingMoreThanIsLeftIsAClearProblem() {
        String paymentIntent = stripe.pay(openOne());
        provider.refund(new RefundRequest(paymentIntent, Money.fen(3800), "cracked", "refund:r1")).block();

        StepVerifier.create(provider.refund(new RefundRequest(paymentIntent, Money.fen(9100), "all", "refund:r2")))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(StripeRefused.class);
                    StripeRefused refused = (StripeRefused) error;
                    assertThat(refused.getStatusCode().value()).isEqualTo(422);
                    assertThat(refused.getBody().getDetail()).contains("greater than unrefunded amount");
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void anUnknownSessionIsOurFaultNotTheBuyers() {
        StepVerifier.create(provider.lookup("cs_test_unknown"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(StripeRefused.class,
                        refused -> assertThat(refused.getStatusCode().value()).isEqualTo(502)))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void stripeDownIsPaymentUnavailable() {
        stripe.down();

        StepVerifier.create(provider.open(cupsAndTowel(Locale.SIMPLIFIED_CHINESE, Instant.now().plus(Duration.ofHours(1)))))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(PaymentUnavailable.class,
                        unavailable -> assertThat(unavailable.getStatusCode().value()).isEqualTo(503)))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void stripeOutOfReachIsPaymentUnavailable() {
        String apiBase = stripe.apiBase();
        stripe.close();
        StripeProvider unreachable = new StripeProvider(new StripeSettings(FakeStripe.SECRET_KEY, null, apiBase,
                Duration.ofSeconds(1), READ_TIMEOUT));

        StepVerifier.create(unreachable.lookup("cs_test_1"))
                .expectError(PaymentUnavailable.class)
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aRejectedApiKeyIsPaymentUnavailable() {
        StripeProvider misconfigured = new StripeProvider(new StripeSettings("pk_test_not_a_secret_key", null,
                stripe.apiBase(), Duration.ofSeconds(1), READ_TIMEOUT));

        StepVerifier.create(misconfigured.lookup("cs_test_1"))
                .expectError(PaymentUnavailable.class)
                .verify(Duration.ofSeconds(10));
    }

    /**
     * The buyer hears "try again" long before Stripe's late answer, after one try: no hidden retries, each of
     * which would wait a whole read timeout more. The retry, with the same key, finds the session Stripe made.
     */
    @Test
    void stripeTooSlowIsPaymentUnavailableBeforeItAnswersAndTheRetryFindsTheSession() {
        PaymentRequest request = cupsAndTowel(Locale.SIMPLIFIED_CHINESE, Instant.now().plus(Duration.ofHours(1)));
        StripeProvider impatient = new StripeProvider(stripe.settings(SHORT_READ_TIMEOUT));
        stripe.slow(STRIPE_DELAY);

        StepVerifier.create(impatient.open(request))
                .expectError(PaymentUnavailable.class)
                .verify(STRIPE_DELAY);

        assertThat(stripe.requests()).as("one call to Stripe, not retried").hasSize(1);
        stripe.up();
        String retried = provider.open(request).block().sessionId();
        assertThat(stripe.sessions()).extracting(FakeStripe.Session::id).containsExactly(retried);
    }

    private String openOne() {
        return provider.open(cupsAndTowel(Locale.SIMPLIFIED_CHINESE, Instant.now().plus(Duration.ofHours(1))))
                .block().sessionId();
    }

    private static PaymentRequest cupsAndTowel(Locale locale, Instant expiresAt) {
        List<PaymentRequest.Item> items = List.of(new PaymentRequest.Item("青花茶杯", 2, Money.fen(3800)),
                new PaymentRequest.Item("Tea towel", 1, Money.fen(1500)));
        return request(items, Money.fen(9100), locale, expiresAt,
                URI.create("https://shop.example/shop/order.html?id=o1&token=t1"));
    }

    private static PaymentRequest request(List<PaymentRequest.Item> items, Money total, Locale locale,
            Instant expiresAt, URI returnUrl) {
        UUID paymentId = UUID.randomUUID();
        return new PaymentRequest(paymentId, UUID.randomUUID(), "WS-2026-000123", items, total, "buyer@example.org",
                locale, returnUrl, URI.create("https://shop.example/shop/cart.html"), expiresAt,
                "payment:" + paymentId + ":open");
    }
}
