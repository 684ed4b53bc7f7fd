package org.socialworkshop.cluster;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What must hold after the faults, read from the database and over the API: each a line of the summary, PASS or
 * FAIL with its figures.
 */
final class Checks {

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final List<String> lines = new ArrayList<>();
    private boolean failed;

    Checks(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    void expect(boolean holds, String what) {
        lines.add((holds ? "PASS  " : "FAIL  ") + what);
        failed |= !holds;
        System.out.println((holds ? "PASS  " : "FAIL  ") + what);
    }

    boolean failed() {
        return failed;
    }

    List<String> lines() {
        return lines;
    }

    /** The database side: acknowledged results there exactly once, nothing doubled, stock and ledger consistent. */
    void database(Load load, String run, String variantId, long onHandBefore) throws SQLException {
        try (Connection db = connect()) {
            long plain = count(db, "SELECT count(*) FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) "
                    + "WHERE a.application_name = 'social-workshop' AND NOT s.ssl", List.of());
            long connections = count(db, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'social-workshop'", List.of());
            expect(connections > 0 && plain == 0, "the instances' " + connections + " connections to PostgreSQL are encrypted (" + plain + " plain)");
            Collection<String> orders = load.orders.keySet();
            expect(count(db, "SELECT count(*) FROM orders WHERE id = ANY (?::uuid[])", orders) == orders.size(),
                    orders.size() + " acknowledged online orders are stored");
            expect(count(db, "SELECT count(*) FROM orders o WHERE o.id = ANY (?::uuid[]) AND o.status = 'PAID' AND "
                    + "(SELECT count(*) FROM payments p WHERE p.order_id = o.id AND p.status = 'SUCCEEDED') = 1 AND "
                    + "(SELECT count(*) FROM receipts r WHERE r.order_id = o.id AND r.kind = 'SALE') = 1", orders) == orders.size(),
                    "each of them PAID with exactly one successful payment and one sale receipt");
            List<String> sales = load.sales.keySet().stream().toList();
            expect(count(db, "SELECT count(*) FROM receipts r JOIN pos_sales s ON s.order_id = r.order_id "
                    + "WHERE r.register || '-' || r.number = ANY (?) AND r.kind = 'SALE'", sales) == sales.size(),
                    sales.size() + " acknowledged counter sales are stored, each once with its receipt");
            expect(rows(db, "SELECT order_id::text FROM receipts WHERE kind = 'SALE' GROUP BY order_id HAVING count(*) > 1").isEmpty(),
                    "no order has two sale receipts");
            expect(rows(db, "SELECT order_id::text FROM payments WHERE status = 'SUCCEEDED' GROUP BY order_id HAVING count(*) > 1").isEmpty(),
                    "no order was paid twice");
            expect(rows(db, "SELECT id::text FROM orders WHERE status = 'PAID' AND NOT EXISTS "
                    + "(SELECT 1 FROM receipts r WHERE r.order_id = orders.id AND r.kind = 'SALE')").isEmpty(),
                    "every paid order has its receipt");
            Collection<String> work = load.workRecords;
            expect(count(db, "SELECT count(*) FROM work_records w WHERE w.note = ANY (?) AND w.status = 'CHECKED' AND "
                    + "(SELECT count(*) FROM ledger_entries e WHERE e.source = 'work-record:' || w.id AND e.reason = 'WORK') = 1", work)
                    == work.size(), work.size() + " acknowledged work records stored and checked, each booked once to the ledger");
            expect(rows(db, "SELECT note FROM work_records WHERE note LIKE 'faults " + run + " %' GROUP BY note HAVING count(*) > 1")
                    .isEmpty(), "no work record stored twice");
            expect(rows(db, "SELECT source || ' ' || reason FROM ledger_entries WHERE reason IN ('WORK', 'SALE_SHARE') "
                    + "GROUP BY source, reason HAVING count(*) > 1").isEmpty(), "no ledger entry booked twice for one source");
            expect(rows(db, "SELECT entry_id::text FROM ledger_postings GROUP BY entry_id HAVING sum(amount) <> 0").isEmpty(),
                    "every ledger entry balances");
            expect(rows(db, """
                    SELECT l.variant_id || ' ' || l.location FROM stock_levels l
                    LEFT JOIN (SELECT variant_id, location, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved
                               FROM stock_movements GROUP BY variant_id, location) j USING (variant_id, location)
                    WHERE l.on_hand IS DISTINCT FROM j.on_hand OR l.reserved IS DISTINCT FROM j.reserved""").isEmpty(),
                    "every stock level equals the sum of its movements");
            expect(rows(db, "SELECT reference || ' ' || variant_id || ' ' || kind FROM stock_movements WHERE reference IS NOT NULL "
                    + "AND kind IN ('SOLD', 'RESERVED', 'RELEASED') GROUP BY reference, variant_id, location, kind HAVING count(*) > 1")
                    .isEmpty(), "no stock movement doubled (one sale, reservation or release per order and variant)");
            long paidHere = count(db, "SELECT coalesce(sum(l.quantity), 0) FROM orders o JOIN order_lines l ON l.order_id = o.id "
                    + "WHERE o.email LIKE 'faults-" + run + "-%' AND o.status = 'PAID' AND l.variant_id = '" + variantId + "'::uuid", List.of());
            long onHandNow = onHand(db, variantId);
            expect(onHandBefore - onHandNow == paidHere, "units of the bought variant gone from stock (" + (onHandBefore - onHandNow)
                    + ") = units in this run's paid orders (" + paidHere + ")");
        }
    }

    /** The API side: each acknowledged order readable, paid, its receipt genuine; each register's chain verifies. */
    void api(Load load, Http anonymous, Http admin) throws IOException {
        int genuine = 0;
        List<String> wrong = new ArrayList<>();
        for (Load.Order order : load.orders.values()) {
            Http.Answer read = anonymous.get("/api/orders/" + order.id() + "?token=" + order.token());
            JsonNode receipts = read.status() == 200 ? read.json().path("receipts") : null;
            if (receipts == null || !"PAID".equals(read.json().path("status").asText()) || receipts.size() != 1) {
                wrong.add(order.id() + " " + read.status());
                continue;
            }
            genuine += genuine(anonymous, receipts.get(0).path("code").asText(), wrong);
        }
        for (Load.Sale sale : load.sales.values()) {
            genuine += genuine(anonymous, sale.code(), wrong);
        }
        expect(wrong.isEmpty(), genuine + " receipts of acknowledged orders and sales read GENUINE over the API"
                + (wrong.isEmpty() ? "" : "; not: " + wrong.subList(0, Math.min(5, wrong.size()))));
        List<String> registers = new ArrayList<>(load.registers);
        registers.add(0, "ONLINE");
        for (String register : registers) {
            Http.Answer check = admin.get("/api/admin/receipts/registers/" + register + "/check");
            boolean valid = check.status() == 200 && check.json().path("valid").asBoolean();
            expect(valid, "receipt chain of register " + register + " verifies ("
                    + (check.status() == 200 ? check.json().path("checked").asLong() + " receipts" : "HTTP " + check.status()) + ")");
        }
    }

    private static int genuine(Http anonymous, String code, List<String> wrong) throws IOException {
        Http.Answer check = anonymous.get("/api/receipts/" + code);
        if (check.status() == 200 && "GENUINE".equals(check.json().path("verification").path("status").asText())) {
            return 1;
        }
        wrong.add(code + " " + check.status());
        return 0;
    }

    static long onHand(Connection db, String variantId) throws SQLException {
        return count(db, "SELECT coalesce(sum(on_hand), 0) FROM stock_levels WHERE variant_id = '" + variantId + "'::uuid", List.of());
    }

    static long count(Connection db, String sql, Collection<String> values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            if (sql.contains("?")) {
                statement.setArray(1, db.createArrayOf("text", values.toArray()));
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    static List<String> rows(Connection db, String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (var statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                found.add(result.getString(1));
            }
        }
        return found;
    }
}
