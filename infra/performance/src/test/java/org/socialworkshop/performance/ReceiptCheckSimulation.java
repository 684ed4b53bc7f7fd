package org.socialworkshop.performance;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * "receipt-check": what scanning a receipt's QR code costs: {@code GET /api/receipts/{code}} of a random receipt
 * already issued, answered 200 with {@code verification.status} GENUINE (signature and chain checked). The codes
 * (up to 5,000 of the newest sale receipts, {@code REGISTER-NUMBER.signature}) are read from the app's database
 * before the load, as the piecework scenario reaches it (-DdbUrl, or -DdataDir); run a checkout or POS load first
 * on a fresh database.
 */
public class ReceiptCheckSimulation extends BaseSimulation {

    private volatile List<String> codes = List.of();

    {
        run(scenario("receipt-check")
                .exec(feed(codes()))
                .exec(http("GET /api/receipts/{code}")
                        .get("/api/receipts/#{code}")
                        .check(status().is(200))
                        .check(jsonPath("$.verification.status").is("GENUINE"))));
    }

    @Override
    public void before() {
        List<String> read = new ArrayList<>();
        try (Connection db = PieceworkSeed.connect(); var statement = db.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT register || '-' || number || '.'
                            || rtrim(translate(replace(encode(signature, 'base64'), E'\\n', ''), '+/', '-_'), '=')
                     FROM receipts WHERE kind = 'SALE' ORDER BY issued_at DESC LIMIT 5000""")) {
            while (rows.next()) {
                read.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read receipt codes from " + PieceworkSeed.url() + ": " + e.getMessage(), e);
        }
        if (read.isEmpty()) {
            throw new IllegalStateException("No sale receipt in " + PieceworkSeed.url() + ": run a checkout or POS load first");
        }
        codes = read;
        System.out.println("receipt-check: " + read.size() + " receipt codes");
    }

    private Iterator<Map<String, Object>> codes() {
        return Stream.generate(() -> Map.<String, Object>of("code", codes.get(ThreadLocalRandom.current().nextInt(codes.size()))))
                .iterator();
    }
}
