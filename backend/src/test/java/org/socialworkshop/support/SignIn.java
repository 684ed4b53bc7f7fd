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
    public record Cookies(String session, String xsrfToken) {

        /** The {@code Cookie} header value, for clients that write HTTP by hand. */
        public String header() {
            return "SESSION=" + session + "; XSRF-TOKEN=" + xsrfToken;
        }
    }

    public static Cookies cookies(WebTestClient client, String email, String password) {
        ResponseCookie csrf = client.get().uri("/api/auth/csrf").exchange()
                .expectStatus().isNoContent()
                .returnResult(Void.class).getResponseCookies().getFirst("XSRF-TOKEN");
        ResponseCookie session = client.post().uri("/api/auth/login")
                .bodyValue(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus().isOk()
                .returnResult(Void.class).getResponseCookies().getFirst("SESSION");
        return new Cookies(session.getValue(), csrf.getValue());
    }

    public static WebTestClient as(WebTestClient client, String email, String password) {
        return carrying(client, cookies(client, email, password));
    }

    /** A client that sends the cookies and the CSRF header of a signed-in browser. */
    public static WebTestClient carrying(WebTestClient client, Cookies cookies) {
        return client.mutate()
                .defaultCookie("SESSION", cookies.session())
                .defaultCookie("XSRF-TOKEN", cookies.xsrfToken())
                .defaultHeader("X-XSRF-TOKEN", cookies.xsrfToken())
                .defaultHeader(HttpHeaders.ACCEPT, "application/json, application/problem+json")
                .build();
    }

    public static WebTestClient admin(WebTestClient client) {
        return as(client, "admin@example.org", "workshop-admin");
    }

    public static Cookies adminCookies(WebTestClient client) {
        return cookies(client, "admin@example.org", "workshop-admin");
    }
}
