package org.socialworkshop.payments.stripe;

import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.payments.ProviderEvent;
import org.socialworkshop.shared.Money;
import tools.jackson.databind.JsonNode;

/**
 * What an event's object says, read from its JSON: a Checkout Session, a PaymentIntent, an Invoice or a Charge, chosen by the
 * event type's prefix. Only fields that mean the same in every Stripe API version are read.
 */
final class EventObjects {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private EventObjects() {
    }

    static ProviderEvent toEvent(String id, String type, Instant created, JsonNode object) {
        if (type.startsWith("checkout.session.")) {
            return new ProviderEvent(id, type, created, paymentId(object), text(object, "id"), reference(object),
                    "paid".equals(text(object, "payment_status")), money(object, "amount_total"), null);
        }
        if (type.startsWith("payment_intent.")) {
            JsonNode error = object.path("last_payment_error");
            return new ProviderEvent(id, type, created, paymentId(object), null, text(object, "id"),
                    "succeeded".equals(text(object, "status")), money(object, "amount_received"), null, text(error, "code"),
                    text(error, "message"));
        }
        if (type.startsWith("invoice.")) {
            return new ProviderEvent(id, type, created, paymentId(object), text(object, "id"), invoicePayment(object),
                    "paid".equals(text(object, "status")), money(object, "amount_paid"), null);
        }
        return new ProviderEvent(id, type, created, paymentId(object), null, reference(object),
                false, money(object, "amount_captured"), money(object, "amount_refunded"));
    }

    /** The PaymentIntent's id, whether the event carries it as an id or expanded into the object. */
    private static @Nullable String reference(JsonNode object) {
        JsonNode intent = object.path("payment_intent");
        return intent.isObject() ? text(intent, "id") : text(object, "payment_intent");
    }

    /**
     * The PaymentIntent that paid an invoice, when the event's invoice carries its payments (API versions since 2025 name
     * them under {@code payments}; older ones as {@code payment_intent}); else none, and the invoice's id stands for it.
     */
    private static @Nullable String invoicePayment(JsonNode invoice) {
        String older = reference(invoice);
        if (older != null) {
            return older;
        }
        for (JsonNode payment : invoice.path("payments").path("data")) {
            JsonNode intent = payment.path("payment").path("payment_intent");
            String id = intent.isObject() ? text(intent, "id") : intent.isString() ? intent.stringValue() : null;
            if (id != null && "paid".equals(text(payment, "status"))) {
                return id;
            }
        }
        return null;
    }

    /** Ours, when the object carries it: objects made elsewhere in the Stripe account have none. */
    private static @Nullable UUID paymentId(JsonNode object) {
        String value = text(object.path("metadata"), "payment_id");
        return value != null && UUID_TEXT.matcher(value).matches() ? UUID.fromString(value) : null;
    }

    private static @Nullable Money money(JsonNode object, String field) {
        JsonNode amount = object.path(field);
        String currency = text(object, "currency");
        if (!amount.isIntegralNumber() || currency == null) {
            return null;
        }
        return new Money(amount.longValue(), Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
    }

    private static @Nullable String text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isString() ? value.stringValue() : null;
    }
}
