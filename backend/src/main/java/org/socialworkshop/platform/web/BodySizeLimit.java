package org.socialworkshop.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a body whose declared length is over the codec limit before reading any of it. Bodies without a
 * length (chunked) are still cut off by the codec limit, which {@link ProblemAdvice} answers the same way.
 */
@Component
@Order(BodySizeLimit.AFTER_SECURITY)
public class BodySizeLimit implements WebFilter {

    /**
     * Just after Spring Security's filter chain (order -100, {@code WebFluxSecurityConfiguration}), so that early
     * refusals carry the security headers like every other answer.
     */
    static final int AFTER_SECURITY = -99;

    /** Image uploads may be larger than JSON bodies; their endpoint enforces this itself while reading. */
    public static final DataSize UPLOAD_LIMIT = DataSize.ofMegabytes(8);
    static final String UPLOAD_PATH = "/api/admin/images";

    private final long maxBytes;
    private final JsonMapper json;

    BodySizeLimit(@Value("${spring.codec.max-in-memory-size}") DataSize limit, JsonMapper json) {
        this.maxBytes = limit.toBytes();
        this.json = json;
    }

    static ProblemDetail problem(ServerWebExchange exchange) {
        return Problems.of(exchange, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The request body is larger than this endpoint accepts.");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        long limit = exchange.getRequest().getPath().value().equals(UPLOAD_PATH) ? UPLOAD_LIMIT.toBytes() : maxBytes;
        if (length > limit) {
            return Problems.write(exchange, problem(exchange), json);
        }
        return chain.filter(exchange);
    }
}
