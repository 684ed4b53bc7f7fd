package org.socialworkshop.platform.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and writes RFC 9457 problem responses the same way everywhere: a plain title, a detail meant for
 * the person or program that sent the request, the request id, never a stack trace or SQL.
 */
public final class Problems {

    private Problems() {
    }

    /** A problem with the given status, title and detail, tagged with the request's id and path. */
    public static ProblemDetail of(ServerWebExchange exchange, HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return withContext(problem, exchange);
    }

    /** Adds the request id and the request path ({@code instance}) to a problem made elsewhere. */
    public static ProblemDetail withContext(ProblemDetail problem, ServerWebExchange exchange) {
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty(RequestId.KEY, RequestId.of(exchange));
        return problem;
    }

    /** Adds field errors: {@code errors: [{"field": ..., "message": ...}]}. */
    public static ProblemDetail withFieldErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Writes a problem straight to the response, for code that runs outside controllers (filters, security). */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, JsonMapper json) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(problem);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {
    }
}
