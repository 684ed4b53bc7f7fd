package org.socialworkshop.platform.web;

import java.util.Locale;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an address whose path or query carries a NUL character ({@code %00}): no route, parameter or stored
 * text accepts one, and PostgreSQL cannot even compare with it. Answered as a 400 problem before any work, as
 * {@link StrictJson} does for NUL in a JSON body.
 */
@Component
@Order(BodySizeLimit.AFTER_SECURITY)
class NulInAddress implements WebFilter {

    private final JsonMapper json;

    NulInAddress(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getURI().getRawPath() + "?" + exchange.getRequest().getURI().getRawQuery();
        if (raw.indexOf('\0') >= 0 || raw.toLowerCase(Locale.ROOT).contains("%00")) {
            return Problems.write(exchange, Problems.of(exchange, HttpStatus.BAD_REQUEST, "Malformed request",
                    "The address contains a NUL character (%00), which nothing here accepts."), json);
        }
        return chain.filter(exchange);
    }
}
