package org.socialworkshop.payments;

import java.util.UUID;

import org.socialworkshop.shared.Money;

/** Money for an order arrived at a provider. Published once per payment, whichever signal came first. */
public record PaymentCaptured(UUID paymentId, UUID orderId, String provider, Money amount, String reference) {
}
