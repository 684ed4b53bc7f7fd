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
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
    private static final String CSRF_HEADER = SignedIn.CSRF_HEADER;
    private static final int LINES = 20;
    private static final int QUANTITY = 200;
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
        HttpClient buyer = SignedIn.as(BUYER, BUYER_PASSWORD);
        HttpClient coordinator = SignedIn.as(COORDINATOR, COORDINATOR_PASSWORD);
        sessions = Map.of(AS_BUYER, SignedIn.cookies(buyer), AS_COORDINATOR, SignedIn.cookies(coordinator));
        List<String> variants = SignedIn.corporateVariants(buyer);
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

}
