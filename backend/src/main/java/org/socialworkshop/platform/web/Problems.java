package org.socialworkshop.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.ConstraintViolation;
import org.jspecify.annotations.Nullable;

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

    /**
     * One invalid field of a request. A field refused by a standard constraint also says which ({@code code}, the
     * constraint's name: {@code NotBlank}, {@code Size}, ...) with its limits ({@code params}: {@code min}, {@code max},
     * {@code value}), so that a page can say it in its own language; {@code message} is English.
     */
    public record FieldError(String field, String message, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String code,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> params) {

        public FieldError {
            params = Map.copyOf(params);
        }

        /** A field refused for a reason of the application's own, said in English only. */
        public FieldError(String field, String message) {
            this(field, message, null, Map.of());
        }

        /** A field refused by the standard constraint {@code violation}. */
        public static FieldError of(String field, ConstraintViolation<?> violation) {
            Map<String, Object> limits = new TreeMap<>();
            violation.getConstraintDescriptor().getAttributes().forEach((name, value) -> {
                if (LIMITS.contains(name) && (value instanceof Number || value instanceof String || value instanceof Boolean)) {
                    limits.put(name, value);
                }
            });
            return new FieldError(field, violation.getMessage(),
                    violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), limits);
        }

        private static final Set<String> LIMITS = Set.of("min", "max", "value", "inclusive", "integer", "fraction");
    }
}
