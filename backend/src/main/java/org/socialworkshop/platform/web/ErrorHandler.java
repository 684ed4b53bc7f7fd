package org.socialworkshop.platform.web;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last stop for errors raised outside controllers (no such route, wrong method or media type, and
 * anything unexpected): always an RFC 9457 problem; a 500 says only that something went wrong and gives the
 * request id to quote, while the log gets the whole story.
 */
@Component
@Order(-2)
class ErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

    private final JsonMapper json;

    ErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem = problemFor(exchange, error);
        if (problem.getStatus() == 404 && NotFoundPage.wanted(exchange)) {
            return notFoundPage(exchange);
        }
        return Problems.write(exchange, problem, json);
    }

    private static Mono<Void> notFoundPage(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.NOT_FOUND);
        response.getHeaders().setContentType(MediaType.TEXT_HTML);
        return response.writeWith(DataBufferUtils.read(NotFoundPage.PAGE, response.bufferFactory(), 4096));
    }

    private ProblemDetail problemFor(ServerWebExchange exchange, Throwable error) {
        if (error instanceof DataBufferLimitException) {
            return BodySizeLimit.problem(exchange);
        }
        if (error instanceof ErrorResponse response && response.getStatusCode().value() < 500) {
            HttpStatusCode status = response.getStatusCode();
            response.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().addAll(name, values));
            return Problems.of(exchange, status, titleFor(status), detailFor(status));
        }
        Optional<ProblemDetail> unavailable = DatabaseUnavailable.problem(exchange, error);
        if (unavailable.isPresent()) {
            return unavailable.get();
        }
        Optional<ProblemDetail> refused = DatabaseRefusal.problem(exchange, error);
        if (refused.isPresent()) {
            return refused.get();
        }
        RequestId.inLogs(exchange, () -> log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), error));
        return Problems.of(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side. Quote the request id if you report it.");
    }

    private static String titleFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static String detailFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept this method; see the Allow header.";
            case 406 -> "This address cannot answer in any of the media types you accept.";
            case 415 -> "This address does not accept this content type; send application/json.";
            default -> "The request cannot be served as sent.";
        };
    }
}
