package org.socialworkshop.payments;

import org.socialworkshop.shared.Money;

/** Money to give back for a captured payment ({@code paymentReference}: a Stripe PaymentIntent id). */
public record RefundRequest(String paymentReference, Money amount, String reason, String idempotencyKey) {
}
