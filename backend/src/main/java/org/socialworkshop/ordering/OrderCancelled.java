package org.socialworkshop.ordering;

import java.util.UUID;

/** An unpaid order was cancelled and its stock freed. */
public record OrderCancelled(UUID orderId, String orderNumber, String reason) {
}
