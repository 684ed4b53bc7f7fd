package org.socialworkshop.support;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Signs a demo user in through the real login endpoint and hands back a client that carries the session. */
public final class SignIn {

    private SignIn() {
    }

    public static WebTestClient as(WebTestClient client, String email, String password) {
        ResponseCookie csrf = client.get().uri("/api/auth/csrf").exchange()
                .expectStatus().isNoContent()
                .returnResult(Void.class).getResponseCookies().getFirst("XSRF-TOKEN");
        ResponseCookie session = client.post().uri("/api/auth/login")
                .bodyValue(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus().isOk()
                .returnResult(Void.class).getResponseCookies().getFirst("SESSION");
        return client.mutate()
                .defaultCookie("SESSION", session.getValue())
                .defaultCookie("XSRF-TOKEN", csrf.getValue())
                .defaultHeader("X-XSRF-TOKEN", csrf.getValue())
                .defaultHeader(HttpHeaders.ACCEPT, "application/json, application/problem+json")
                .build();
    }

    public static WebTestClient admin(WebTestClient client) {
        return as(client, "admin@example.org", "workshop-admin");
    }
}
