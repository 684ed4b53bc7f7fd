package org.socialworkshop.payments;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.shared.Money;

/**
 * A payment taken at the counter, as recorded here: its order, how and how much, through which provider, and where it
 * stands. {@code qr} is what a wallet's QR code carries while the buyer has yet to scan it; {@code reference} the
 * provider's id (a PaymentIntent), which the receipt names; {@code demoSession} the demo provider's session, for its
 * labelled stand-in reader (none with Stripe); {@code refunded} when money of it was given back.
 */
public record CounterPayment(UUID id, UUID orderId, CounterMethod method, Money amount, String provider,
        CounterPaymentState.Status status, @Nullable String qr, @Nullable String failureCode, @Nullable String failureMessage,
        String reference, @Nullable String demoSession, boolean refunded) {
}
