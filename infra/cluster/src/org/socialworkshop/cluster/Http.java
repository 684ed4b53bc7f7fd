package org.socialworkshop.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One browser's cookies (session, CSRF) against the cluster; sends the CSRF token on every unsafe request. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    /** An answer: its status, body and the Retry-After header (or null). */
    record Answer(int status, String body, String retryAfter) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    Http(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static Http signedIn(String base, String email, String password) throws IOException {
        Http client = new Http(base);
        client.send("GET", "/api/auth/csrf", null, null);
        Answer login = client.send("POST", "/api/auth/login", Map.of("email", email, "password", password), null);
        if (!login.ok()) {
            throw new IllegalStateException("sign-in as " + email + ": " + login.status() + " " + login.body());
        }
        return client;
    }

    /** Sends once; an IOException when no answer came (refused, cut off, timed out). */
    Answer send(String method, String path, Object body, String idempotencyKey) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.body(), answer.headers().firstValue("Retry-After").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    Answer get(String path) throws IOException {
        return send("GET", path, null, null);
    }
}
