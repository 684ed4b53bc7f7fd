package org.socialworkshop.payments;

import java.util.UUID;

/** An attempt to pay an order failed or ran out of time; the order may be paid with a new attempt. */
public record PaymentFailed(UUID paymentId, UUID orderId, String provider, String outcome) {
}
