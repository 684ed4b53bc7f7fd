package org.socialworkshop.platform.security;

import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The credential a paired POS tablet presents: an {@code HttpOnly}, {@code SameSite=Strict} cookie on the POS API
 * only, so that no script on a page can read it (docs/adr/0017-pos-registers-devices-and-steps.md). Like the session
 * cookie, it is ambient authority: unsafe requests that carry it need the CSRF token.
 */
@Component
public class DeviceCookie {

    public static final String NAME = "POS_DEVICE";
    static final String PATH = "/api/pos";
    /** The longest a browser keeps a cookie (RFC 6265bis); the credential itself lasts until it is revoked. */
    private static final Duration KEPT = Duration.ofDays(400);

    private final boolean secure;

    DeviceCookie(@Value("${workshop.security.secure-cookies:false}") boolean secure) {
        this.secure = secure;
    }

    /** Hands the tablet its credential. */
    public void set(ServerWebExchange exchange, String credential) {
        exchange.getResponse().addCookie(ResponseCookie.from(NAME, credential).httpOnly(true).secure(secure)
                .sameSite("Strict").path(PATH).maxAge(KEPT).build());
    }

    /** The credential the request carries, if any. */
    public Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getRequest().getCookies().getFirst(NAME)).map(HttpCookie::getValue)
                .filter(value -> !value.isBlank());
    }
}
