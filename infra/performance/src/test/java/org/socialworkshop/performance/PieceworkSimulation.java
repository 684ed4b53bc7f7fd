package org.socialworkshop.performance;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * "piecework": coordinators recording checked work and reading makers' monthly statements, against 200 makers
 * with a year of daily work (about 52,000 checked work records and their ledger entries).
 *
 * <p>Before the load, {@link PieceworkSeed} loads that history straight into the app's database from
 * piecework-seed.sql (once; later runs find it there) and reads the seeded maker and operation ids. Then the run
 * checks that the app at baseUrl sees them (so a wrong -DdataDir or -DdbUrl stops here, not in 100% errors).
 *
 * <p>Per virtual user: the CSRF cookie, sign in as the coordinator (-DcoordinatorEmail, -DcoordinatorPassword;
 * the demo coordinator by default), then -Drounds times (5): record work for a random seeded maker with an
 * immediate check ({@code POST /api/admin/piecework/work}, a random day of the past year, a random seeded
 * operation) and read a random seeded maker's statement for one of the last 12 full months; -DoverviewPercent
 * (10) of users also read the overview of a random month; then sign out. So a user sends 2 + 2 × rounds + 1
 * requests, plus the overview for some.
 */
public class PieceworkSimulation extends BaseSimulation {

    private static final String EMAIL = System.getProperty("coordinatorEmail", "coordinator@example.org");
    private static final String PASSWORD = System.getProperty("coordinatorPassword", "workshop-coordinator");
    private static final int ROUNDS = Integer.getInteger("rounds", 5);
    private static final int OVERVIEW_PERCENT = Integer.getInteger("overviewPercent", 10);
    private static final String CSRF_HEADER = "X-XSRF-TOKEN";

    /** Read in {@link #before()}, after the target has passed the loopback check; used by the feeder. */
    private volatile List<String> makers = List.of();
    private volatile List<String> operations = List.of();

    {
        run(scenario("piecework")
                .exec(http("GET /api/auth/csrf").get("/api/auth/csrf").check(status().is(204)))
                .exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")))
                .exec(http("POST /api/auth/login")
                        .post("/api/auth/login")
                        .header(CSRF_HEADER, "#{xsrf}")
                        .body(StringBody(loginJson()))
                        .asJson()
                        .check(status().is(200)))
                // the token may be rotated on login: read the cookie again before using it
                .exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")))
                .repeat(ROUNDS).on(exec(round()))
                .doIf(session -> ThreadLocalRandom.current().nextInt(100) < OVERVIEW_PERCENT)
                .then(exec(session -> session.set("overviewMonth", randomMonth()))
                        .exec(http("GET /api/admin/piecework/overview")
                                .get("/api/admin/piecework/overview")
                                .queryParam("month", "#{overviewMonth}")
                                .check(status().is(200))))
                .exec(http("POST /api/auth/logout")
                        .post("/api/auth/logout")
                        .header(CSRF_HEADER, "#{xsrf}")
                        .check(status().in(200, 201, 202, 204))));
    }

    private ChainBuilder round() {
        return feed(work())
                .exec(http("POST /api/admin/piecework/work (checked)")
                        .post("/api/admin/piecework/work")
                        .header(CSRF_HEADER, "#{xsrf}")
                        .body(StringBody(PieceworkSimulation::workJson))
                        .asJson()
                        .check(status().is(201)))
                .exec(http("GET /api/admin/piecework/makers/{id}/months/{month}")
                        .get("/api/admin/piecework/makers/#{statementMaker}/months/#{month}")
                        .check(status().is(200)));
    }

    @Override
    public void before() {
        PieceworkSeed.Seeded seeded = PieceworkSeed.run();
        makers = seeded.makers();
        operations = seeded.operations();
        requireAppSees(seeded);
        System.out.println("piecework: " + makers.size() + " makers, " + operations.size() + " operations; "
                + ROUNDS + " rounds per user, overview for " + OVERVIEW_PERCENT + "% of users");
    }

    /** One round's picks: who did which work on which day, and whose month to read. */
    private Iterator<Map<String, Object>> work() {
        return Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            List<String> makers = this.makers;
            List<String> operations = this.operations;
            int pieces = 1 + random.nextInt(50);
            int rejected = Math.min(pieces, random.nextInt(3));
            return Map.<String, Object>of(
                    "workMaker", makers.get(random.nextInt(makers.size())),
                    "operation", operations.get(random.nextInt(operations.size())),
                    "workDate", LocalDate.now().minusDays(random.nextInt(365)).toString(),
                    "pieces", pieces,
                    "rejected", rejected,
                    "statementMaker", makers.get(random.nextInt(makers.size())),
                    "month", randomMonth());
        }).iterator();
    }

    /** One of the 12 full months before this one. */
    private static String randomMonth() {
        return YearMonth.now().minusMonths(1 + ThreadLocalRandom.current().nextInt(12)).toString();
    }

    private static String workJson(Session session) {
        int pieces = session.getInt("pieces");
        int rejected = session.getInt("rejected");
        String reason = rejected > 0 ? ",\"reason\":\"边缘不齐 uneven edge\"" : "";
        return "{\"makerId\":\"" + session.getString("workMaker") + "\","
                + "\"operationId\":\"" + session.getString("operation") + "\","
                + "\"workDate\":\"" + session.getString("workDate") + "\","
                + "\"pieces\":" + pieces + ","
                + "\"note\":\"load test\","
                + "\"check\":{\"accepted\":" + (pieces - rejected) + ",\"rejected\":" + rejected + reason + "}}";
    }

    private static String loginJson() {
        return "{\"email\":" + LoginSimulation.jsonString(EMAIL) + ",\"password\":" + LoginSimulation.jsonString(PASSWORD) + "}";
    }

    /**
     * Signs in as the coordinator and lists the seeded product's operations: none means the app at baseUrl uses
     * another database than the one just seeded.
     */
    private void requireAppSees(PieceworkSeed.Seeded seeded) {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
        send(client, HttpRequest.newBuilder(URI.create(BASE_URL + "/api/auth/csrf")).GET(), 204);
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("GET " + BASE_URL + "/api/auth/csrf set no XSRF-TOKEN cookie"));
        send(client, HttpRequest.newBuilder(URI.create(BASE_URL + "/api/auth/login"))
                .header("Content-Type", "application/json").header(CSRF_HEADER, xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(loginJson())), 200);
        String operation = seeded.operations().get(0);
        String body = send(client, HttpRequest.newBuilder(URI.create(BASE_URL + "/api/admin/piecework/operations")).GET(), 200);
        if (!body.contains(operation)) {
            throw new IllegalStateException("The app at " + BASE_URL + " does not list the seeded operation " + operation
                    + ": it uses another database than " + PieceworkSeed.url() + " (give -DdataDir=<its DATA_DIR> or -DdbUrl)");
        }
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
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + built.uri(), e);
        }
    }
}
