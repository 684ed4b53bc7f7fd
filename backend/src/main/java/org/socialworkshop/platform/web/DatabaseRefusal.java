package org.socialworkshop.platform.web;

import java.util.Optional;

import io.r2dbc.spi.R2dbcException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;

/**
 * A statement PostgreSQL refused because of what the request carried: a reference to a row that does not exist
 * (SQLSTATE 23503), a duplicate of a unique value (23505), or a value out of a column's range or form (class 22).
 * Endpoints check what they can before writing; this is the net under them, so a client's mistake is its 4xx
 * problem, never a 500. The statement failed, so its transaction rolled back. Other refusals (a broken check,
 * an unbalanced ledger entry) stay 500s: they are the server's faults.
 */
final class DatabaseRefusal {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRefusal.class);

    private DatabaseRefusal() {
    }

    static Optional<ProblemDetail> problem(ServerWebExchange exchange, Throwable error) {
        R2dbcException refused = cause(error);
        if (refused == null || refused.getSqlState() == null) {
            return Optional.empty();
        }
        String state = refused.getSqlState();
        ProblemDetail problem;
        if (state.equals("23503")) {
            problem = Problems.of(exchange, HttpStatus.UNPROCESSABLE_CONTENT, "Unknown reference",
                    "Something this request refers to does not exist.");
        } else if (state.equals("23505")) {
            problem = Problems.of(exchange, HttpStatus.CONFLICT, "Already exists",
                    "This would duplicate something that already exists.");
        } else if (state.startsWith("22")) {
            problem = Problems.of(exchange, HttpStatus.BAD_REQUEST, "Invalid value",
                    "A value in this request is outside what its field accepts.");
        } else {
            return Optional.empty();
        }
        RequestId.inLogs(exchange, () -> log.warn("{} {} refused by the database ({}): {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), state, refused.getMessage()));
        return Optional.of(problem);
    }

    /** The first R2DBC exception in the chain of causes: what PostgreSQL or the driver said. */
    static @Nullable R2dbcException cause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException refused) {
                return refused;
            }
        }
        return null;
    }
}
