package org.socialworkshop.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, else a new one. The id goes
 * back in the response header, into every problem response, and onto every log line (MDC key
 * {@code requestId}, carried across threads by Reactor's automatic context propagation).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestId implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(KEY,
                () -> MDC.get(KEY), value -> MDC.put(KEY, value), () -> MDC.remove(KEY));
    }

    /** The id of the request being served, as stored on the exchange. */
    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(KEY);
        return id == null ? "unknown" : id;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = idFor(exchange.getRequest());
        exchange.getAttributes().put(KEY, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(exchange).contextWrite(context -> context.put(KEY, id));
    }

    private static String idFor(ServerHttpRequest request) {
        String offered = request.getHeaders().getFirst(HEADER);
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
