package org.socialworkshop.platform.web;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.SignIn;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of the OpenAPI description, signed in as the admin (who passes the most checks), with
 * generated bad input: malformed and unknown ids in the path, wrong and hostile values in each query parameter,
 * and bodies of the wrong shape, wrong types, hostile text and repeated keys. Nothing a client sends may be
 * answered with a 5xx, every refusal is an RFC 9457 problem, and a refused request changes no stored data (issue 11).
 *
 * <p>The walk runs against an instance with a database of its own and its background work stopped, so that every
 * row written while a request is served is that request's: a row trigger on every table logs each insert, update and
 * delete, and after each refusal the log must be empty.
 */
class EveryOperationRefusesBadInputTest {

    private static final String ADMIN = "walk-admin@workshop.example";
    private static final String PASSWORD = "a-walking-admin-password";

    /** Bookkeeping a refused request rightly writes; everything else must stay as it was. */
    private static final Map<String, String> BOOKKEEPING = Map.of(
            "web_sessions", "every request by a signed-in user touches its session",
            "login_failures", "a refused sign-in is counted, so that guessing is throttled",
            "idempotency_keys", "a key is claimed before the work and released when the work is refused",
            "flyway_schema_history", "migrations only");

    /** Values for path and query parameters: malformed, unknown, out of range, hostile. */
    private static final List<String> BAD_VALUES = List.of("not-an-id", UUID.randomUUID().toString(), "-1", "0",
            "99999999999999999999", "1.5", "%00", "%ED%A0%80", "%E2%80%AE", "'%20OR%201=1--", "..%2F..%2Fetc",
            "2026-13-45", "+57443-04-15", "a".repeat(600));

    /** Operations that end the admin's session, which the walk needs. */
    private static final Set<String> SKIPPED = Set.of("POST /api/auth/logout");

    @TempDir
    Path data;

    int port;
    JsonMapper json;

    @Test
    void noOperationAnswersBadInputWithAServerErrorOrChangesStoredData() throws Exception {
        try (SecondInstance app = SecondInstance.start("workshop.database.data-dir=" + data.resolve("postgres"),
                "workshop.demo-data=false", "workshop.first-admin.email=" + ADMIN, "workshop.first-admin.password=" + PASSWORD,
                "workshop.outbox.workers=0", "workshop.housekeeping.every=1d", "workshop.inventory.expiry-check=1d",
                "workshop.ordering.sweep-every=1d");
             Connection db = DriverManager.getConnection(jdbcUrl())) {
            port = URI.create(app.baseUrl()).getPort();
            json = app.bean(JsonMapper.class);
            logChanges(db);
            walk(app.client(), db);
        }
    }

