package org.socialworkshop.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.socialworkshop.pos.ClusterTablet;
import org.socialworkshop.support.FakeStripe;
import tools.jackson.databind.JsonNode;

/**
 * The steady load of the fault run, through nginx, as careful clients send it: buyers (cart, checkout with an
 * Idempotency-Key, demo payment; a request left unanswered or answered 502/503/504 or 409 "still running" is sent
 * again unchanged), counter tablets (a sale sent again exactly as before until stored), a coordinator recording
 * checked work (with an Idempotency-Key, sent again like a checkout), and a receipt checker reading acknowledged
 * receipts' public check. Every acknowledged
 * result is kept for the checks afterwards; every answer a careful client could not have expected is a wrong answer.
 */
final class Load {

    /** An acknowledged online order: its id and the buyer's access token. */
    record Order(String id, String token) {
    }

    /** An acknowledged counter sale: its receipt number, receipt code, order id. */
    record Sale(String number, String code, String orderId) {
    }

    private final String base;
    private final String run;
    private final String productId;
    private final String variantId;
    private final String makerId;
    private final String operationId;
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Set once the instances are started onto the fake Stripe: checkouts may then answer with its sessions. */
    volatile FakeStripe stripe;
    private volatile boolean buyersPaused;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();

    final Map<String, Order> orders = new ConcurrentHashMap<>();
    final Map<String, Sale> sales = new ConcurrentHashMap<>();
    final Set<String> workRecords = ConcurrentHashMap.newKeySet();
    final Set<String> registers = ConcurrentHashMap.newKeySet();
    final List<String> wrongAnswers = new CopyOnWriteArrayList<>();
    final AtomicLong resent = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong receiptChecks = new AtomicLong();
    /** When each purchase, sale and work record was acknowledged (System.nanoTime), for the longest gap per phase. */
    final ConcurrentLinkedQueue<long[]> acks = new ConcurrentLinkedQueue<>();

    static final int PURCHASE = 0;
    static final int SALE = 1;
    static final int WORK = 2;

    Load(String base, String run, String productId, String variantId, String makerId, String operationId) {
        this.base = base;
        this.run = run;
        this.productId = productId;
        this.variantId = variantId;
        this.makerId = makerId;
        this.operationId = operationId;
    }

