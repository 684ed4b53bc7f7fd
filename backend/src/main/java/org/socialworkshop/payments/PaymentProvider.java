package org.socialworkshop.payments;

import reactor.core.publisher.Mono;

/**
 * A payment provider as the rest of the application sees it: a hosted page per order, a way to ask where a
 * session stands, a way to close it, and refunds. Implementations that block (stripe-java) run on
 * {@code Schedulers.boundedElastic()} and send the stable idempotency key they are given, so a retried
 * operation is carried out once by the provider.
 *
 * <p>Failures to reach the provider (connection refused, timeouts, 5xx) surface as {@link PaymentUnavailable}.
 */
public interface PaymentProvider {

    /** {@code "stripe"} or {@code "demo"}; stored with each payment and shown to buyers. */
    String name();

    /** Creates the page the buyer pays on. */
    Mono<PaymentSession> open(PaymentRequest request);

    /** Where a session stands now (the buyer came back before the webhook did). */
    Mono<SessionState> lookup(String sessionId);

    /** Closes a session so it can no longer be paid; completes with its final state, which may be paid. */
    Mono<SessionState> close(String sessionId);

    /** Gives money back for a captured payment. */
    Mono<ProviderRefund> refund(RefundRequest request);
}
