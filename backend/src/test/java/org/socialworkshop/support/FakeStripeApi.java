package org.socialworkshop.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fake Stripe's HTTP side: routes the few endpoints the application calls, checks the API key, replays
 * answers for a repeated {@code Idempotency-Key} (and refuses the key with other parameters, as Stripe does),
 * records every request, and can be told to be down or slow.
 */
final class FakeStripeApi implements HttpHandler {

    private static final Pattern SESSION = Pattern.compile("/v1/checkout/sessions/([^/]+)");
    private static final Pattern EXPIRE = Pattern.compile("/v1/checkout/sessions/([^/]+)/expire");
    private static final Pattern PAGE = Pattern.compile("/pay/([^/]+)");
    private static final Pattern INVOICE_PAGE = Pattern.compile("/invoice/([^/]+)");
    private static final Pattern INVOICE = Pattern.compile("/v1/invoices/([^/]+)");
    private static final Pattern FINALIZE = Pattern.compile("/v1/invoices/([^/]+)/finalize");
    private static final Pattern SEND = Pattern.compile("/v1/invoices/([^/]+)/send");
    private static final Pattern INTENT = Pattern.compile("/v1/payment_intents/([^/]+)");
    private static final Pattern CANCEL_INTENT = Pattern.compile("/v1/payment_intents/([^/]+)/cancel");
    private static final Pattern READER = Pattern.compile("/v1/terminal/readers/([^/]+)");
    private static final Pattern PROCESS = Pattern.compile("/v1/terminal/readers/([^/]+)/process_payment_intent");
    private static final Pattern CANCEL_ACTION = Pattern.compile("/v1/terminal/readers/([^/]+)/cancel_action");
    private static final Pattern PRESENT = Pattern.compile("/v1/test_helpers/terminal/readers/([^/]+)/present_payment_method");

    private final FakeStripeState state;
    private final JsonMapper json;
    private final List<FakeStripe.Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Replay> replays = new HashMap<>();
    private final AtomicLong requestIds = new AtomicLong();
    private volatile boolean down;
    private volatile Duration delay = Duration.ZERO;

    FakeStripeApi(FakeStripeState state, JsonMapper json) {
        this.state = state;
        this.json = json;
    }

