package org.socialworkshop.performance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The piecework scenario's data, straight in the app's database (PostgreSQL JDBC): runs piecework-seed.sql (200
 * makers, a year of checked daily work with its ledger entries; does nothing when already seeded), then reads the
 * seeded maker and operation ids for the feeder.
 *
 * <p>Which database: -DdbUrl (a jdbc:postgresql:// URL; -DdbUser, postgres, and -DdbPassword, empty), else the
 * app's embedded PostgreSQL found from its data directory: -DdataDir (default data/postgres, the app's own
 * default, relative to the directory Maven runs in: the repository root with run.sh), whose postmaster.pid names
 * the port on its 4th line. The embedded server trusts local connections as user postgres, database postgres.
 * The database host must be loopback unless -DallowRemoteTarget=true, as for baseUrl.
 */
final class PieceworkSeed {

    static final String MAKER_PREFIX = "压测手作人-";
    private static final String SCRIPT = "piecework-seed.sql";

    /** What the seed found or made, and how long it took. */
    record Seeded(List<String> makers, List<String> operations, boolean created, long millis, Map<String, Long> rows) {
    }

    private PieceworkSeed() {
    }

    /** A connection to the app's database (-DdbUrl, or the embedded server of -DdataDir). */
    static Connection connect() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", System.getProperty("dbUser", "postgres"));
        login.setProperty("password", System.getProperty("dbPassword", ""));
        login.setProperty("ApplicationName", "piecework-seed");
        return DriverManager.getConnection(url(), login);
    }

    static Seeded run() {
        String url = url();
        try (Connection db = connect()) {
            boolean created = makers(db).isEmpty();
            long start = System.nanoTime();
            try (Statement statement = db.createStatement()) {
                statement.execute(script());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<String> makers = makers(db);
            List<String> operations = strings(db, """
                    SELECT id::text FROM piece_operations WHERE product_id = md5('piecework-bench:product')::uuid AND active ORDER BY name_zh""");
            if (makers.isEmpty() || operations.isEmpty()) {
                throw new IllegalStateException("The seed left no makers or operations in " + url);
            }
            Map<String, Long> rows = rows(db);
            System.out.printf("piecework: %s %s in %d ms; rows now %s%n", created ? "seeded" : "already seeded, checked", url, millis, rows);
            return new Seeded(makers, operations, created, millis, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("piecework seed against " + url + " failed: " + e.getMessage(), e);
        }
    }

    private static List<String> makers(Connection db) throws SQLException {
        return strings(db, "SELECT id::text FROM makers WHERE name LIKE '" + MAKER_PREFIX + "%' ORDER BY name");
    }

    /** Row counts of the piece-work tables, whole tables (seed and anything else in them). */
    static Map<String, Long> rows(Connection db) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("makers", "piece_operations", "work_records", "ledger_entries", "ledger_postings")) {
            try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
                row.next();
                counts.put(table, row.getLong(1));
            }
        }
        return counts;
    }

    private static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static String script() {
        try (InputStream in = PieceworkSeed.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the classpath (see testResources in infra/performance/pom.xml)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + SCRIPT, e);
        }
    }

    /** -DdbUrl, or the embedded server of -DdataDir. */
    static String url() {
        String url = System.getProperty("dbUrl");
        if (url == null || url.isBlank()) {
            Path dataDir = Path.of(System.getProperty("dataDir", "data/postgres")).toAbsolutePath().normalize();
            url = "jdbc:postgresql://localhost:" + port(dataDir) + "/postgres";
        }
        requireLoopback(url);
        return url;
    }

    /** postmaster.pid: pid, data directory, start time, port, socket directory, listen address, … */
    private static int port(Path dataDir) {
        Path pid = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pid);
            if (lines.size() < 4) {
                throw new IllegalStateException(pid + " has no port line (is PostgreSQL starting up?)");
            }
            return Integer.parseInt(lines.get(3).trim());
        } catch (IOException e) {
            throw new IllegalStateException("No running embedded PostgreSQL found: cannot read " + pid
                    + ". Start the app first, or give -DdataDir=<the app's DATA_DIR> or -DdbUrl=jdbc:postgresql://host:port/db", e);
        }
    }

    private static void requireLoopback(String url) {
        String host = URI.create(url.substring("jdbc:".length())).getHost();
        boolean loopback = host != null
                && (host.equalsIgnoreCase("localhost") || host.matches("127(\\.\\d{1,3}){3}") || host.equals("[::1]"));
        if (!loopback && !Boolean.getBoolean("allowRemoteTarget")) {
            throw new IllegalStateException("dbUrl " + url + " is not on a loopback address; pass -DallowRemoteTarget=true to seed it anyway");
        }
    }
}
