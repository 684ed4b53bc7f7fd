package org.socialworkshop.payments;

import java.net.URI;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.shared.Money;

/**
 * What a provider needs to take a payment at the counter: on the card {@code reader} (Stripe Terminal's {@code tmr_…};
 * none in demo mode), or as a wallet's QR code. {@code returnUrl} is where a wallet sends the buyer's phone afterwards;
 * {@code idempotencyKey} is stable for this payment.
 */
public record CounterPaymentRequest(UUID paymentId, UUID orderId, CounterMethod method, Money amount, @Nullable String reader,
        String description, URI returnUrl, String idempotencyKey) {
}
