package org.socialworkshop.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A Checkout Session in the fake Stripe, created from the form it was asked for; guarded by {@link FakeStripeState}. */
final class FakeCheckoutSession {

    final String id;
    final long created;
    final long expiresAt;
    final Map<String, String> form;
    final String currency;
    final long amountTotal;
    String status = "open";
    String paymentStatus = "unpaid";
    @Nullable String paymentIntent;

    FakeCheckoutSession(String id, long created, long expiresAt, Map<String, String> form, String currency, long amountTotal) {
        this.id = id;
        this.created = created;
        this.expiresAt = expiresAt;
        this.form = form;
        this.currency = currency;
        this.amountTotal = amountTotal;
    }

    Map<String, Object> json(String baseUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "checkout.session");
        json.put("amount_subtotal", amountTotal);
        json.put("amount_total", amountTotal);
        json.put("cancel_url", form.get("cancel_url"));
        json.put("client_reference_id", form.get("client_reference_id"));
        json.put("created", created);
        json.put("currency", currency);
        json.put("customer_email", form.get("customer_email"));
        json.put("expires_at", expiresAt);
        json.put("livemode", false);
        json.put("locale", form.get("locale"));
        json.put("metadata", StripeForm.hash(form, "metadata"));
        json.put("mode", form.get("mode"));
        json.put("payment_intent", paymentIntent);
        json.put("payment_method_types", StripeForm.values(form, "payment_method_types"));
        json.put("payment_status", paymentStatus);
        json.put("status", status);
        json.put("success_url", form.get("success_url"));
        json.put("url", status.equals("open") ? baseUrl + "/pay/" + id : null);
        return json;
    }

    FakeStripe.Session view() {
        return new FakeStripe.Session(id, status, paymentStatus, amountTotal, currency, paymentIntent,
                StripeForm.hash(form, "metadata"), expiresAt);
    }
}
