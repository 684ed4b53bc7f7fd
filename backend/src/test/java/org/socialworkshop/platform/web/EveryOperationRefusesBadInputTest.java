package org.socialworkshop.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of the OpenAPI description, signed in as the admin (who passes the most checks), with
 * generated bad input: malformed and unknown ids in the path, wrong and hostile values in each query parameter,
 * and bodies of the wrong shape, wrong types, hostile text and repeated keys. Nothing a client sends may be
 * answered with a 5xx, and every refusal is an RFC 9457 problem (issue 11).
 */
@WorkshopTest
class EveryOperationRefusesBadInputTest {

    /** Values for path and query parameters: malformed, unknown, out of range, hostile. */
    private static final List<String> BAD_VALUES = List.of("not-an-id", UUID.randomUUID().toString(), "-1", "0",
            "99999999999999999999", "1.5", "%00", "%ED%A0%80", "%E2%80%AE", "'%20OR%201=1--", "..%2F..%2Fetc",
            "2026-13-45", "+57443-04-15", "a".repeat(600));

    /** Operations that end the admin's session, which the walk needs. */
    private static final Set<String> SKIPPED = Set.of("POST /api/auth/logout");

    @Autowired
    WebTestClient anonymous;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @Test
    void noOperationAnswersBadInputWithAServerError() {
        WebTestClient admin = SignIn.admin(anonymous);
        JsonNode description = json.readTree(anonymous.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
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
            for (String bad : badBodies(resolve(schema, description))) {
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

    /** Bodies of the wrong shape, and for each property of the schema a wrong type, hostile text and a repeated key. */
    private List<String> badBodies(JsonNode schema) {
        List<String> bodies = new ArrayList<>(List.of("", "{", "[]", "\"text\"", "null", "{\"a\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}"));
        JsonNode properties = schema.path("properties");
        Iterator<String> names = properties.propertyNames().iterator();
        Map<String, Object> valid = new LinkedHashMap<>();
        names.forEachRemaining(name -> valid.put(name, null));
        for (String name : valid.keySet()) {
            for (String value : List.of("\"\\u0000\"", "\"\\ud800\"", "\"" + "x".repeat(100_000) + "\"", "123456789012345678901234567890",
                    "-1", "1.5", "true", "{}", "[]", "\"" + UUID.randomUUID() + "\"", "\"-0001-01-01\"", "\"+57443-04-15\"")) {
                bodies.add("{\"" + name + "\":" + value + "}");
            }
            bodies.add("{\"" + name + "\":1,\"" + name + "\":2}");
        }
        return bodies;
    }
}