    void down(boolean down) {
        this.down = down;
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    List<FakeStripe.Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = StripeForm.parse(method.equals("GET")
                    ? Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "") : body);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            requests.add(new FakeStripe.Request(method, path, key, params));
            Answer answer = answer(method, path, key, params, exchange.getRequestHeaders().getFirst("Authorization"));
            pause();
            send(exchange, answer);
        }
    }

    private Answer answer(String method, String path, @Nullable String key, Map<String, String> params,
            @Nullable String authorization) {
        if (down) {
            return error(new StripeApiError(503, "api_error", null, null, "The fake Stripe is down."));
        }
        Matcher page = PAGE.matcher(path);
        if (method.equals("GET") && page.matches()) {
            return new Answer(200, "text/html; charset=utf-8", "<!doctype html><title>Fake Stripe Checkout</title>"
                    + "<h1>Fake Stripe Checkout</h1><p>" + page.group(1) + "</p>", false);
        }
        Matcher invoicePage = INVOICE_PAGE.matcher(path);
        if (method.equals("GET") && invoicePage.matches()) {
            return new Answer(200, "text/html; charset=utf-8", "<!doctype html><html lang=\"en\"><title>Fake Stripe invoice</title>"
                    + "<h1>Fake Stripe invoice</h1><p>" + invoicePage.group(1) + "</p></html>", false);
        }
        if (authorization == null || !authorization.startsWith("Bearer sk_")) {
            return error(new StripeApiError(401, "invalid_request_error", null, null, "Invalid API Key provided."));
        }
        if (key != null && method.equals("POST")) {
            return idempotent(key, method + " " + path, params);
        }
        return route(method, path, params);
    }

    private Answer idempotent(String key, String request, Map<String, String> params) {
        synchronized (replays) {
            Replay earlier = replays.get(key);
            if (earlier == null) {
                Answer answer = route("POST", request.substring("POST ".length()), params);
                replays.put(key, new Replay(request, params, answer));
                return answer;
            }
            if (!earlier.request().equals(request) || !earlier.params().equals(params)) {
                return error(new StripeApiError(400, "idempotency_error", null, null, "Keys for idempotent requests "
                        + "can only be used with the same parameters they were first used with."));
            }
            return new Answer(earlier.answer().status(), earlier.answer().contentType(), earlier.answer().body(), true);
        }
    }

    private Answer route(String method, String path, Map<String, String> params) {
        try {
            Matcher session = SESSION.matcher(path);
            Matcher expire = EXPIRE.matcher(path);
            if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
                return ok(state.createSession(params));
            }
            if (method.equals("GET") && session.matches()) {
                return ok(state.session(session.group(1)));
            }
            if (method.equals("POST") && expire.matches()) {
                return ok(state.expire(expire.group(1)));
            }
            if (method.equals("POST") && path.equals("/v1/refunds")) {
                return ok(state.refund(params));
            }
            if (method.equals("POST") && path.equals("/v1/customers")) {
                return ok(state.createCustomer(params));
            }
            if (method.equals("POST") && path.equals("/v1/invoices")) {
                return ok(state.createInvoice(params));
            }
            if (method.equals("POST") && path.equals("/v1/invoiceitems")) {
                return ok(state.createInvoiceItem(params));
            }
            Matcher invoice = INVOICE.matcher(path);
            Matcher finalize = FINALIZE.matcher(path);
            Matcher send = SEND.matcher(path);
            if (method.equals("GET") && invoice.matches()) {
                return ok(state.invoiceJson(invoice.group(1)));
            }
            if (method.equals("POST") && finalize.matches()) {
                return ok(state.finalizeInvoice(finalize.group(1)));
            }
            if (method.equals("POST") && send.matches()) {
                return ok(state.sendInvoice(send.group(1)));
            }
            Matcher intent = INTENT.matcher(path);
            Matcher cancelIntent = CANCEL_INTENT.matcher(path);
            Matcher reader = READER.matcher(path);
            Matcher process = PROCESS.matcher(path);
            Matcher cancelAction = CANCEL_ACTION.matcher(path);
            Matcher present = PRESENT.matcher(path);
            if (method.equals("POST") && path.equals("/v1/payment_intents")) {
                return ok(state.createIntent(params));
            }
            if (method.equals("GET") && intent.matches()) {
                return ok(state.retrieveIntent(intent.group(1)));
            }
            if (method.equals("POST") && cancelIntent.matches()) {
                return ok(state.cancelIntent(cancelIntent.group(1)));
            }
            if (method.equals("GET") && reader.matches()) {
                return ok(state.readerJson(reader.group(1)));
            }
            if (method.equals("POST") && process.matches()) {
                return ok(state.processPaymentIntent(process.group(1), params));
            }
            if (method.equals("POST") && cancelAction.matches()) {
                return ok(state.cancelAction(cancelAction.group(1)));
            }
            if (method.equals("POST") && present.matches()) {
                state.presentCard(present.group(1), params.getOrDefault("card_present[number]", "4242424242424242"));
                return ok(state.readerJson(present.group(1)));
            }
            throw new StripeApiError(404, "invalid_request_error", null, null,
                    "Unrecognized request URL (" + method + ": " + path + ").");
        } catch (StripeApiError refused) {
            return error(refused);
        }
    }

    private Answer ok(Map<String, Object> object) {
        return new Answer(200, "application/json", json.writeValueAsString(object), false);
    }

    private Answer error(StripeApiError error) {
        return new Answer(error.status, "application/json", json.writeValueAsString(error.body()), false);
    }

    /** A slow Stripe: the work is done, the answer comes late (or never reaches a client that gave up). */
    private void pause() {
        Duration wait = delay;
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.getResponseHeaders().set("Request-Id", "req_test_" + requestIds.incrementAndGet());
        if (answer.replayed()) {
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private record Answer(int status, String contentType, String body, boolean replayed) {
    }

    private record Replay(String request, Map<String, String> params, Answer answer) {
    }
}
