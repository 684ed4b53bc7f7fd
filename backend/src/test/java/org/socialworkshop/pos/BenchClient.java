package org.socialworkshop.pos;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser's worth of cookies (session, device, CSRF) for the POS benchmarks, sending the CSRF token on unsafe
 * requests; and a reader of server-sent events, as a station screen follows its tickets.
 */
final class BenchClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    BenchClient(String base) throws Exception {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
        send("GET", "/api/auth/csrf", null);
    }

    /** A client signed in with an e-mail address and password. */
    static BenchClient signedIn(String base, String email, String password) throws Exception {
        BenchClient client = new BenchClient(base);
        client.send("POST", "/api/auth/login", Map.of("email", email, "password", password));
        return client;
    }

    String send(String method, String path, Object body) throws Exception {
        HttpResponse<String> answer = http.send(request(method, path, body == null ? null : JSON.writeValueAsString(body)),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }

    /** Sends a body already written as JSON, without waiting: the answer's status and body. */
    CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String json) {
        return http.sendAsync(request(method, path, json), HttpResponse.BodyHandlers.ofString());
    }

    <T> T json(String method, String path, Object body, TypeReference<T> type) throws Exception {
        return JSON.readValue(send(method, path, body), type);
    }

    /**
     * Follows a stream of server-sent events, handing each event's data to {@code onData} as it arrives, until the
     * stream ends or the returned future is cancelled.
     */
    CompletableFuture<?> events(String path, Consumer<String> onData) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(answer -> answer.body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> onData.accept(line.substring(5))));
    }

    private HttpRequest request(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return request.build();
    }
}
