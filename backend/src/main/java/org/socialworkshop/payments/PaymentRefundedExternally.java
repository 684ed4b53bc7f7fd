package org.socialworkshop.payments;

import java.util.UUID;

import org.socialworkshop.shared.Money;

/**
 * Money was given back at the provider without this application asking (a refund in the Stripe dashboard).
 * {@code key} is unique per such refund, for handlers to record it once.
 */
public record PaymentRefundedExternally(UUID paymentId, UUID orderId, String provider, Money amount, String key) {
}
