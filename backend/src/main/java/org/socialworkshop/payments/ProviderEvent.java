package org.socialworkshop.payments;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.shared.Money;

/**
 * A provider's notification, verified and reduced to what this application acts on. Stored once per
 * {@code id}; processing goes through the outbox. Types use Stripe's names (the demo provider sends the same):
 * {@code checkout.session.completed}, {@code checkout.session.async_payment_succeeded},
 * {@code checkout.session.async_payment_failed}, {@code checkout.session.expired}, {@code payment_intent.succeeded},
 * {@code payment_intent.payment_failed}, {@code charge.refunded}; other types are stored and ignored.
 *
 * @param paymentId      our payment id, from the provider object's metadata ({@code payment_id}) when present
 * @param sessionId      the checkout session id, for session events
 * @param paymentReference the PaymentIntent id
 * @param paid           for session events: the session's money is captured ({@code payment_status = paid})
 * @param amount         the amount captured (session {@code amount_total}, intent {@code amount_received})
 * @param amountRefunded for {@code charge.refunded}: the charge's total refunded so far
 * @param failureCode    for a failed payment: why, as the provider says ({@code card_declined})
 * @param failureMessage for a failed payment: the provider's words for people
 */
public record ProviderEvent(String id, String type, Instant created, @Nullable UUID paymentId, @Nullable String sessionId,
        @Nullable String paymentReference, boolean paid, @Nullable Money amount, @Nullable Money amountRefunded,
        @Nullable String failureCode, @Nullable String failureMessage) {

    public ProviderEvent(String id, String type, Instant created, @Nullable UUID paymentId, @Nullable String sessionId,
            @Nullable String paymentReference, boolean paid, @Nullable Money amount, @Nullable Money amountRefunded) {
        this(id, type, created, paymentId, sessionId, paymentReference, paid, amount, amountRefunded, null, null);
    }
}
