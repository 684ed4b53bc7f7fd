package org.socialworkshop.platform.database;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.ChildApp;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.SignIn;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.ExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Purchases keep coming while the application (a child JVM) is killed with SIGKILL and started again, and then while
 * its PostgreSQL is killed with SIGKILL (the application starts it again). Afterwards every purchase the shop
 * acknowledged (checkout answered, payment completion answered) is there exactly once, paid, with one sale receipt;
 * the receipt chain verifies, stock equals its journal, and every ledger entry balances (issue 11).
 */
class CrashUnderLoadTest {

    private static final String ADMIN = "owner@workshop.example";
    private static final String PASSWORD = "an-owner-password";
    private static final String STORE_ROOM = "ONLINE_STORE_ROOM";
    private static final long STOCK = 100_000;

    @TempDir
    Path data;

    @Test
    void killingTheAppAndThenItsDatabaseWhilePeopleBuyLosesAndDoublesNothing() throws Exception {
        int port = freePort();
        ChildApp app = ChildApp.start(data.resolve("postgres"), port, ADMIN, PASSWORD).awaitReady();
        try {
            WebTestClient client = app.client();
            WebTestClient staff = SignIn.as(client, ADMIN, PASSWORD);
            Map<String, Object> product = CatalogFixtures.create(staff, CatalogFixtures.product("压力茶杯", "Crash-test cup", true));
            String productId = (String) product.get("id");
            String variantId = CatalogFixtures.firstVariantId(product);
            CatalogFixtures.receive(staff, variantId, STORE_ROOM, STOCK);

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            List<String> wrongAnswers = new CopyOnWriteArrayList<>();
            AtomicBoolean buying = new AtomicBoolean(true);
            ExecutorService buyers = Executors.newFixedThreadPool(4);
            for (int buyer = 0; buyer < 4; buyer++) {
                buyers.submit(() -> {
                    while (buying.get()) {
                        purchase(client, productId, variantId, acknowledged, wrongAnswers);
                    }
                });
            }

            Thread.sleep(4_000);
            int beforeAppCrash = acknowledged.size();
            app.kill();
            app = ChildApp.start(data.resolve("postgres"), port, ADMIN, PASSWORD).awaitReady();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() > beforeAppCrash + 5);

            int beforeDatabaseCrash = acknowledged.size();
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() > beforeDatabaseCrash + 5);
            buying.set(false);
            buyers.shutdown();
            assertThat(buyers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            assertThat(acknowledged).as("purchases acknowledged across both crashes").hasSizeGreaterThan(20);
            assertThat(wrongAnswers).as("retries answered otherwise than the first attempt would have been").isEmpty();
            try (Connection db = DriverManager.getConnection(jdbcUrl())) {
                Awaitility.await("every acknowledged purchase paid with its receipt").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> count(db, "SELECT count(*) FROM orders o WHERE o.id = ANY (?::uuid[]) AND o.status = 'PAID' "
                                + "AND EXISTS (SELECT 1 FROM receipts r WHERE r.order_id = o.id AND r.kind = 'SALE')", acknowledged)
                                == acknowledged.size());

                assertThat(count(db, "SELECT count(*) FROM orders WHERE id = ANY (?::uuid[])", acknowledged)).isEqualTo(acknowledged.size());
                assertThat(rows(db, "SELECT order_id::text FROM receipts WHERE kind = 'SALE' GROUP BY order_id HAVING count(*) > 1"))
                        .as("orders with more than one sale receipt").isEmpty();
                assertThat(rows(db, "SELECT order_id::text FROM payments WHERE status = 'SUCCEEDED' GROUP BY order_id HAVING count(*) > 1"))
                        .as("orders paid twice").isEmpty();
                assertThat(rows(db, "SELECT id::text FROM orders WHERE status = 'PAID' AND NOT EXISTS "
                        + "(SELECT 1 FROM receipts r WHERE r.order_id = orders.id AND r.kind = 'SALE')")).as("paid orders without receipt").isEmpty();
                assertThat(rows(db, """
                        SELECT l.variant_id || ' ' || l.location FROM stock_levels l
                        LEFT JOIN (SELECT variant_id, location, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved
                                   FROM stock_movements GROUP BY variant_id, location) j USING (variant_id, location)
                        WHERE l.on_hand IS DISTINCT FROM j.on_hand OR l.reserved IS DISTINCT FROM j.reserved""")).as("stock unlike its journal").isEmpty();
                Awaitility.await("the outbox delivered everything").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> count(db, "SELECT count(*) FROM outbox WHERE status = 'PENDING'", Set.of()) == 0);
                long paid = count(db, "SELECT count(*) FROM orders WHERE status = 'PAID'", Set.of());
                assertThat(count(db, "SELECT on_hand FROM stock_levels WHERE variant_id = '" + variantId + "'::uuid AND location = '"
                        + STORE_ROOM + "'", Set.of())).as("units left after every paid order").isEqualTo(STOCK - paid);
                assertThat(rows(db, "SELECT entry_id::text FROM ledger_postings GROUP BY entry_id HAVING sum(amount) <> 0"))
                        .as("ledger entries that do not balance").isEmpty();
            }
            SignIn.as(client, ADMIN, PASSWORD).get().uri("/api/admin/receipts/registers/ONLINE/check").exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(true);
            // Both crashes happened as meant: the restarted app found the killed one's PostgreSQL, and the app saw its
            // own PostgreSQL die and started it again.
            assertThat(app.log())
                    .contains("by an instance that did not shut down")
                    .contains("The embedded PostgreSQL is not running (killed or crashed); starting it again");
        } finally {
            app.stop();
        }
    }

    /**
     * One whole purchase, as a careful client makes it: a checkout or payment completion whose answer did not arrive
     * (cut off, 503, still running) is sent again, the checkout with the same {@code Idempotency-Key}, until it is
     * answered. Remembered when the shop acknowledged both; any other answer to a retry is a wrong answer, since
     * the first attempt may have succeeded. A cart that could not be made or filled starts the purchase over.
     */
    @SuppressWarnings("unchecked")
    private static void purchase(WebTestClient client, String productId, String variantId, Set<String> acknowledged,
            List<String> wrongAnswers) {
        String cartId;
        try {
            var cart = client.post().uri("/api/carts").exchange().expectBody(Map.class).returnResult();
            if (cart.getStatus().value() != 201) {
                pause();
                return;
            }
            cartId = (String) cart.getResponseBody().get("id");
            if (client.post().uri("/api/carts/{id}/items", cartId)
                    .bodyValue(Map.of("productId", productId, "variantId", variantId, "quantity", 1))
                    .exchange().expectBody().returnResult().getStatus().value() != 200) {
                pause();
                return;
            }
        } catch (RuntimeException cutOff) {
            pause();
            return;
        }
        Map<String, Object> body = Shop.pickup(cartId);
        String key = UUID.randomUUID().toString();
        var checkout = untilAnswered(() -> client.post().uri("/api/checkout").header("Idempotency-Key", key).bodyValue(body)
                .exchange().expectBody(Map.class).returnResult());
        if (checkout.getStatus().value() != 201) {
            wrongAnswers.add("checkout " + key + ": " + checkout.getStatus() + " " + checkout.getResponseBody());
            return;
        }
        Shop.Placed placed = Shop.placed(checkout.getResponseBody());
        var completion = untilAnswered(() -> client.post().uri("/api/payments/demo/{session}/complete", placed.demoSession())
                .exchange().expectBody(String.class).returnResult());
        if (completion.getStatus().value() != 200) {
            wrongAnswers.add("completion of " + placed.orderId() + ": " + completion.getStatus() + " " + completion.getResponseBody());
            return;
        }
        acknowledged.add(placed.orderId());
    }

    /** Sends the request again while it is cut off or answered 503 or 409 "still running", for up to a minute. */
    private static <T extends ExchangeResult> T untilAnswered(Supplier<T> send) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                T result = send.get();
                int status = result.getStatus().value();
                boolean stillRunning = status == 409 && result.getResponseHeaders().containsHeader(HttpHeaders.RETRY_AFTER);
                if ((status != 503 && !stillRunning) || System.nanoTime() > giveUp) {
                    return result;
                }
            } catch (RuntimeException cutOff) {
                if (System.nanoTime() > giveUp) {
                    throw cutOff;
                }
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private String jdbcUrl() throws Exception {
        String port = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(3).trim();
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    private static long count(Connection db, String sql, Set<String> ids) throws Exception {
        try (var statement = db.prepareStatement(sql)) {
            if (sql.contains("?")) {
                statement.setArray(1, db.createArrayOf("text", ids.toArray()));
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static List<String> rows(Connection db, String sql) throws Exception {
        List<String> found = new ArrayList<>();
        try (var statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                found.add(result.getString(1));
            }
        }
        return found;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
