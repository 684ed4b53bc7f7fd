package org.socialworkshop.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An Invoice in the fake Stripe ({@code collection_method=send_invoice}): a draft that items are added to, finalised
 * (open, with its hosted page), sent, then paid (or voided); guarded by {@link FakeStripeState}.
 */
final class FakeInvoice {

    final String id;
    final long created;
    final Map<String, String> form;
    final List<Long> items = new ArrayList<>();
    String status = "draft";
    boolean sent;
    @Nullable String paymentIntent;

    FakeInvoice(String id, long created, Map<String, String> form) {
        this.id = id;
        this.created = created;
        this.form = form;
    }

    long amountDue() {
        return items.stream().mapToLong(Long::longValue).sum();
    }

    Map<String, Object> json(String baseUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "invoice");
        json.put("amount_due", amountDue());
        json.put("amount_paid", status.equals("paid") ? amountDue() : 0);
        json.put("amount_remaining", status.equals("paid") ? 0 : amountDue());
        json.put("auto_advance", Boolean.parseBoolean(form.getOrDefault("auto_advance", "true")));
        json.put("collection_method", form.get("collection_method"));
        json.put("created", created);
        json.put("currency", form.get("currency"));
        json.put("customer", form.get("customer"));
        json.put("days_until_due", form.containsKey("days_until_due") ? Long.parseLong(form.get("days_until_due")) : null);
        json.put("description", form.get("description"));
        json.put("due_date", form.containsKey("days_until_due") ? created + Long.parseLong(form.get("days_until_due")) * 86_400 : null);
        json.put("hosted_invoice_url", status.equals("draft") ? null : baseUrl + "/invoice/" + id);
        json.put("livemode", false);
        json.put("metadata", StripeForm.hash(form, "metadata"));
        json.put("status", status);
        json.put("payments", Map.of("object", "list", "has_more", false, "data", paymentIntent == null ? List.of()
                : List.of(Map.of("object", "invoice_payment", "status", "paid", "payment", Map.of("type", "payment_intent",
                        "payment_intent", paymentIntent)))));
        return json;
    }
}
