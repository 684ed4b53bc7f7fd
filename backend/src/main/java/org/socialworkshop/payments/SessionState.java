package org.socialworkshop.payments;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.shared.Money;

/**
 * Where a payment session stands at the provider. {@code paymentReference} is the provider's id of the money
 * movement (a Stripe PaymentIntent id), known once the buyer has started paying; {@code amountPaid} is set when
 * {@code status} is {@link Status#PAID}.
 */
public record SessionState(String sessionId, Status status, @Nullable String paymentReference, @Nullable Money amountPaid) {

    public enum Status {
        /** Can still be paid. */
        OPEN,
        /** Completed, money captured. */
        PAID,
        /** Completed by the buyer, money not yet confirmed (a delayed payment method). */
        PROCESSING,
        /** Closed or timed out without payment. */
        EXPIRED
    }
}
