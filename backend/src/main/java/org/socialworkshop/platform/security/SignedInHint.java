package org.socialworkshop.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * A cookie that pages can read, saying that someone may be signed in on this browser: the session cookie itself is
 * {@code HttpOnly}. Without it a page does not ask {@code GET /api/auth/me}, whose 401 for a visitor Chromium
 * logs as a console error on every page. It holds nothing but "1", is no credential and grants nothing; it is set
 * when a session starts, removed at sign-out, and removed by {@link StaleSignedInHint} when the session it stood for
 * has ended. Like the session cookie, it lasts until the browser closes. See docs/adr/0025-signed-in-hint-cookie.md.
 */
@Component
public class SignedInHint {

    public static final String NAME = "SIGNED_IN";

    private final boolean secure;

    SignedInHint(@Value("${workshop.security.secure-cookies:false}") boolean secure) {
        this.secure = secure;
    }

    /** Someone has just signed in on this browser. */
    public void set(ServerWebExchange exchange) {
        exchange.getResponse().getCookies().set(NAME, cookie("1").build());
    }

    /** Nobody is signed in on this browser (any more). */
    public void clear(ServerWebExchange exchange) {
        exchange.getResponse().getCookies().set(NAME, cookie("").maxAge(0).build());
    }

    boolean sentWith(ServerWebExchange exchange) {
        return exchange.getRequest().getCookies().containsKey(NAME);
    }

    private ResponseCookie.ResponseCookieBuilder cookie(String value) {
        return ResponseCookie.from(NAME, value).httpOnly(false).secure(secure).sameSite("Lax").path("/");
    }
}
