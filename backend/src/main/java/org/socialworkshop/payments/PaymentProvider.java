package org.socialworkshop.payments;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A payment provider as the rest of the application sees it: a hosted page per order, a way to ask where a
 * session stands, a way to close it, refunds, and payments at the counter (a card reader, a wallet's QR code). Implementations that block (stripe-java) run on
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

    /**
     * Sends an invoice the buyer pays on the provider's hosted page: the session is the invoice (its id, and the page's
     * address). Events follow as {@code invoice.paid}, {@code invoice.payment_failed}, {@code invoice.overdue} and
     * {@code invoice.voided}.
     */
    Mono<PaymentSession> invoice(InvoiceRequest request);

    /** Gives money back for a captured payment. */
    Mono<ProviderRefund> refund(RefundRequest request);

    /**
     * Starts taking a payment at the counter: hands it to the register's card reader, or makes the wallet's QR code the
     * buyer scans. A reader that cannot take it (offline, busy, not answering) makes a {@code FAILED} state, not an
     * error: the cashier then tries again or takes another tender.
     */
    Mono<CounterPaymentState> startAtCounter(CounterPaymentRequest request);

    /** Where a counter payment stands now; {@code reader} is the card reader it was handed to, if any. */
    Mono<CounterPaymentState> counterPayment(String sessionId, @Nullable String reader);

    /**
     * Stops a counter payment that has not succeeded (the reader's action and the payment are cancelled); completes
     * with its final state, which is {@code SUCCEEDED} when the buyer paid first.
     */
    Mono<CounterPaymentState> cancelAtCounter(String sessionId, @Nullable String reader, String idempotencyKey);
}
