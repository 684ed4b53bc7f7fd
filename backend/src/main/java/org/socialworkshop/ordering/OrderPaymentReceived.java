package org.socialworkshop.ordering;

import java.util.UUID;

import org.socialworkshop.catalog.Channel;
import org.socialworkshop.shared.Money;

/**
 * Part of an order's total arrived (a company's deposit, or a part of its balance) and the order still waits for the
 * rest: its receipt follows from this. The payment that completes the total makes {@link OrderPaid} instead.
 *
 * @param paidSoFar what arrived for the order up to and including this payment
 */
public record OrderPaymentReceived(UUID orderId, String orderNumber, Channel channel, UUID paymentId, Money amount, Money paidSoFar,
        Money total, String provider, String paymentReference) {
}