    /** Every insert, update and delete of a row in a table that is not bookkeeping, logged in {@code walk_changes}. */
    private static void logChanges(Connection db) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE walk_changes (table_name text, operation text)");
            statement.execute("""
                    CREATE FUNCTION walk_change() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        INSERT INTO walk_changes VALUES (TG_TABLE_NAME, TG_OP);
                        RETURN NULL;
                    END $$""");
            List<String> tables = new ArrayList<>();
            try (ResultSet found = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (found.next()) {
                    tables.add(found.getString(1));
                }
            }
            tables.removeAll(BOOKKEEPING.keySet());
            tables.remove("walk_changes");
            assertThat(tables).as("tables watched").contains("orders", "products", "ledger_entries", "stock_levels", "users");
            for (String table : tables) {
                statement.execute("CREATE TRIGGER walk_change AFTER INSERT OR UPDATE OR DELETE ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION walk_change()");
            }
        }
    }

    /** What the last request changed, table by table, and forgets it. */
    private static Map<String, Integer> changes(Connection db) throws Exception {
        Map<String, Integer> changed = new java.util.TreeMap<>();
        try (Statement statement = db.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT table_name || ' ' || operation, count(*) FROM walk_changes GROUP BY 1")) {
                while (rows.next()) {
                    changed.put(rows.getString(1), rows.getInt(2));
                }
            }
            if (!changed.isEmpty()) {
                statement.execute("DELETE FROM walk_changes");
            }
        }
        return changed;
    }

    private String jdbcUrl() throws Exception {
        String databasePort = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(3).trim();
        return "jdbc:postgresql://localhost:" + databasePort + "/postgres?user=postgres";
    }

    private void walk(WebTestClient anonymous, Connection db) throws Exception {
        WebTestClient admin = SignIn.as(anonymous, ADMIN, PASSWORD);
        // The app makes its receipt signing key in the background once it is ready (ReceiptKeys#createOnFirstStart); on
        // a busy machine that insert may land during the walk and be taken for what a refused request changed.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Statement statement = db.createStatement();
                 ResultSet keys = statement.executeQuery("SELECT count(*) FROM receipt_keys WHERE register IS NULL AND retired_at IS NULL")) {
                return keys.next() && keys.getInt(1) > 0;
            }
        });
        changes(db);
        // The description is built on its first request, which takes several seconds on a busy two-core machine, and
        // longer than the request deadline (15 s, answered 503) on a loaded one: asked again until it is there.
        WebTestClient patient = anonymous.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        String[] answer = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            EntityExchangeResult<String> result = patient.get().uri("/v3/api-docs").exchange().expectBody(String.class).returnResult();
            answer[0] = result.getResponseBody();
            return result.getStatus().value() == 200;
        });
        JsonNode description = json.readTree(answer[0]);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int requests = 0;
        for (Map.Entry<String, JsonNode> path : description.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase());
                if (SKIPPED.contains(method.name() + " " + path.getKey())) {
                    continue;
                }
                for (Attempt attempt : attempts(path.getKey(), operation.getValue(), description)) {
                    requests++;
                    EntityExchangeResult<String> result = send(admin, method, attempt);
                    int status = result.getStatus().value();
                    statuses.merge(status, 1, Integer::sum);
                    String contentType = String.valueOf(result.getResponseHeaders().getContentType());
                    if (status >= 500) {
                        failures.add(method + " " + attempt.uri() + " " + attempt.body() + " -> " + status + " " + result.getResponseBody());
                    } else if (status >= 400 && !contentType.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                            && !contentType.startsWith(MediaType.TEXT_HTML_VALUE)) {
                        failures.add(method + " " + attempt.uri() + " -> " + status + " as " + contentType + ", not a problem");
                    }
                    if (status < 300 && attempt.body() != null && OUT_OF_RANGE.stream().anyMatch(attempt.body()::contains)) {
                        failures.add(method + " " + attempt.uri() + " " + abbreviated(attempt.body()) + " -> " + status
                                + ": a date out of range was accepted");
                    }
                    Map<String, Integer> changed = changes(db);
                    if (status >= 400 && !changed.isEmpty()) {
                        failures.add(method + " " + attempt.uri() + " " + abbreviated(attempt.body()) + " -> " + status
                                + " yet changed " + changed);
                    }
                }
            }
        }
        assertThat(requests).as("requests sent").isGreaterThan(1_000);
        // The walk stayed signed in and reached the handlers: most answers are validation refusals, not 401 or 403.
        assertThat(statuses.getOrDefault(400, 0)).as("statuses %s", statuses).isGreaterThan(requests / 2);
        assertThat(statuses.getOrDefault(401, 0)).as("statuses %s", statuses).isLessThan(requests / 20);
        assertThat(failures).as("answers to bad input (%d requests)", requests).isEmpty();
    }

    private record Attempt(String uri, String body) {
    }

    private static String abbreviated(String body) {
        return body == null || body.length() < 200 ? String.valueOf(body) : body.substring(0, 200) + "…";
    }

    private EntityExchangeResult<String> send(WebTestClient client, HttpMethod method, Attempt attempt) {
        URI uri = URI.create("http://localhost:" + port + attempt.uri());
        WebTestClient.RequestBodySpec request = client.method(method).uri(uri);
        if (attempt.body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(attempt.body());
        }
        return request.exchange().expectBody(String.class).returnResult();
    }

    /** Each bad value in each path parameter, then in each query parameter (others left out), then each bad body. */
    private List<Attempt> attempts(String template, JsonNode operation, JsonNode description) {
        List<String> pathParameters = new ArrayList<>();
        List<String> queryParameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String in = parameter.path("in").asString();
            if (in.equals("path")) {
                pathParameters.add(parameter.path("name").asString());
            } else if (in.equals("query")) {
                queryParameters.add(parameter.path("name").asString());
            }
        }
        String plausible = fill(template, pathParameters, name -> UUID.randomUUID().toString());
        List<Attempt> attempts = new ArrayList<>();
        String body = operation.has("requestBody") ? "{}" : null;
        for (String bad : BAD_VALUES) {
            for (String name : pathParameters) {
                attempts.add(new Attempt(fill(template, pathParameters, each -> each.equals(name) ? bad : UUID.randomUUID().toString()), body));
            }
            for (String name : queryParameters) {
                attempts.add(new Attempt(plausible + "?" + name + "=" + bad, body));
            }
        }
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (!schema.isMissingNode()) {
            for (String bad : badBodies(resolve(schema, description), description)) {
                attempts.add(new Attempt(plausible, bad));
            }
        }
        return attempts;
    }

    private static String fill(String template, List<String> names, java.util.function.Function<String, String> value) {
        String uri = template;
        for (String name : names) {
            uri = uri.replace("{" + name + "}", value.apply(name));
        }
        return uri;
    }

    private JsonNode resolve(JsonNode schema, JsonNode description) {
        JsonNode current = schema;
        for (int depth = 0; depth < 5 && current.has("$ref"); depth++) {
            String[] path = current.get("$ref").asString().substring(2).split("/");
            JsonNode target = description;
            for (String part : path) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }

    /**
     * Bodies of the wrong shape; for each property of the schema alone a wrong type, hostile text and a repeated key;
     * and a plausible body (every property filled after its schema) with one property at a time replaced by a bad,
     * hostile or out-of-range value, so that the checks behind the first ones (bounds, unknown ids) are reached too.
     */
    private List<String> badBodies(JsonNode schema, JsonNode description) {
        List<String> bodies = new ArrayList<>(List.of("", "{", "[]", "\"text\"", "null", "{\"a\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}"));
        JsonNode properties = schema.path("properties");
        List<String> names = new ArrayList<>();
        properties.propertyNames().forEach(names::add);
        for (String name : names) {
            for (String value : List.of("\"\\u0000\"", "\"\\ud800\"", "\"" + "x".repeat(100_000) + "\"", "123456789012345678901234567890",
                    "-1", "1.5", "true", "{}", "[]", "\"" + UUID.randomUUID() + "\"", "\"-0001-01-01\"", "\"+57443-04-15\"")) {
                bodies.add("{\"" + name + "\":" + value + "}");
            }
            bodies.add("{\"" + name + "\":1,\"" + name + "\":2}");
        }
        if (!(plausible(schema, description, 0) instanceof ObjectNode body)) {
            return bodies;
        }
        for (String name : names) {
            for (String value : DEEP_VALUES) {
                ObjectNode changed = body.deepCopy();
                changed.set(name, json.readTree(value));
                bodies.add(json.writeValueAsString(changed));
            }
        }
        return bodies;
    }

    /** Dates no request of this shop can mean; a body carrying one is refused. */
    private static final List<String> OUT_OF_RANGE = List.of("\"-0001-01-01", "\"+57443-04-15", "\"0001-01-01", "\"9999-12-31",
            "\"1900-01-01T");

    /** Replacements for one property of an otherwise plausible body. */
    private static final List<String> DEEP_VALUES = List.of("null", "\"\\u0000\"", "\"\\ud800\"", "\"" + "x".repeat(10_000) + "\"",
            "123456789012345678901234567890", "-1", "0", "1.5", "true", "{}", "[]", "\"" + UUID.randomUUID() + "\"",
            "\"-0001-01-01\"", "\"+57443-04-15\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"1900-01-01T00:00:00Z\"",
            "\"9999-12-31T23:59:59Z\"", "\"+57443-04-15T00:00:00Z\"");

    /** A value of the schema's type and format, as a careful client would send it. */
    private JsonNode plausible(JsonNode schema, JsonNode description, int depth) {
        JsonNode resolved = resolve(schema, description);
        if (resolved.has("allOf")) {
            return plausible(resolved.get("allOf").get(0), description, depth);
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String type = resolved.path("type").asString();
        if (type.equals("object") || resolved.has("properties")) {
            ObjectNode object = nodes.objectNode();
            if (depth < 4) {
                for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
                    object.set(property.getKey(), plausible(property.getValue(), description, depth + 1));
                }
            }
            return object;
        }
        return switch (type) {
            case "array" -> nodes.arrayNode().add(plausible(resolved.path("items"), description, depth + 1));
            case "integer" -> nodes.numberNode(Math.max(1, resolved.path("minimum").asLong(1)));
            case "number" -> nodes.numberNode(1);
            case "boolean" -> nodes.booleanNode(true);
            default -> nodes.stringNode(switch (resolved.path("format").asString()) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date" -> java.time.LocalDate.now().toString();
                case "date-time" -> java.time.OffsetDateTime.now().toString();
                case "email" -> "walk@example.org";
                default -> "x".repeat(Math.max(1, resolved.path("minLength").asInt(1)));
            });
        };
    }
}
