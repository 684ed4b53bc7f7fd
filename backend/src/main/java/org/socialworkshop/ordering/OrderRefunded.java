package org.socialworkshop.ordering;

import java.util.Map;
import java.util.UUID;

import org.socialworkshop.shared.Money;

/** Money of a paid order was given back (once per refund); {@code units} are refunded units per order line. */
public record OrderRefunded(UUID orderId, String orderNumber, UUID refundId, Money amount, String method, Map<UUID, Integer> units) {
}
