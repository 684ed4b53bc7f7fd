package org.socialworkshop.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A PaymentIntent in the fake Stripe, with the one charge that pays it; guarded by {@link FakeStripeState}. Made by a
 * Checkout Session ({@code card}), or created directly for the counter: {@code card_present} (processed on a reader)
 * or a wallet ({@code wechat_pay}, {@code alipay}) confirmed at once, waiting for the buyer to scan its QR code.
 */
final class FakePaymentIntent {

    final String id;
    final String chargeId;
    final long amount;
    final String currency;
    final Map<String, String> metadata;
    final String method;
    final long created = Instant.now().getEpochSecond();
    String status = "requires_payment_method";
    long amountReceived;
    long amountRefunded;
    @Nullable String lastError;
    @Nullable String cancellationReason;
    @Nullable String returnUrl;

    FakePaymentIntent(String id, String chargeId, long amount, String currency, Map<String, String> metadata) {
        this(id, chargeId, amount, currency, metadata, "card");
    }

    FakePaymentIntent(String id, String chargeId, long amount, String currency, Map<String, String> metadata, String method) {
        this.id = id;
        this.chargeId = chargeId;
        this.amount = amount;
        this.currency = currency;
        this.metadata = metadata;
        this.method = method;
    }

    /** What a wallet payment waiting for its buyer shows: the QR code's content, as Stripe gives it. */
    @Nullable Map<String, Object> nextAction(String baseUrl) {
        if (!status.equals("requires_action")) {
            return null;
        }
        return switch (method) {
            case "wechat_pay" -> Map.of("type", "wechat_pay_display_qr_code", "wechat_pay_display_qr_code", Map.of(
                    "data", "weixin://wxpay/bizpayurl?pr=" + id, "hosted_instructions_url", baseUrl + "/wechat/" + id,
                    "image_url_png", baseUrl + "/wechat/" + id + ".png", "image_url_svg", baseUrl + "/wechat/" + id + ".svg",
                    "image_data_url", "data:image/png;base64,"));
            case "alipay" -> Map.of("type", "alipay_handle_redirect", "alipay_handle_redirect", Map.of(
                    "url", baseUrl + "/alipay/" + id, "native_url", baseUrl + "/alipay/" + id + "/native",
                    "return_url", returnUrl == null ? "" : returnUrl));
            default -> null;
        };
    }

    Map<String, Object> json(String baseUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "payment_intent");
        json.put("amount", amount);
        json.put("amount_received", amountReceived);
        json.put("cancellation_reason", cancellationReason);
        json.put("capture_method", "automatic");
        json.put("created", created);
        json.put("currency", currency);
        json.put("last_payment_error", lastError == null ? null
                : Map.of("type", "card_error", "code", "card_declined", "decline_code", "generic_decline", "message", lastError));
        json.put("latest_charge", status.equals("succeeded") ? chargeId : null);
        json.put("livemode", false);
        json.put("metadata", metadata);
        json.put("next_action", nextAction(baseUrl));
        json.put("payment_method_types", List.of(method));
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
