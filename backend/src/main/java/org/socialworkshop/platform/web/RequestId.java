package org.socialworkshop.platform.web;

import java.util.UUID;
import java.util.function.Supplier;
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
import reactor.util.context.ContextView;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, else a new one. The id goes
 * back in the response header, into every problem response, and onto the log lines written while serving it (MDC key
 * {@code requestId}). Reactor restores it for the {@code handle} and {@code tap} operators ({@code limited} context
 * propagation, which costs nothing elsewhere); other code that logs wraps its logging in {@link #inLogs}.
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

    /** Runs {@code logging} with the request id of {@code context} (a Reactor context) on its log lines. */
    public static <T> T inLogs(ContextView context, Supplier<T> logging) {
        Object id = context.getOrDefault(KEY, null);
        if (id == null) {
            return logging.get();
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(KEY, id.toString())) {
            return logging.get();
        }
    }

    /** Runs {@code logging} with the exchange's request id on its log lines. */
    public static void inLogs(ServerWebExchange exchange, Runnable logging) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(KEY, of(exchange))) {
            logging.run();
        }
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