    void start(int buyers, List<ClusterTablet> tablets, Http coordinator) {
        for (int i = 0; i < buyers; i++) {
            spawn("buyer-" + i, () -> purchase(new Http(base)), 100);
        }
        for (ClusterTablet tablet : tablets) {
            registers.add(tablet.register());
            spawn("tablet-" + tablet.register(), () -> sell(tablet), 300);
        }
        spawn("work", () -> recordWork(coordinator), 400);
        spawn("receipts", this::checkReceipt, 250);
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(120_000);
        }
    }

    private void spawn(String name, Step step, long pauseMillis) {
        Thread thread = new Thread(() -> {
            while (running.get()) {
                try {
                    step.run();
                } catch (IOException | RuntimeException unexpected) {
                    wrongAnswers.add(name + ": " + unexpected);
                }
                pause(pauseMillis);
            }
        }, name);
        thread.start();
        threads.add(thread);
    }

    private interface Step {
        void run() throws IOException;
    }

    private void purchase(Http buyer) throws IOException {
        inFlight.incrementAndGet();
        try {
            if (!buyersPaused) {
                purchaseOnce(buyer);
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * Holds new purchases back and waits for those under way to end: while the instances change their payment
     * provider one at a time, a demo session opened on one would not be known to the other (docs/adr/0032).
     */
    void pauseBuyers() throws InterruptedException {
        buyersPaused = true;
        long giveUp = System.nanoTime() + 150_000_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < giveUp) {
            Thread.sleep(100);
        }
    }

    void resumeBuyers() {
        buyersPaused = false;
    }

    private void purchaseOnce(Http buyer) throws IOException {
        String cartId;
        try {
            Http.Answer cart = buyer.send("POST", "/api/carts", null, null);
            if (cart.status() != 201) {
                return;
            }
            cartId = cart.json().path("id").asText();
            if (buyer.send("POST", "/api/carts/" + cartId + "/items",
                    Map.of("productId", productId, "variantId", variantId, "quantity", 1), null).status() != 200) {
                return;
            }
        } catch (IOException cutOffBeforeCheckout) {
            return; // the cart was not made or not filled: nothing was promised, the buyer starts again
        }
        {
            String key = UUID.randomUUID().toString();
            Map<String, Object> body = Map.of("cartId", cartId, "email", "faults-" + run + "-" + key.substring(0, 8) + "@example.org",
                    "name", "王芳", "fulfilment", Map.of("type", "PICKUP"));
            Http.Answer checkout = untilAnswered(() -> buyer.send("POST", "/api/checkout", body, key));
            if (checkout.status() == 429) {
                // All simulated buyers share one address (127.0.0.1, through nginx), and the shop holds at most 10
                // unpaid orders per address (workshop.ordering.limits): a refusal that stores nothing, not a wrong answer.
                refused.incrementAndGet();
                return;
            }
            if (checkout.status() != 201) {
                wrongAnswers.add("checkout " + key + " answered " + checkout.status() + " " + checkout.body());
                return;
            }
            JsonNode placed = checkout.json();
            String redirect = placed.path("payment").path("redirectUrl").asText();
            if ("stripe".equals(placed.path("payment").path("provider").asText())) {
                if (!paidAtStripe(redirect.substring(redirect.lastIndexOf("/pay/") + 5))) {
                    return;
                }
            } else {
                String session = redirect.replaceFirst(".*[?&]session=([^&]+).*", "$1");
                Http.Answer paid = untilAnswered(() -> buyer.send("POST", "/api/payments/demo/" + session + "/complete", null, null));
                if (paid.status() != 200) {
                    wrongAnswers.add("payment of " + placed.path("orderId").asText() + " answered " + paid.status() + " " + paid.body());
                    return;
                }
            }
            String orderId = placed.path("orderId").asText();
            orders.put(orderId, new Order(orderId, placed.path("accessToken").asText()));
            acks.add(new long[] {System.nanoTime(), PURCHASE});
        }
    }

    /**
     * The buyer pays on Stripe's page (the fake's test control), and Stripe sends its signed event to the shop
     * through nginx, again and again until answered 2xx, as Stripe retries. True once the shop took the event.
     */
    private boolean paidAtStripe(String session) throws IOException {
        FakeStripe fake = stripe;
        if (fake == null) {
            wrongAnswers.add("checkout answered with a Stripe session but no fake Stripe runs");
            return false;
        }
        fake.pay(session);
        String event = fake.event("checkout.session.completed", session);
        long giveUp = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < giveUp) {
            try {
                int status = FakeStripe.deliver(URI.create(base + "/api/webhooks/stripe"), event).statusCode();
                if (status >= 200 && status < 300) {
                    return true;
                }
                if (status < 500) {
                    wrongAnswers.add("Stripe's event for " + session + " answered " + status);
                    return false;
                }
            } catch (java.io.UncheckedIOException noAnswer) {
                // Stripe tries again
            }
            resent.incrementAndGet();
            pause(500);
        }
        wrongAnswers.add("Stripe's event for " + session + " not taken for 120 s");
        return false;
    }

    private void sell(ClusterTablet tablet) {
        ClusterTablet.Sale sale = tablet.prepare();
        long giveUp = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < giveUp) {
            try {
                ClusterTablet.Answer answer = tablet.send(sale);
                if (answer.status() == 201 || answer.status() == 200) {
                    tablet.stored(answer);
                    JsonNode stored = Http.JSON.readTree(answer.body());
                    sales.put(sale.number(), new Sale(sale.number(), stored.path("receipt").path("code").asText(),
                            stored.path("orderId").asText()));
                    acks.add(new long[] {System.nanoTime(), SALE});
                    return;
                }
                if (!retryable(answer.status(), null)) {
                    wrongAnswers.add("sale " + sale.number() + " answered " + answer.status() + " " + answer.body());
                    pause(5_000);
                    return;
                }
            } catch (RuntimeException noAnswer) {
                // cut off or refused: the tablet's queue sends it again
            }
            resent.incrementAndGet();
            pause(200);
        }
        wrongAnswers.add("sale " + sale.number() + " unanswered for 120 s");
    }

    private void recordWork(Http coordinator) throws IOException {
        String marker = "faults " + run + " " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("makerId", makerId, "operationId", operationId,
                "workDate", LocalDate.now().minusDays(1).toString(), "pieces", 2, "note", marker,
                "check", Map.of("accepted", 2, "rejected", 0));
        Http.Answer answer = untilAnswered(() -> coordinator.send("POST", "/api/admin/piecework/work", body, key));
        if (answer.status() == 201) {
            workRecords.add(marker);
            acks.add(new long[] {System.nanoTime(), WORK});
        } else {
            wrongAnswers.add("work record answered " + answer.status() + " " + answer.body());
        }
    }

    /** A random acknowledged order's receipt, or a counter sale's, checked as anyone scanning its QR code would. */
    private void checkReceipt() throws IOException {
        String code = null;
        Http reader = new Http(base);
        List<Order> known = new ArrayList<>(orders.values());
        if (ThreadLocalRandom.current().nextBoolean() && !known.isEmpty()) {
            Order order = known.get(ThreadLocalRandom.current().nextInt(known.size()));
            Http.Answer read = reader.get("/api/orders/" + order.id() + "?token=" + order.token());
            if (read.status() != 200) {
                if (!retryable(read.status(), null)) {
                    wrongAnswers.add("order " + order.id() + " read answered " + read.status());
                }
                return;
            }
            JsonNode receipts = read.json().path("receipts");
            if (receipts.isEmpty()) {
                return; // paid a moment ago: the receipt comes through the outbox
            }
            code = receipts.get(0).path("code").asText();
        } else {
            List<Sale> sold = new ArrayList<>(sales.values());
            if (sold.isEmpty()) {
                return;
            }
            code = sold.get(ThreadLocalRandom.current().nextInt(sold.size())).code();
        }
        Http.Answer check;
        try {
            check = reader.get("/api/receipts/" + code);
        } catch (IOException noAnswer) {
            return;
        }
        if (retryable(check.status(), null)) {
            return;
        }
        JsonNode verification = check.status() == 200 ? check.json().path("verification") : null;
        if (verification == null || !"GENUINE".equals(verification.path("status").asText())) {
            wrongAnswers.add("receipt " + code + " answered " + check.status() + " " + check.body());
        }
        receiptChecks.incrementAndGet();
    }

    private static boolean retryable(int status, String retryAfter) {
        return status == 502 || status == 503 || status == 504 || status == 409 && retryAfter != null;
    }

    private interface Request {
        Http.Answer send() throws IOException;
    }

    /** Sends again while unanswered, 502/503/504 or 409 with Retry-After, for up to two minutes. */
    private Http.Answer untilAnswered(Request request) throws IOException {
        long giveUp = System.nanoTime() + 120_000_000_000L;
        while (true) {
            try {
                Http.Answer answer = request.send();
                if (!retryable(answer.status(), answer.retryAfter()) || System.nanoTime() > giveUp) {
                    return answer;
                }
            } catch (IOException noAnswer) {
                if (System.nanoTime() > giveUp) {
                    throw noAnswer;
                }
            }
            resent.incrementAndGet();
            pause(200);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }
}
