package org.socialworkshop.payments;

import org.jspecify.annotations.Nullable;

/**
 * Where a counter payment stands at its provider: still waiting for the buyer (with the QR code to show, for a wallet),
 * paid, failed (declined, the reader out of reach; {@code failureCode} and {@code failureMessage} as the provider said),
 * or cancelled. {@code sessionId} is the provider's id of it (a PaymentIntent), also its payment reference.
 */
public record CounterPaymentState(String sessionId, Status status, @Nullable String qr, @Nullable String failureCode,
        @Nullable String failureMessage) {

    public enum Status {
        WAITING,
        SUCCEEDED,
        FAILED,
        CANCELLED
    }

    public static CounterPaymentState waiting(String sessionId, @Nullable String qr) {
        return new CounterPaymentState(sessionId, Status.WAITING, qr, null, null);
    }
}
