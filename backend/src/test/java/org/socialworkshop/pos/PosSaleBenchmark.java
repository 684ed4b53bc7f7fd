package org.socialworkshop.pos;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.socialworkshop.receipts.CanonicalDocuments;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.shared.SignatureText;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives counter sales against a running app as its tablets do, and prints sales a second and their latency. Not a
 * test (no {@code Test} suffix); see docs/performance.md ("POS sale"). It opens {@code -Dregisters} registers, pairs a
 * tablet (an Ed25519 key of its own) to each, signs the demo cashier in with the demo PIN and opens a shift; then each
 * tablet sells for {@code -Dseconds}, one sale after the other (each receipt continues the one before): three canteen
 * meals, each with a spice option, paid in cash, the receipt numbered, chained and signed by the tablet.
 */
public final class PosSaleBenchmark {

    private static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:18140");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SignedDocuments DOCUMENTS = CanonicalDocuments.withoutKeys();

    private PosSaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int registers = Integer.getInteger("registers", 8);
        int seconds = Integer.getInteger("seconds", 20);
        Client coordinator = new Client();
        coordinator.send("POST", "/api/auth/login", Map.of("email", "coordinator@example.org", "password", "workshop-coordinator"));
        List<Map<String, Object>> cashiers = coordinator.json("GET", "/api/admin/staff/cashiers", null, new TypeReference<>() {
        });
        Object cashier = cashiers.stream().filter(one -> "cashier@example.org".equals(one.get("email"))).findFirst().orElseThrow().get("id");
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<Thread> tablets = new ArrayList<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        List<Tablet> ready = new ArrayList<>();
        for (int index = 0; index < registers; index++) {
            ready.add(new Tablet(coordinator, "BENCH-" + run + "-" + index, cashier));
        }
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        for (Tablet tablet : ready) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long began = System.nanoTime();
                    if (tablet.sell()) {
                        latencies.add(System.nanoTime() - began);
                    } else {
                        failures.incrementAndGet();
                    }
                }
            });
            thread.start();
            tablets.add(thread);
        }
        for (Thread thread : tablets) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("registers=%d seconds=%.1f sales=%d failures=%d sales/s=%.1f p50=%.1fms p99=%.1fms%n", registers, elapsed,
                sorted.size(), failures.get(), sorted.size() / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(List<Long> sorted, double at) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * at))) / 1e6;
    }

    /** A paired tablet with the cashier signed in and a shift open. */
    private static final class Tablet {

        private final Client client = new Client();
        private final PairedTablet keys = new PairedTablet();
        private final String register;
        private final Map<String, Object> catalog;
        private final List<String[]> meals = new ArrayList<>();
        private Map<String, Object> series;

        @SuppressWarnings("unchecked")
        Tablet(Client coordinator, String register, Object cashier) throws Exception {
            this.register = register;
            coordinator.send("POST", "/api/admin/pos/registers", Map.of("id", register, "kind", "CANTEEN", "nameZh", "压测 " + register,
                    "nameEn", "Bench " + register));
            Map<String, Object> code = coordinator.json("POST", "/api/admin/pos/registers/" + register + "/pairing-codes", null,
                    new TypeReference<>() {
                    });
            client.send("POST", "/api/pos/pairing", Map.of("code", code.get("code"), "publicKey", SignatureText.of(keys.publicKey),
                    "proof", SignatureText.of(keys.sign("pair:" + code.get("code"))), "credential", keys.credential, "label", "bench"));
            client.send("POST", "/api/pos/sign-in", Map.of("userId", cashier, "pin", "2580"));
            client.send("POST", "/api/pos/shift", Map.of("openingFloat", TabletSale.money(100000)));
            catalog = client.json("GET", "/api/pos/catalog", null, new TypeReference<>() {
            });
            for (Map<String, Object> product : (List<Map<String, Object>>) catalog.get("products")) {
                List<Map<String, Object>> groups = (List<Map<String, Object>>) product.get("modifierGroups");
                if ("CANTEEN_MEAL".equals(product.get("category")) && groups.size() == 1 && (int) groups.get(0).get("minChoices") == 0) {
                    Map<String, Object> variant = ((List<Map<String, Object>>) product.get("variants")).get(0);
                    Map<String, Object> option = ((List<Map<String, Object>>) groups.get(0).get("options")).get(1);
                    meals.add(new String[] {(String) variant.get("id"), (String) option.get("id")});
                }
            }
            if (meals.size() < 3) {
                throw new IllegalStateException("The demo catalog has fewer than three canteen meals with an optional choice");
            }
            series = (Map<String, Object>) client.json("GET", "/api/pos/device", null, new TypeReference<Map<String, Object>>() {
            }).get("series");
        }

        @SuppressWarnings("unchecked")
        boolean sell() {
            TabletSale sale = new TabletSale(catalog);
            for (int line = 0; line < 3; line++) {
                String[] meal = meals.get(line);
                sale.add(meal[0], 1, List.of(meal[1]), 0, null, null);
            }
            try {
                Map<String, Object> sold = client.json("POST", "/api/pos/sales", sale.body(keys, DOCUMENTS, register, series, sale.total()),
                        new TypeReference<>() {
                        });
                series = (Map<String, Object>) sold.get("series");
                return true;
            } catch (Exception failed) {
                System.err.println(register + ": " + failed.getMessage());
                return false;
            }
        }
    }

    /** A browser's worth of cookies (session, device, CSRF), sending the CSRF token on unsafe requests. */
    private static final class Client {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();

        Client() throws Exception {
            send("GET", "/api/auth/csrf", null);
        }

        String send(String method, String path, Object body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " → " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        }

        <T> T json(String method, String path, Object body, TypeReference<T> type) throws Exception {
            return JSON.readValue(send(method, path, body), type);
        }
    }
}
