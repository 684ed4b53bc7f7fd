package org.socialworkshop.platform.cache;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Whoever changes something reads it back at once: a request that may have changed data (any method but GET, HEAD
 * and OPTIONS) and succeeded empties this instance's read caches before its answer leaves. Its transaction has
 * committed by then; the NOTIFY from that commit reaches every instance a moment later, too late for a client that
 * asks again straight away.
 *
 * <p>Buyers' requests (carts, checkout, their orders, payments, signing in) and the counter's (its sales, tickets,
 * shifts, payments; coordinators set up the counter under /api/admin) change no catalog text or price, only stock,
 * which the next read sees within milliseconds through the NOTIFY; they leave the caches alone, or a busy shop would
 * empty them with every click, and a busy counter with every sale.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ReadYourWrites implements WebFilter {

    private static final List<String> BUYERS = List.of("/api/carts", "/api/checkout", "/api/orders", "/api/payments", "/api/auth",
            "/api/pos");

    private final ReadCaches caches;

    ReadYourWrites(ReadCaches caches) {
        this.caches = caches;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS && !buyers(exchange)) {
            exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
                HttpStatusCode status = exchange.getResponse().getStatusCode();
                if (status == null || status.is2xxSuccessful()) {
                    caches.clearAll();
                }
            }));
        }
        return chain.filter(exchange);
    }

    private static boolean buyers(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return BUYERS.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
