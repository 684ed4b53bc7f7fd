package org.socialworkshop.payments;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.socialworkshop.shared.Money;

/**
 * What a provider needs to open a payment page for an order. The items' amounts add up to {@code total} exactly
 * (prices include tax). {@code paymentId} is put into the provider's metadata so that events can be matched to
 * the payment; {@code idempotencyKey} is stable for this attempt (e.g. {@code payment:{paymentId}:open}).
 */
public record PaymentRequest(UUID paymentId, UUID orderId, String orderNumber, List<Item> items, Money total,
        String email, Locale locale, URI returnUrl, URI cancelUrl, Instant expiresAt, String idempotencyKey) {

    public PaymentRequest {
        items = List.copyOf(items);
    }

    public record Item(String name, int quantity, Money unitPrice) {
    }
}
