package org.socialworkshop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.stripe.Stripe;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.payments.stripe.StripeSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of Stripe this application uses, over real HTTP on a random local port, for tests that must not
 * reach the internet: Checkout Sessions (create, retrieve, expire), Refunds, Invoices (customers, items, finalise,
 * send), idempotency keys, error answers in
 * Stripe's shape, and signed webhook events built from the fake's state. Thread-safe; start it, point
 * {@code stripe.api-base} at {@link #apiBase()}, and close it.
 *
 * <p>What a buyer does on Stripe's page is done through the test controls: {@link #pay}, {@link #failPayment},
 * {@link #startDelayedPayment}; what staff do in Stripe's dashboard: {@link #refundInDashboard}. Stripe's
 * trouble: {@link #down()}, {@link #slow(Duration)}, {@link #up()}.
 */
public final class FakeStripe implements AutoCloseable {

    public static final String SECRET_KEY = "sk_test_fake_stripe";
    public static final String WEBHOOK_SECRET = "whsec_fake_stripe";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong EVENT_IDS = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpServer server;
    private final ExecutorService threads;
    private final FakeStripeState state;
    private final FakeStripeApi api;
    private final String apiBase;

    private FakeStripe(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
        this.apiBase = "http://localhost:" + server.getAddress().getPort();
        this.state = new FakeStripeState(apiBase);
        this.api = new FakeStripeApi(state, JSON);
        server.createContext("/", api);
        server.setExecutor(threads);
    }

    /** A fresh fake Stripe, answering on {@code localhost} at a free port. */
    public static FakeStripe start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            FakeStripe stripe = new FakeStripe(server, Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fake-stripe");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return stripe;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where stripe-java should send its calls ({@code stripe.api-base}). */
    public String apiBase() {
        return apiBase;
    }

    /** Settings for a provider talking to this fake, with the given read timeout (connect: one second). */
    public StripeSettings settings(Duration readTimeout) {
        return new StripeSettings(SECRET_KEY, WEBHOOK_SECRET, apiBase, Duration.ofSeconds(1), readTimeout);
    }

    /** Properties ({@code name=value}) for an application using this fake, e.g. for {@link SecondInstance#start}. */
    public String[] properties() {
        return new String[] {"stripe.secret-key=" + SECRET_KEY, "stripe.webhook-secret=" + WEBHOOK_SECRET,
                "stripe.api-base=" + apiBase};
    }

    /** The buyer pays (also completes a delayed payment): returns the PaymentIntent id, {@code pi_test_…}. */
    public String pay(String sessionId) {
        return state.pay(sessionId);
    }

    /** The buyer's card is declined; the session stays open. Returns the PaymentIntent id. */
    public String failPayment(String sessionId) {
        return state.failPayment(sessionId);
    }

    /** The buyer pays with a method that confirms later: complete but unpaid until {@link #pay}. */
    public String startDelayedPayment(String sessionId) {
        return state.startDelayedPayment(sessionId);
    }

    /** The session times out unpaid, as at its {@code expires_at}. */
    public void expire(String sessionId) {
        state.expireNow(sessionId);
    }

    /** Someone refunds in Stripe's dashboard, outside the application; returns the refund id. */
    public String refundInDashboard(String paymentIntentId, long amount) {
        return state.refundInDashboard(paymentIntentId, amount);
    }

    /** The buyer pays an open invoice on its hosted page; returns the PaymentIntent id that paid it. */
    public String payInvoice(String invoiceId) {
        return state.payInvoice(invoiceId);
    }

    /** Every invoice made, as the fake holds it now. */
    public List<Invoice> invoices() {
        return state.invoices();
    }

    /** A Terminal reader registered to the account (a counter's card reader), online and idle. */
    public void reader(String readerId) {
        state.reader(readerId);
    }

    /** The reader stops answering Stripe (or answers again): handing it a payment then fails with a timeout. */
    public void readerTimesOut(String readerId, boolean timesOut) {
        state.reader(readerId).timesOut = timesOut;
    }

    /** The buyer taps a card on the reader; {@code 4000000000000002} is declined. Returns the PaymentIntent id. */
    public String presentCard(String readerId, String cardNumber) {
        return state.presentCard(readerId, cardNumber);
    }

    /** The buyer scans a wallet payment's QR code and pays. */
    public void payWallet(String paymentIntentId) {
        state.payWallet(paymentIntentId);
    }

    /** The newest wallet payment of {@code method} ({@code wechat_pay}, {@code alipay}) waiting for its buyer to scan it. */
    public String waitingWallet(String method) {
        List<Map<String, Object>> waiting = paymentIntents().stream()
                .filter(intent -> List.of(method).equals(intent.get("payment_method_types")) && "requires_action".equals(intent.get("status")))
                .toList();
        if (waiting.isEmpty()) {
            throw new IllegalStateException("No " + method + " payment waits for its buyer");
        }
        return (String) waiting.get(waiting.size() - 1).get("id");
    }

    /** Every PaymentIntent created (directly, or by a Checkout Session once paid for), as Stripe's JSON. */
    public List<Map<String, Object>> paymentIntents() {
        return state.intentsJson();
    }

    /** Every call is answered 503 with an {@code api_error} until {@link #up()}. */
    public void down() {
        api.down(true);
    }

    /** Every answer is held back this long (the work is done at once) until {@link #up()}. */
    public void slow(Duration delay) {
        api.delay(delay);
    }

    /** Back to answering at once. */
    public void up() {
        api.down(false);
        api.delay(Duration.ZERO);
    }

    public List<Session> sessions() {
        return state.sessions();
    }

    public Optional<Session> session(String id) {
        return sessions().stream().filter(session -> session.id().equals(id)).findFirst();
    }

    /** Every request received, in order, including those answered while down. */
    public List<Request> requests() {
        return api.requests();
    }

    /**
     * A Stripe event of {@code type} about an object in its current state, as Stripe would send it for our API
     * version: {@code checkout.session.*} takes a session id, {@code payment_intent.*} a PaymentIntent id,
     * {@code charge.*} a PaymentIntent or charge id, {@code invoice.*} an invoice id.
     */
    public String event(String type, String objectId) {
        return event(type, objectId, Stripe.API_VERSION);
    }

    /** As {@link #event(String, String)}, rendered for another API version. */
    public String event(String type, String objectId, String apiVersion) {
        Map<String, Object> object;
        if (type.startsWith("checkout.session.")) {
            object = state.sessionJson(objectId);
        } else if (type.startsWith("payment_intent.")) {
            object = state.intentJson(objectId);
        } else if (type.startsWith("charge.")) {
            object = state.chargeJson(objectId);
        } else if (type.startsWith("invoice.")) {
            object = state.invoiceJson(objectId);
        } else {
            throw new IllegalArgumentException("Build " + type + " events with event(type, object, apiVersion)");
        }
        return event(type, object, apiVersion);
    }

    /** An event of any type about any object. */
    public static String event(String type, Map<String, ?> object, String apiVersion) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_test_" + EVENT_IDS.incrementAndGet());
        event.put("object", "event");
        event.put("api_version", apiVersion);
        event.put("created", Instant.now().getEpochSecond());
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("request", Map.of("id", "req_test_event", "idempotency_key", "test"));
        event.put("type", type);
        return JSON.writeValueAsString(event);
    }

    /** A {@code Stripe-Signature} header as Stripe makes it: {@code t={timestamp},v1=HMAC-SHA256("{t}.{payload}")}. */
    public static String sign(String payload, String secret, Instant timestamp) {
        long seconds = timestamp.getEpochSecond();
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = hmac.doFinal((seconds + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Sends {@code payload} to a webhook endpoint as Stripe does, signed now with {@link #WEBHOOK_SECRET}. */
    public static HttpResponse<String> deliver(URI endpoint, String payload) {
        return deliver(endpoint, payload, sign(payload, WEBHOOK_SECRET, Instant.now()));
    }

    /** Sends {@code payload} to a webhook endpoint with the given {@code Stripe-Signature} header (or none). */
    public static HttpResponse<String> deliver(URI endpoint, String payload, @Nullable String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted delivering a webhook", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** A call as received: form parameters decoded, nested keys as sent ({@code metadata[payment_id]}). */
    public record Request(String method, String path, @Nullable String idempotencyKey, Map<String, String> params) {

        public @Nullable String param(String key) {
            return params.get(key);
        }
    }

    /** An invoice as the fake holds it now: whether it was sent, its total, terms, metadata and its customer's e-mail. */
    public record Invoice(String id, String status, boolean sent, long amountDue, String currency, String collectionMethod,
            @Nullable Integer daysUntilDue, Map<String, String> metadata, @Nullable String customerEmail) {
    }

    /** A Checkout Session as the fake holds it now. */
    public record Session(String id, String status, String paymentStatus, long amountTotal, String currency,
            @Nullable String paymentIntent, Map<String, String> metadata, long expiresAt) {
    }
}
