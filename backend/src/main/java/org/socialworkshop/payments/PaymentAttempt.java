package org.socialworkshop.payments;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.shared.Money;

/** One attempt to pay an order, as recorded here. */
public record PaymentAttempt(UUID id, UUID orderId, int attempt, String provider, String sessionId, String redirectUrl,
        Money amount, PaymentStatus status, @Nullable String reference) {
}
