package org.socialworkshop.platform.web;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.socialworkshop.platform.web.files.StorefrontFiles;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * No request waits forever: one that has not finished within {@code workshop.web.request-deadline} is answered
 * with 503 and logged with its path, so whatever stalled it shows up in the logs instead of as a browser tab
 * spinning. Streaming exports, event streams ({@code …/stream}: screens that follow changes) and uploads, which may
 * rightly take long, are exempt. Database work the request
 * started still runs to its end (see {@code Database}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestDeadline implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestDeadline.class);

    private final Duration deadline;
    private final JsonMapper json;

    RequestDeadline(@Value("${workshop.web.request-deadline:30s}") Duration deadline, JsonMapper json) {
        this.deadline = deadline;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        // a versioned storefront file is answered from memory and cannot stall; its timer would cost more than it
        if (path.endsWith("/export") || path.endsWith("/stream") || path.equals(BodySizeLimit.UPLOAD_PATH)
                || path.startsWith(StorefrontFiles.VERSIONED)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange)
                .timeout(deadline)
                .onErrorResume(TimeoutException.class, late -> {
                    RequestId.inLogs(exchange, () -> log.warn("{} {} did not finish within {}; answered 503",
                            exchange.getRequest().getMethod(), path, deadline));
                    return exchange.getResponse().isCommitted() ? Mono.empty() : Problems.write(exchange,
                            Problems.of(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Took too long",
                                    "The request could not be finished in time. Please try again."), json);
                });
    }
}
