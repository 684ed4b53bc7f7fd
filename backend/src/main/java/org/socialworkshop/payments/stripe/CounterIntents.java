package org.socialworkshop.payments.stripe;

import java.util.Locale;

import com.stripe.model.PaymentIntent;
import com.stripe.model.terminal.Reader;
import com.stripe.param.PaymentIntentCreateParams;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.payments.CounterPaymentRequest;
import org.socialworkshop.payments.CounterPaymentState;

/**
 * Stripe's side of a counter payment: the PaymentIntent asked for (card_present for the reader, automatic capture; a
 * wallet confirmed at once so that its {@code next_action} carries the QR code), and what a PaymentIntent and its
 * reader say about where the payment stands.
 */
final class CounterIntents {

    private CounterIntents() {
    }

    static PaymentIntentCreateParams params(CounterPaymentRequest request) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount().minor())
                .setCurrency(request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                .setDescription(request.description())
                .putMetadata("payment_id", request.paymentId().toString())
                .putMetadata("order_id", request.orderId().toString());
        switch (request.method()) {
            case CARD -> params.addPaymentMethodType("card_present")
                    .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.AUTOMATIC);
            case WECHAT_PAY -> params.addPaymentMethodType("wechat_pay")
                    .setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
                            .setType(PaymentIntentCreateParams.PaymentMethodData.Type.WECHAT_PAY).build())
                    .setPaymentMethodOptions(PaymentIntentCreateParams.PaymentMethodOptions.builder()
                            .setWechatPay(PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.builder()
                                    .setClient(PaymentIntentCreateParams.PaymentMethodOptions.WechatPay.Client.WEB).build())
                            .build())
                    .setConfirm(true);
            case ALIPAY -> params.addPaymentMethodType("alipay")
                    .setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
                            .setType(PaymentIntentCreateParams.PaymentMethodData.Type.ALIPAY).build())
                    .setReturnUrl(request.returnUrl().toString())
                    .setConfirm(true);
        }
        return params.build();
    }

    /**
     * What the PaymentIntent says, and, while it waits for a card, what its reader says: a declined card leaves the
     * intent waiting for another card, and only the reader's failed action tells that this attempt is over.
     */
    static CounterPaymentState state(PaymentIntent intent, @Nullable Reader reader) {
        return switch (intent.getStatus()) {
            case "succeeded" -> new CounterPaymentState(intent.getId(), CounterPaymentState.Status.SUCCEEDED, null, null, null);
            case "canceled" -> new CounterPaymentState(intent.getId(), CounterPaymentState.Status.CANCELLED, null,
                    intent.getCancellationReason(), null);
            case "requires_action" -> CounterPaymentState.waiting(intent.getId(), qr(intent));
            default -> {
                Reader.Action action = reader == null ? null : reader.getAction();
                boolean ours = action != null && action.getProcessPaymentIntent() != null
                        && intent.getId().equals(action.getProcessPaymentIntent().getPaymentIntent());
                if (ours && "failed".equals(action.getStatus())) {
                    yield new CounterPaymentState(intent.getId(), CounterPaymentState.Status.FAILED, null, action.getFailureCode(),
                            action.getFailureMessage());
                }
                yield CounterPaymentState.waiting(intent.getId(), null);
            }
        };
    }

    /** What the wallet's QR code carries: WeChat Pay's {@code weixin://} link, or Alipay's page for the buyer's phone. */
    private static @Nullable String qr(PaymentIntent intent) {
        PaymentIntent.NextAction next = intent.getNextAction();
        if (next == null) {
            return null;
        }
        if (next.getWechatPayDisplayQrCode() != null) {
            return next.getWechatPayDisplayQrCode().getData();
        }
        if (next.getAlipayHandleRedirect() != null) {
            return next.getAlipayHandleRedirect().getUrl();
        }
        return null;
    }
}
