package org.socialworkshop.platform.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the outbox of a running app with real events and prints what it measured. Not a test (no {@code Test}
 * suffix); see docs/performance.md ("outbox") for the commands. Modes (first argument):
 * <ul>
 * <li>{@code backlog}: {@code -Dpurchases} demo purchases (cart, two items, checkout, demo payment completed) against
 * an app started with {@code workshop.outbox.workers=0}, so their deliveries wait; prints the first outbox id.</li>
 * <li>{@code drain}: waits until nothing is due, at most {@code -Dseconds}, then prints deliveries per second of the
 * rows from {@code -DfirstId} on, by handler, between the first and the last one handled.</li>
 * <li>{@code wake}: {@code -Dsamples} single low-stock events committed one by one into an idle outbox; prints
 * commit → handled_at.</li>
 * <li>{@code live}: purchases at {@code -Drate} a second for {@code -Dseconds}; prints payment acknowledged (the demo
 * completion answered) → the sale receipt's delivery done, the last of the order's outbox hops.</li>
 * </ul>
 * The database is the app's embedded PostgreSQL, found from {@code -DdataDir} (the app's {@code DATA_DIR}).
 */
public final class OutboxBenchmark {

    private static final String BASE = System.getProperty("baseUrl", "http://localhost:18130");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private OutboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "drain" : args[0];
        try (Connection db = database()) {
            switch (mode) {
                case "backlog" -> backlog(db, Integer.getInteger("purchases", 5_000));
                case "drain" -> drain(db, Long.getLong("firstId", 1), Integer.getInteger("seconds", 600));
                case "wake" -> wake(db, Integer.getInteger("samples", 50));
                case "live" -> live(db, Integer.getInteger("rate", 40), Integer.getInteger("seconds", 60));
                default -> throw new IllegalArgumentException("mode: backlog, drain, wake or live");
            }
        }
        System.exit(0);
    }

    private static Connection database() throws Exception {
        String url = System.getProperty("dbUrl");
        if (url == null) {
            List<String> pid = Files.readAllLines(Path.of(System.getProperty("dataDir", "/tmp/outbox-data/postgres"), "postmaster.pid"));
            url = "jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres";
        }
        Connection connection = DriverManager.getConnection(url, "postgres", "");
        connection.setAutoCommit(true);
        return connection;
    }

    // ---- backlog

    private static void backlog(Connection db, int purchases) throws Exception {
        long firstId = single(db, "SELECT coalesce(max(id), 0) + 1 FROM outbox");
        List<String[]> items = sellable();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Instant start = Instant.now();
        for (int i = 0; i < purchases; i++) {
            pool.execute(() -> {
                try {
                    purchase(items);
                    int n = done.incrementAndGet();
                    if (n % 500 == 0) {
                        System.out.printf("%d purchases%n", n);
                    }
                } catch (Exception e) {
                    if (failed.incrementAndGet() <= 5) {
                        System.out.println("purchase failed: " + e.getMessage());
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        System.out.printf("%d purchases (%d failed) in %d s; outbox rows from id %d: %s%n", done.get(), failed.get(),
                Duration.between(start, Instant.now()).toSeconds(), firstId, byHandler(db, firstId, "status = 'PENDING'"));
        System.out.println("firstId=" + firstId);
    }

    /** One guest purchase; returns the order id and when the payment was acknowledged. */
    private static Map.Entry<String, Instant> purchase(List<String[]> items) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String[] first = items.get(random.nextInt(items.size()));
        String[] second = items.get(random.nextInt(items.size()));
        String cart = call("POST", "/api/carts", "", 201).path("id").asString();
        for (String[] item : List.of(first, second)) {
            call("POST", "/api/carts/" + cart + "/items",
                    "{\"productId\":\"" + item[0] + "\",\"variantId\":\"" + item[1] + "\",\"quantity\":1}", 200);
        }
        JsonNode options = call("GET", "/api/checkout/options?cartId=" + cart, null, 200);
        String slot = options.path("pickup").path("slotRequired").asBoolean()
                ? ",\"slot\":\"" + options.path("pickup").path("slots").path(0).asString() + "\"" : "";
        JsonNode checkout = call("POST", "/api/checkout", "{\"cartId\":\"" + cart + "\",\"email\":\"outbox-bench-" + cart + "@example.org\","
                + "\"name\":\"Outbox Bench\",\"fulfilment\":{\"type\":\"PICKUP\"" + slot + "}}", 201);
        String redirect = checkout.path("payment").path("redirectUrl").asString();
        String session = redirect.substring(redirect.indexOf("session=") + "session=".length());
        call("POST", "/api/payments/demo/" + session + "/complete", "", 200);
        return Map.entry(checkout.path("orderId").asString(), Instant.now());
    }

    /** Made-to-order variants sold online and tracked ones with plenty of stock: checkout, not out-of-stock answers. */
    private static List<String[]> sellable() throws Exception {
        List<String[]> items = new ArrayList<>();
        for (JsonNode product : call("GET", "/api/products?channel=ONLINE&size=100", null, 200).path("items")) {
            String id = product.path("id").asString();
            for (JsonNode variant : call("GET", "/api/products/" + id + "?channel=ONLINE", null, 200).path("variants")) {
                JsonNode available = variant.path("available");
                if (available.isNull() || available.asInt() >= 100_000) {
                    items.add(new String[] {id, variant.path("id").asString()});
                }
            }
        }
        if (items.isEmpty()) {
            throw new IllegalStateException("nothing made to order at " + BASE);
        }
        return items;
    }

    private static JsonNode call(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString());
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    // ---- drain

    private static void drain(Connection db, long firstId, int seconds) throws Exception {
        Instant until = Instant.now().plusSeconds(seconds);
        int idle = 0;
        while (idle < 3 && Instant.now().isBefore(until)) {
            long due = single(db, "SELECT count(*) FROM outbox WHERE status = 'PENDING' AND available_at <= now() AND id >= " + firstId);
            idle = due == 0 ? idle + 1 : 0;
            Thread.sleep(500);
        }
        try (PreparedStatement query = db.prepareStatement("""
                SELECT count(*), min(handled_at), max(handled_at),
                       count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER (WHERE status = 'PARKED')
                FROM outbox WHERE id >= ?""")) {
            query.setLong(1, firstId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                Timestamp first = row.getTimestamp(2);
                Timestamp last = row.getTimestamp(3);
                long handled = single(db, "SELECT count(*) FROM outbox WHERE status = 'DONE' AND id >= " + firstId);
                double span = first == null ? 0 : (last.getTime() - first.getTime()) / 1000.0;
                System.out.printf("rows %d, handled %d, pending %d, parked %d; handled between %s and %s (%.1f s): %.0f deliveries/s%n",
                        row.getLong(1), handled, row.getLong(4), row.getLong(5), first, last, span, span == 0 ? 0 : handled / span);
            }
        }
        System.out.println("by handler: " + byHandler(db, firstId, "status = 'DONE'"));
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    // ---- wake

    private static void wake(Connection db, int samples) throws Exception {
        String variant;
        String location;
        try (ResultSet row = db.createStatement().executeQuery(
                "SELECT variant_id, location FROM stock_levels ORDER BY variant_id LIMIT 1")) {
            row.next();
            variant = row.getString(1);
            location = row.getString(2);
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            Thread.sleep(200);
            long id;
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO outbox (event_type, handler, payload) VALUES ('StockRunningLow', 'inventory.low-stock-alert',
                    jsonb_build_object('variantId', ?::uuid, 'location', ?, 'available', 1, 'threshold', 2)) RETURNING id""")) {
                insert.setString(1, variant);
                insert.setString(2, location);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            Instant committed = Instant.now();
            Timestamp handled = null;
            while (handled == null) {
                try (ResultSet row = db.createStatement().executeQuery("SELECT handled_at FROM outbox WHERE id = " + id)) {
                    row.next();
                    handled = row.getTimestamp(1);
                }
                if (handled == null) {
                    if (Duration.between(committed, Instant.now()).toSeconds() > 30) {
                        throw new IllegalStateException("delivery " + id + " not handled within 30 s");
                    }
                    Thread.sleep(1);
                }
            }
            millis.add(Duration.between(committed, handled.toInstant()).toMillis());
        }
        System.out.println("commit -> handled_at (ms): " + summary(millis));
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    // ---- live

    private static void live(Connection db, int rate, int seconds) throws Exception {
        long firstId = single(db, "SELECT coalesce(max(id), 0) + 1 FROM outbox");
        List<String[]> items = sellable();
        Map<String, Instant> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long every = 1_000_000L / rate;
        AtomicInteger started = new AtomicInteger();
        clock.scheduleAtFixedRate(() -> {
            if (started.incrementAndGet() <= rate * seconds) {
                pool.execute(() -> {
                    try {
                        Map.Entry<String, Instant> paid = purchase(items);
                        acknowledged.put(paid.getKey(), paid.getValue());
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 5) {
                            System.out.println("purchase failed: " + e.getMessage());
                        }
                    }
                });
            }
        }, 0, every, TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L);
        clock.shutdown();
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        Thread.sleep(5_000);
        List<Long> millis = new ArrayList<>();
        int missing = 0;
        try (PreparedStatement query = db.prepareStatement("""
                SELECT payload->>'orderId', handled_at FROM outbox
                WHERE id >= ? AND handler = 'receipts.sale' AND status = 'DONE'""")) {
            query.setLong(1, firstId);
            Map<String, Instant> receipted = new ConcurrentHashMap<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    receipted.put(row.getString(1), row.getTimestamp(2).toInstant());
                }
            }
            for (Map.Entry<String, Instant> order : acknowledged.entrySet()) {
                Instant done = receipted.get(order.getKey());
                if (done == null) {
                    missing++;
                } else {
                    millis.add(Duration.between(order.getValue(), done).toMillis());
                }
            }
        }
        System.out.printf("%d purchases acknowledged, %d failed, %d without a sale receipt 5 s after the last%n",
                acknowledged.size(), failed.get(), missing);
        System.out.println("payment acknowledged -> sale receipt delivered (ms): " + summary(millis));
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    // ---- helpers

    private static long single(Connection db, String sql) throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Map<String, Long> byHandler(Connection db, long firstId, String condition) throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (ResultSet row = db.createStatement().executeQuery(
                "SELECT handler, count(*) FROM outbox WHERE id >= " + firstId + " AND " + condition + " GROUP BY handler")) {
            while (row.next()) {
                counts.put(row.getString(1), row.getLong(2));
            }
        }
        return counts;
    }

    private static String summary(List<Long> millis) {
        if (millis.isEmpty()) {
            return "no samples";
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return "n=%d p50=%d p90=%d p99=%d max=%d".formatted(sorted.size(), percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
