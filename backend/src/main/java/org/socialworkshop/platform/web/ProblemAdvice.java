package org.socialworkshop.platform.web;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Framework errors raised while a controller handles a request, as RFC 9457 problems. Modules map their own
 * domain exceptions in their own advice; anything raised outside controllers goes to {@link ErrorHandler}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Problems.FieldError> errors = ex.getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), error))
                .toList();
        return invalid(exchange, errors);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        List<Problems.FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> fieldError(parameterName(result.getMethodParameter().getParameterName(), error), error)))
                .toList();
        return invalid(exchange, errors);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        String parameter = ex.getMethodParameter() == null ? null : ex.getMethodParameter().getParameterName();
        boolean body = ex.getMethodParameter() != null && ex.getMethodParameter().hasParameterAnnotation(
                org.springframework.web.bind.annotation.RequestBody.class);
        String detail = body || parameter == null
                ? "The request body could not be read: it must be well-formed JSON of the documented shape."
                : "The parameter '" + parameter + "' is missing or has the wrong type.";
        return respond(exchange, Problems.of(exchange, HttpStatus.BAD_REQUEST, "Malformed request", detail));
    }

    /** Validation of a service method's arguments ({@code @Validated} beans): the caller sent bad values. */
    @ExceptionHandler(ConstraintViolationException.class)
    Mono<ResponseEntity<Object>> constraintViolated(ConstraintViolationException ex, ServerWebExchange exchange) {
        List<Problems.FieldError> errors = ex.getConstraintViolations().stream()
                .map(violation -> Problems.FieldError.of(lastNode(violation.getPropertyPath().toString()), violation))
                .toList();
        return invalid(exchange, errors);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    Mono<ResponseEntity<Object>> tooLarge(DataBufferLimitException ex, ServerWebExchange exchange) {
        return respond(exchange, BodySizeLimit.problem(exchange));
    }

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(@Nullable Object body, @Nullable HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (status.value() == 404 && NotFoundPage.wanted(exchange)) {
            return Mono.just(ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(NotFoundPage.PAGE));
        }
        if (body instanceof ProblemDetail problem) {
            Problems.withContext(problem, exchange);
            anyMediaType(exchange);
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    private Mono<ResponseEntity<Object>> invalid(ServerWebExchange exchange, List<Problems.FieldError> errors) {
        ProblemDetail problem = Problems.of(exchange, HttpStatus.BAD_REQUEST, "Invalid request",
                "Some fields are not valid; see errors.");
        return respond(exchange, Problems.withFieldErrors(problem, errors));
    }

    private static Mono<ResponseEntity<Object>> respond(ServerWebExchange exchange, ProblemDetail problem) {
        anyMediaType(exchange);
        return Mono.just(ResponseEntity.status(problem.getStatus()).body(problem));
    }

    /**
     * A problem is answered as problem JSON even from an endpoint that produces something else (an NDJSON export, a
     * PDF): without this, the endpoint's own media types would turn a 400 into a 406 that says nothing.
     */
    private static void anyMediaType(ServerWebExchange exchange) {
        exchange.getAttributes().remove(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
    }

    /** A refused field, with the standard constraint that refused it where it was one. */
    private static Problems.FieldError fieldError(String field, MessageSourceResolvable error) {
        if (error instanceof ObjectError refused && refused.contains(ConstraintViolation.class)) {
            return Problems.FieldError.of(field, refused.unwrap(ConstraintViolation.class));
        }
        return new Problems.FieldError(field, error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage());
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String parameterName(@Nullable String parameter, MessageSourceResolvable error) {
        if (error instanceof FieldError field) {
            return field.getField();
        }
        return parameter == null ? "request" : parameter;
    }
}
