package org.socialworkshop.platform.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * The shop's address for links that leave the request (payment return pages, QR codes): the configured public
 * address when there is one, else the scheme and host this request came to. No trailing slash.
 */
public final class RequestOrigin {

    private RequestOrigin() {
    }

    public static String of(ServerWebExchange exchange, @Nullable URI configured) {
        if (configured != null) {
            String text = configured.toString();
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        }
        URI request = exchange.getRequest().getURI();
        return request.getScheme() + "://" + request.getRawAuthority();
    }
}
