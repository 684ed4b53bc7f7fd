package org.socialworkshop.support;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Signs a demo user in through the real login endpoint and hands back a client that carries the session. */
public final class SignIn {

    private SignIn() {
    }

    /**
     * What a signed-in browser sends back: the session cookie, and the CSRF token both as the
     * {@code XSRF-TOKEN} cookie and as the {@code X-XSRF-TOKEN} header.
     */
    public record Session(String session, String csrf) {

        /** A client sending this session and its CSRF token, as a browser app does. */
        public WebTestClient on(WebTestClient client) {
            return client.mutate()
                    .defaultCookie("SESSION", session)
                    .defaultCookie("XSRF-TOKEN", csrf)
                    .defaultHeader("X-XSRF-TOKEN", csrf)
                    .defaultHeader(HttpHeaders.ACCEPT, "application/json, application/problem+json")
                    .build();
        }

        /** The {@code Cookie} header value, for clients that write HTTP by hand. */
        public String cookieHeader() {
            return "SESSION=" + session + "; XSRF-TOKEN=" + csrf;
        }
    }

    public static Session session(WebTestClient client, String email, String password) {
        ResponseCookie csrf = client.get().uri("/api/auth/csrf").exchange()
                .expectStatus().isNoContent()
                .returnResult(Void.class).getResponseCookies().getFirst("XSRF-TOKEN");
        ResponseCookie session = client.post().uri("/api/auth/login")
                .bodyValue(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus().isOk()
                .returnResult(Void.class).getResponseCookies().getFirst("SESSION");
        return new Session(session.getValue(), csrf.getValue());
    }

    public static WebTestClient as(WebTestClient client, String email, String password) {
        return session(client, email, password).on(client);
    }

    public static WebTestClient admin(WebTestClient client) {
        return as(client, "admin@example.org", "workshop-admin");
    }

    public static Session adminSession(WebTestClient client) {
        return session(client, "admin@example.org", "workshop-admin");
    }
}
