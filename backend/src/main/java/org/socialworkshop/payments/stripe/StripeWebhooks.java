package org.socialworkshop.payments.stripe;

import java.time.Instant;
import java.util.Set;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.payments.ProviderEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies Stripe's webhook calls and reduces each event to a {@link ProviderEvent}.
 *
 * <p>The signature is checked by stripe-java ({@code Stripe-Signature}, HMAC-SHA256 with the endpoint's secret,
 * at most {@value #TOLERANCE_SECONDS} seconds old). The event's object is then read from its raw JSON, field by
 * field: stripe-java's typed view of it ({@code getDataObjectDeserializer().getObject()}) is empty when the event
 * was rendered for another API version than the library's, and the few fields read here (ids, amounts, currency,
 * metadata) are the same in every version.
 */
public final class StripeWebhooks {

    static final long TOLERANCE_SECONDS = 300;

    private static final Set<String> HANDLED = Set.of("checkout.session.completed",
            "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed",
            "checkout.session.expired", "payment_intent.succeeded", "payment_intent.payment_failed",
            "charge.refunded", "invoice.paid", "invoice.payment_failed", "invoice.overdue", "invoice.voided",
            "invoice.marked_uncollectible");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String secret;

    public StripeWebhooks(String webhookSecret) {
        this.secret = webhookSecret;
    }

    /**
     * The event in {@code payload} if {@code signatureHeader} signs it with our secret, recently enough; types this
     * application does not act on come with their id, type and time only.
     *
     * @throws InvalidWebhook if the signature is missing, forged, stale, or the payload is not an event
     */
    public ProviderEvent verify(String payload, @Nullable String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw InvalidWebhook.missingSignature();
        }
        Event event = verified(payload, signatureHeader);
        if (event.getId() == null || event.getType() == null || event.getCreated() == null) {
            throw InvalidWebhook.unreadable();
        }
        Instant created = Instant.ofEpochSecond(event.getCreated());
        if (!HANDLED.contains(event.getType())) {
            return new ProviderEvent(event.getId(), event.getType(), created, null, null, null, false, null, null);
        }
        return EventObjects.toEvent(event.getId(), event.getType(), created, dataObject(payload));
    }

    private Event verified(String payload, String signatureHeader) {
        try {
            return Webhook.constructEvent(payload, signatureHeader, secret, TOLERANCE_SECONDS);
        } catch (SignatureVerificationException forged) {
            throw InvalidWebhook.forged();
        } catch (RuntimeException unreadable) {
            // A header that does not parse, or a correctly signed payload that is not JSON (Gson's JsonParseException).
            throw InvalidWebhook.unreadable();
        }
    }

    /** The event's {@code data.object}, read from the verified payload as it was sent. */
    private static JsonNode dataObject(String payload) {
        JsonNode object;
        try {
            object = JSON.readTree(payload).path("data").path("object");
        } catch (JacksonException unreadable) {
            throw InvalidWebhook.unreadable();
        }
        if (!object.isObject()) {
            throw InvalidWebhook.unreadable();
        }
        return object;
    }
}
