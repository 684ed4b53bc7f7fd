package org.socialworkshop.ordering;

import java.util.UUID;

import org.socialworkshop.catalog.Channel;
import org.socialworkshop.shared.Money;

/** An order was paid in full (published once per order): receipts, earnings and fulfilment follow from it. */
public record OrderPaid(UUID orderId, String orderNumber, Channel channel, Money total, String provider, String paymentReference) {
}
