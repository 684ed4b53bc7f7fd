package org.socialworkshop.payments;

import java.net.URI;
import java.util.UUID;

import org.socialworkshop.shared.Money;

/**
 * What a provider needs to send an invoice for (part of) an order: the buyer pays it on the provider's hosted page
 * within {@code daysUntilDue} days, by the methods the provider offers. {@code paymentId} goes into the provider's
 * metadata so its events find the payment; {@code idempotencyKey} is stable for this invoice, so sending it again after a
 * lost answer makes no second one.
 *
 * @param description what is invoiced, for the buyer ({@code 订单 WS-2026-000123 预付款 / Deposit for order WS-2026-000123})
 * @param customerName the company's invoice title, as the invoice names its customer
 * @param customerEmail where the provider sends the invoice
 * @param returnUrl where the demo invoice's page leads back to (Stripe's hosted page has its own)
 */
public record InvoiceRequest(UUID paymentId, UUID orderId, String orderNumber, String description, Money amount,
        String customerName, String customerEmail, int daysUntilDue, URI returnUrl, String idempotencyKey) {
}
