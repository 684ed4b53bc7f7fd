package org.socialworkshop.performance;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "corporate": a company's quote of 20 lines, priced and accepted (issue 13's benchmark). Per virtual user: the demo
 * buyer asks for a quote of 20 lines (200 units each of 20 different corporate variants, every fourth with a logo
 * card); the coordinator prices and sends it (a delivery charge, one manual line); the buyer accepts it with a PO
 * number (which places the order and fixes its instalments) and reads the order.
 *
 * <p>Before the load, the buyer and the coordinator sign in once (every virtual user uses their sessions) and the
 * variants are read from the buyer's corporate catalog. Knobs besides the common ones: buyerEmail / buyerPassword (the
 * demo buyer), coordinatorEmail / coordinatorPassword (the demo coordinator).
 */
public class CorporateSimulation extends BaseSimulation {

    private static final String BUYER = System.getProperty("buyerEmail", "buyer@example.org");
    private static final String BUYER_PASSWORD = System.getProperty("buyerPassword", "workshop-buyer");
    private static final String COORDINATOR = System.getProperty("coordinatorEmail", "coordinator@example.org");
    private static final String COORDINATOR_PASSWORD = System.getProperty("coordinatorPassword", "workshop-coordinator");
    private static final String CSRF_HEADER = "X-XSRF-TOKEN";
    private static final int LINES = 20;
    private static final int QUANTITY = 200;
    private static final Pattern VARIANT = Pattern.compile("\"variantId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final String AS_BUYER = "buyer";
    private static final String AS_COORDINATOR = "coordinator";

    /** Chosen in {@link #before()}, after the target has passed the loopback check. */
    private volatile String quoteJson = "";
    /** The buyer's and the coordinator's session and CSRF token, signed in in {@link #before()}. */
    private volatile Map<String, String[]> sessions = Map.of();

    {
        run(scenario("corporate")
                .exec(as(AS_BUYER))
                .exec(http("POST /api/corporate/quotes (20 lines)")
                        .post("/api/corporate/quotes")
                        .header(CSRF_HEADER, "#{xsrf}")
                        .body(StringBody(session -> quoteJson))
                        .asJson()
                        .check(status().is(201))
                        .check(jsonPath("$.id").saveAs("quoteId")))
                .exec(as(AS_COORDINATOR))
                .exec(http("POST /api/admin/corporate/quotes/{id}/versions (price 20 lines)")
                        .post("/api/admin/corporate/quotes/#{quoteId}/versions")
                        .header(CSRF_HEADER, "#{xsrf}")
                        .body(StringBody(CorporateSimulation::versionJson))
                        .asJson()
                        .check(status().is(200)))
                .exec(as(AS_BUYER))
                .exec(http("POST /api/corporate/quotes/{id}/accept")
                        .post("/api/corporate/quotes/#{quoteId}/accept")
                        .header(CSRF_HEADER, "#{xsrf}")
                        .body(StringBody(session -> "{\"version\":1,\"poNumber\":\"PO-LOAD-" + session.userId() + "\"}"))
                        .asJson()
                        .check(status().is(200))
                        .check(jsonPath("$.orderId").saveAs("orderId")))
                .exec(http("GET /api/corporate/orders/{id}")
                        .get("/api/corporate/orders/#{orderId}")
                        .check(status().is(200))));
    }

    /**
     * Acts as the buyer or the coordinator from here on: their session (signed in once, before the load) in the cookie
     * jar and their CSRF token for the header. Signing in per user would measure the password hash, and the sign-in
     * throttle refuses simultaneous sign-ins from one address, which a load from one machine is.
     */
    private ChainBuilder as(String who) {
        return exec(flushCookieJar())
                .exec(session -> session.set("session", sessions.get(who)[0]).set("xsrf", sessions.get(who)[1]))
                .exec(addCookie(Cookie("SESSION", "#{session}").withPath("/")))
                .exec(addCookie(Cookie("XSRF-TOKEN", "#{xsrf}").withPath("/")));
    }

    @Override
    public void before() {
        HttpClient buyer = signedIn(BUYER, BUYER_PASSWORD);
        HttpClient coordinator = signedIn(COORDINATOR, COORDINATOR_PASSWORD);
        sessions = Map.of(AS_BUYER, cookies(buyer), AS_COORDINATOR, cookies(coordinator));
        List<String> variants = corporateVariants(buyer);
        if (variants.size() < LINES) {
            throw new IllegalStateException("The demo buyer at " + BASE_URL + " can order " + variants.size() + " variants; "
                    + LINES + " are needed (is this the demo data?)");
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            lines.append(i == 0 ? "" : ",").append("{\"variantId\":\"").append(variants.get(i)).append("\",\"quantity\":")
                    .append(QUANTITY).append(",\"customisations\":[").append(i % 4 == 0 ? "\"LOGO_CARD\"" : "").append("]}");
        }
        quoteJson = "{\"lines\":[" + lines + "],\"wantedBy\":\"" + LocalDate.now().plusDays(60) + "\",\"note\":\"load test\"}";
        System.out.println("corporate: quotes of " + LINES + " lines of " + QUANTITY + " from " + variants.size() + " variants");
    }

    private static String versionJson(Session session) {
        return "{\"validUntil\":\"" + LocalDate.now().plusDays(14) + "\",\"delivery\":{\"amount\":30000,\"currency\":\"CNY\"},"
                + "\"manual\":[{\"nameZh\":\"加急\",\"nameEn\":\"Rush\",\"quantity\":1,\"unitPrice\":{\"amount\":50000,\"currency\":\"CNY\"}}]}";
    }

    private static String loginJson(String email, String password) {
        return "{\"email\":" + LoginSimulation.jsonString(email) + ",\"password\":" + LoginSimulation.jsonString(password) + "}";
    }

    /** A client with its own cookies, signed in as this account. */
    private static HttpClient signedIn(String email, String password) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        send(client, HttpRequest.newBuilder(URI.create(BASE_URL + "/api/auth/csrf")).GET(), 204);
        send(client, HttpRequest.newBuilder(URI.create(BASE_URL + "/api/auth/login")).header("Content-Type", "application/json")
                .header(CSRF_HEADER, cookie(client, "XSRF-TOKEN")).POST(HttpRequest.BodyPublishers.ofString(loginJson(email, password))), 200);
        return client;
    }

    /** The session and CSRF cookies of a signed-in client. */
    private static String[] cookies(HttpClient client) {
        return new String[] {cookie(client, "SESSION"), cookie(client, "XSRF-TOKEN")};
    }

    private static String cookie(HttpClient client, String name) {
        CookieManager cookies = (CookieManager) client.cookieHandler().orElseThrow();
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                .reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalStateException(BASE_URL + " set no " + name + " cookie"));
    }

    /** The variants the demo buyer's company can order, in the catalog's order, each once. */
    private static List<String> corporateVariants(HttpClient buyer) {
        String catalog = send(buyer, HttpRequest.newBuilder(URI.create(BASE_URL + "/api/corporate/catalog")).GET(), 200);
        List<String> variants = new ArrayList<>();
        Matcher found = VARIANT.matcher(catalog);
        while (found.find()) {
            if (!variants.contains(found.group(1))) {
                variants.add(found.group(1));
            }
        }
        return variants;
    }

    private static String send(HttpClient client, HttpRequest.Builder request, int expected) {
        HttpRequest built = request.header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered " + response.statusCode()
                        + " (expected " + expected + "): " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
