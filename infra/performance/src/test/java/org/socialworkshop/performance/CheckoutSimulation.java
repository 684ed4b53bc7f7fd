package org.socialworkshop.performance;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * "checkout": a guest buys online with the demo payment provider. Per virtual user: create a cart, add two
 * items, read the checkout options, check out for pickup (with a pickup time when the cart needs one, and an
 * Idempotency-Key), open the demo payment, complete it, then read the order every 500 ms until it is PAID.
 * An order still unpaid after {@value #MAX_POLLS} reads is one failed request ("… paid after polling").
 *
 * <p>The items are chosen once, before the load starts, from the shop's own product list: made-to-order items
 * (no stock to run out) and stock-tracked ones with at least -DminStock units (500) to sell, so the run
 * measures checkout rather than running the store room dry. Needs the app in demo payment mode
 * (STRIPE_SECRET_KEY unset).
 */
public class CheckoutSimulation extends BaseSimulation {

    private static final int MIN_STOCK = Integer.getInteger("minStock", 500);
    static final int MAX_POLLS = 10;
    private static final Duration POLL_EVERY = Duration.ofMillis(500);
    private static final String PAID = "PAID";

    /** Chosen in {@link #before()}, after the target has passed the loopback check; read by the feeder. */
    private volatile List<Catalog.Item> items = List.of();

    {
        run(scenario("checkout")
                .feed(twoItems())
                .exec(http("POST /api/carts")
                        .post("/api/carts")
                        .check(status().is(201))
                        .check(jsonPath("$.id").saveAs("cartId")))
                .exec(addItem("first"), addItem("second"))
                .exec(http("GET /api/checkout/options")
                        .get("/api/checkout/options")
                        .queryParam("cartId", "#{cartId}")
                        .check(status().is(200))
                        .check(jsonPath("$.pickup.slotRequired").ofBoolean().saveAs("slotRequired"))
                        .check(jsonPath("$.pickup.slots[0]").optional().saveAs("slot")))
                .exec(http("POST /api/checkout")
                        .post("/api/checkout")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody(CheckoutSimulation::checkoutJson))
                        .asJson()
                        .check(status().is(201))
                        .check(jsonPath("$.orderId").saveAs("orderId"))
                        .check(jsonPath("$.accessToken").saveAs("accessToken"))
                        .check(jsonPath("$.payment.redirectUrl").transform(CheckoutSimulation::sessionOf).saveAs("session")))
                .exec(http("GET /api/payments/demo/{session}")
                        .get("/api/payments/demo/#{session}")
                        .check(status().is(200)))
                .exec(http("POST /api/payments/demo/{session}/complete")
                        .post("/api/payments/demo/#{session}/complete")
                        .check(status().is(200)))
                .exec(untilPaid()));
    }

    private ChainBuilder addItem(String which) {
        return exec(http("POST /api/carts/{id}/items")
                .post("/api/carts/#{cartId}/items")
                .body(StringBody("{\"productId\":\"#{" + which + "Product}\",\"variantId\":\"#{" + which + "Variant}\",\"quantity\":1}"))
                .asJson()
                .check(status().is(200)));
    }

    /** Payment is recorded through the outbox, a moment after the demo payment completes. */
    private static ChainBuilder untilPaid() {
        return exec(session -> session.set("orderStatus", "").set("polls", 0))
                .asLongAs(session -> !PAID.equals(session.getString("orderStatus")) && session.getInt("polls") < MAX_POLLS)
                .on(pause(POLL_EVERY)
                        .exec(http("GET /api/orders/{id} (until paid)")
                                .get("/api/orders/#{orderId}")
                                .queryParam("token", "#{accessToken}")
                                .check(status().is(200))
                                .check(jsonPath("$.status").saveAs("orderStatus")))
                        .exec(session -> session.set("polls", session.getInt("polls") + 1)))
                // Never paid: one more read that must say PAID, so the run counts the order as a failure.
                .doIf(session -> !PAID.equals(session.getString("orderStatus")))
                .then(http("GET /api/orders/{id} (paid after polling)")
                        .get("/api/orders/#{orderId}")
                        .queryParam("token", "#{accessToken}")
                        .check(jsonPath("$.status").is(PAID)));
    }

    @Override
    public void before() {
        items = Catalog.sellable(BASE_URL, MIN_STOCK);
        if (items.isEmpty()) {
            throw new IllegalStateException("No product to buy at " + BASE_URL + ": nothing made to order and nothing with "
                    + MIN_STOCK + "+ in stock online (lower -DminStock, or receive stock)");
        }
        System.out.println("checkout: buying from " + items.size() + " variants: " + items);
    }

    /** Two different items per user where the catalog offers two, in random pairs. */
    private Iterator<Map<String, Object>> twoItems() {
        return Stream.generate(() -> {
            List<Catalog.Item> items = this.items;
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Catalog.Item first = items.get(random.nextInt(items.size()));
            Catalog.Item second = items.get(random.nextInt(items.size()));
            for (int tries = 0; second.equals(first) && items.size() > 1 && tries < 10; tries++) {
                second = items.get(random.nextInt(items.size()));
            }
            return Map.<String, Object>of("firstProduct", first.productId(), "firstVariant", first.variantId(),
                    "secondProduct", second.productId(), "secondVariant", second.variantId());
        }).iterator();
    }

    private static String checkoutJson(Session session) {
        boolean needsSlot = session.getBoolean("slotRequired");
        String slot = needsSlot && session.contains("slot") ? ",\"slot\":\"" + session.getString("slot") + "\"" : "";
        return "{\"cartId\":\"" + session.getString("cartId") + "\","
                + "\"email\":\"load-" + session.userId() + "@example.org\","
                + "\"name\":\"Load Test\","
                + "\"fulfilment\":{\"type\":\"PICKUP\"" + slot + "}}";
    }

    /** The demo session id from the payment redirect, e.g. /shop/demo-payment.html?session=abc → abc. */
    static String sessionOf(String redirectUrl) {
        int query = redirectUrl.indexOf('?');
        if (query >= 0) {
            for (String pair : redirectUrl.substring(query + 1).split("&")) {
                if (pair.startsWith("session=")) {
                    return URLDecoder.decode(pair.substring("session=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalStateException("No demo payment session in " + redirectUrl
                + " (is the app in demo payment mode, STRIPE_SECRET_KEY unset?)");
    }
}
