package org.socialworkshop.payments.stripe;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.payments.PaymentUnavailable;
import org.socialworkshop.platform.web.RequestId;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs one blocking stripe-java call off the event loop, gives up on it after a time limit, and turns its
 * failures into problems: Stripe out of reach (network, timeouts, 5xx, rate limits, a bad key) is
 * {@link PaymentUnavailable}; a request Stripe refuses is {@link StripeRefused}.
 */
final class StripeCalls {

    private static final Logger log = LoggerFactory.getLogger(StripeCalls.class);

    private final Duration limit;

    StripeCalls(Duration limit) {
        this.limit = limit;
    }

    /**
     * @param what    what the call does, for logs and problem details ("open a checkout session")
     * @param refused the problem for a refusal, given {@code what} and Stripe's reason
     */
    <T> Mono<T> call(String what, BiFunction<String, String, StripeRefused> refused, Callable<T> call) {
        return Mono.fromCallable(call)
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(limit)
                .onErrorResume(error -> Mono.deferContextual(context ->
                        Mono.error(RequestId.inLogs(context, () -> translate(what, refused, error)))));
    }

    private Throwable translate(String what, BiFunction<String, String, StripeRefused> refused, Throwable error) {
        if (error instanceof TimeoutException) {
            log.warn("Stripe did not answer within {} trying to {}", limit, what);
            return unavailable();
        }
        if (!(error instanceof StripeException stripe)) {
            return error;
        }
        if (error instanceof AuthenticationException || error instanceof PermissionException) {
            log.error("Stripe rejected our API key trying to {}: {}", what, stripe.getMessage());
            return unavailable();
        }
        if (outOfReach(stripe)) {
            log.warn("Stripe could not {}: {}", what, stripe.getMessage());
            return unavailable();
        }
        log.warn("Stripe refused to {}: {}", what, stripe.getMessage());
        return refused.apply(what, reason(stripe));
    }

    /** Connection failures and timeouts, rate limits, Stripe's own errors and answers it could not read. */
    private static boolean outOfReach(StripeException error) {
        Integer status = error.getStatusCode();
        return error instanceof ApiConnectionException || error instanceof RateLimitException
                || status == null || status >= 500;
    }

    /** Stripe's message for people, without the request id and codes stripe-java appends. */
    private static String reason(StripeException error) {
        return error.getStripeError() != null && error.getStripeError().getMessage() != null
                ? error.getStripeError().getMessage()
                : "no reason given";
    }

    private static PaymentUnavailable unavailable() {
        return new PaymentUnavailable("Stripe could not be reached or did not answer in time. Please try again in a moment.");
    }
}
