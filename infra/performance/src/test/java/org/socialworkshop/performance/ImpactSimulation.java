package org.socialworkshop.performance;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "impact": a company's impact reports over a year of work (issue 13's benchmark). Before the load: the piecework seed
 * (200 makers, a year of checked daily work booked to the ledger; see {@link PieceworkSeed}), then, once, 24 orders of
 * the demo company (quotes asked for, priced and accepted over HTTP) to which the seeded work is attributed, two orders
 * a month, so a year's report sums some 50,000 work records and their ledger entries. Per virtual user, as the demo
 * buyer: the year's summary ({@code GET /api/corporate/impact?year=}, -Dyear, this year by default) and one order's
 * report; -DpdfPercent (10) of users also fetch the year's signed PDF.
 */
public class ImpactSimulation extends BaseSimulation {

    private static final int ORDERS = 24;
    private static final int YEAR = Integer.getInteger("year", LocalDate.now().getYear());
    private static final int PDF_PERCENT = Integer.getInteger("pdfPercent", 10);
    private static final String BUYER = System.getProperty("buyerEmail", "buyer@example.org");
    private static final String BUYER_PASSWORD = System.getProperty("buyerPassword", "workshop-buyer");
    private static final String COORDINATOR = System.getProperty("coordinatorEmail", "coordinator@example.org");
    private static final String COORDINATOR_PASSWORD = System.getProperty("coordinatorPassword", "workshop-coordinator");
    private static final Pattern ID = Pattern.compile("\"(?:id|orderId)\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /** Prepared in {@link #before()}. */
    private volatile List<String> orders = List.of();
    private volatile String[] buyer = {"", ""};

    {
        run(scenario("impact")
                .exec(session -> session.set("session", buyer[0]).set("xsrf", buyer[1])
                        .set("order", orders.get(ThreadLocalRandom.current().nextInt(orders.size())))
                        .set("pdf", ThreadLocalRandom.current().nextInt(100) < PDF_PERCENT))
                .exec(addCookie(Cookie("SESSION", "#{session}").withPath("/")))
                .exec(addCookie(Cookie("XSRF-TOKEN", "#{xsrf}").withPath("/")))
                .exec(http("GET /api/corporate/impact?year (a year)")
                        .get("/api/corporate/impact")
                        .queryParam("year", String.valueOf(YEAR))
                        .check(status().is(200)))
                .exec(http("GET /api/corporate/orders/{id}/impact")
                        .get("/api/corporate/orders/#{order}/impact")
                        .check(status().is(200)))
                .doIf("#{pdf}").then(exec(http("GET /api/corporate/impact.pdf?year (signed)")
                        .get("/api/corporate/impact.pdf")
                        .queryParam("year", String.valueOf(YEAR))
                        .check(status().is(200)))));
    }

    @Override
    public void before() {
        PieceworkSeed.Seeded seeded = PieceworkSeed.run();
        HttpClient buyerClient = SignedIn.as(BUYER, BUYER_PASSWORD);
        buyer = SignedIn.cookies(buyerClient);
        try (Connection db = PieceworkSeed.connect()) {
            List<String> attributed = ordersOfSeededWork(db, seeded.makers());
            if (attributed.isEmpty()) {
                List<String> placed = placeOrders(buyerClient, SignedIn.as(COORDINATOR, COORDINATOR_PASSWORD));
                attribute(db, seeded.makers(), placed);
                attributed = ordersOfSeededWork(db, seeded.makers());
            }
            orders = attributed;
        } catch (SQLException e) {
            throw new IllegalStateException("impact: preparing the orders failed: " + e.getMessage(), e);
        }
        System.out.println("impact: " + orders.size() + " orders of the demo company carry the seeded year of work; year " + YEAR
                + ", the signed PDF for " + PDF_PERCENT + "% of users");
    }

    private static List<String> ordersOfSeededWork(Connection db, List<String> makers) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("""
                SELECT DISTINCT order_id::text FROM work_records WHERE order_id IS NOT NULL AND maker_id = ANY(?) ORDER BY 1""")) {
            select.setArray(1, uuids(db, makers));
            List<String> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }

    /** The seeded work of each month goes to two of the orders, by the work record's id. */
    private static void attribute(Connection db, List<String> makers, List<String> placed) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("""
                UPDATE work_records SET order_id = (?::uuid[])[1 + ((extract(month FROM work_date)::int - 1) * 2
                                                               + get_byte(decode(md5(id::text), 'hex'), 0) % 2) % ?]
                WHERE maker_id = ANY(?) AND order_id IS NULL""")) {
            update.setArray(1, uuids(db, placed));
            update.setInt(2, placed.size());
            update.setArray(3, uuids(db, makers));
            System.out.println("impact: attributed " + update.executeUpdate() + " seeded work records to " + placed.size() + " orders");
        }
    }

    /** Orders of the demo company: a one-line quote each, priced by the coordinator and accepted by the buyer. */
    private static List<String> placeOrders(HttpClient buyer, HttpClient coordinator) {
        String variant = SignedIn.corporateVariants(buyer).get(0);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String quote = first(post(buyer, "/api/corporate/quotes", "{\"lines\":[{\"variantId\":\"" + variant
                    + "\",\"quantity\":300,\"customisations\":[]}],\"wantedBy\":\"" + LocalDate.now().plusDays(60) + "\"}", 201));
            post(coordinator, "/api/admin/corporate/quotes/" + quote + "/versions", "{\"validUntil\":\"" + LocalDate.now().plusDays(7)
                    + "\",\"delivery\":{\"amount\":0,\"currency\":\"CNY\"},\"manual\":[]}", 200);
            String accepted = post(buyer, "/api/corporate/quotes/" + quote + "/accept", "{\"version\":1,\"poNumber\":\"PO-IMPACT-" + i + "\"}", 200);
            Matcher order = Pattern.compile("\"orderId\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(accepted);
            if (!order.find()) {
                throw new IllegalStateException("Accepting quote " + quote + " named no order: " + accepted);
            }
            placed.add(order.group(1));
        }
        return placed;
    }

    private static String post(HttpClient client, String path, String json, int expected) {
        return SignedIn.send(client, HttpRequest.newBuilder(URI.create(BaseSimulation.BASE_URL + path))
                .header("Content-Type", "application/json").header(SignedIn.CSRF_HEADER, SignedIn.cookies(client)[1])
                .POST(HttpRequest.BodyPublishers.ofString(json)), expected);
    }

    private static String first(String json) {
        Matcher id = ID.matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("No id in " + json);
        }
        return id.group(1);
    }

    private static Array uuids(Connection db, List<String> ids) throws SQLException {
        return db.createArrayOf("uuid", ids.toArray());
    }
}
