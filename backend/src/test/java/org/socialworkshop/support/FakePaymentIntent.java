package org.socialworkshop.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A PaymentIntent in the fake Stripe, with the one charge that pays it; guarded by {@link FakeStripeState}. */
final class FakePaymentIntent {

    final String id;
    final String chargeId;
    final long amount;
    final String currency;
    final Map<String, String> metadata;
    final long created = Instant.now().getEpochSecond();
    String status = "requires_payment_method";
    long amountReceived;
    long amountRefunded;
    @Nullable String lastError;

    FakePaymentIntent(String id, String chargeId, long amount, String currency, Map<String, String> metadata) {
        this.id = id;
        this.chargeId = chargeId;
        this.amount = amount;
        this.currency = currency;
        this.metadata = metadata;
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "payment_intent");
        json.put("amount", amount);
        json.put("amount_received", amountReceived);
        json.put("created", created);
        json.put("currency", currency);
        json.put("last_payment_error", lastError == null ? null
                : Map.of("type", "card_error", "code", "card_declined", "message", lastError));
        json.put("latest_charge", status.equals("succeeded") ? chargeId : null);
        json.put("livemode", false);
        json.put("metadata", metadata);
        json.put("status", status);
        return json;
    }

    Map<String, Object> chargeJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", chargeId);
        json.put("object", "charge");
        json.put("amount", amount);
        json.put("amount_captured", amountReceived);
        json.put("amount_refunded", amountRefunded);
        json.put("captured", amountReceived > 0);
        json.put("created", created);
        json.put("currency", currency);
        json.put("livemode", false);
        // Left empty: whether Stripe copies the PaymentIntent's metadata here is not something to rely on.
        json.put("metadata", Map.of());
        json.put("paid", status.equals("succeeded"));
        json.put("payment_intent", id);
        json.put("refunded", amountReceived > 0 && amountRefunded == amountReceived);
        json.put("status", status.equals("succeeded") ? "succeeded" : "failed");
        return json;
    }
}
