package org.socialworkshop.platform.web;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.pool.PoolAcquireTimeoutException;

/**
 * The database cannot be reached (stopped, restarting, connection lost, no connection free in time): the request is
 * answered 503 with {@code Retry-After}, which clients and the storefront retry, not 500. The log says so once per
 * {@link #LOG_EVERY} with how many requests were turned away, instead of a stack trace per request.
 */
final class DatabaseUnavailable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final String RETRY_AFTER_SECONDS = "5";

    private static final AtomicLong turnedAway = new AtomicLong();
    private static final AtomicLong lastLogged = new AtomicLong();

    private DatabaseUnavailable() {
    }

    static Optional<ProblemDetail> problem(ServerWebExchange exchange, Throwable error) {
        Throwable cause = unreachable(error);
        if (cause == null) {
            return Optional.empty();
        }
        long count = turnedAway.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogged.get();
        if ((last == 0 || now - last >= LOG_EVERY.toNanos()) && lastLogged.compareAndSet(last, now)) {
            turnedAway.addAndGet(-count);
            log.warn("The database cannot be reached: {} request(s) answered 503 since the last report ({})", count, cause.toString());
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return Optional.of(Problems.of(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                "The shop cannot reach its database right now; try again in a few seconds (a creating request with the "
                        + "same Idempotency-Key, so that it is not done twice)."));
    }

    /**
     * The cause saying the database is out of reach, or null. When PostgreSQL itself answered (an R2DBC exception
     * with a SQLSTATE), only its connection classes count: 08 (connection), 57P (shutting down, starting up) and
     * 53300 (too many connections); any other answer is about the statement, not about reaching the server.
     */
    private static @Nullable Throwable unreachable(Throwable error) {
        R2dbcException answered = DatabaseRefusal.cause(error);
        if (answered != null && answered.getSqlState() != null) {
            String state = answered.getSqlState();
            return state.startsWith("08") || state.startsWith("57P") || state.equals("53300") ? answered : null;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcNonTransientResourceException || cause instanceof R2dbcTransientResourceException
                    || cause instanceof ConnectException || cause instanceof PoolAcquireTimeoutException
                    || cause instanceof DataAccessResourceFailureException) {
                return cause;
            }
        }
        return null;
    }
}
