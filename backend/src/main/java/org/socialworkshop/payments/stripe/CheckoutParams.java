package org.socialworkshop.payments.stripe;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.ProductData;
import com.stripe.param.checkout.SessionCreateParams.PaymentMethodOptions;
import com.stripe.param.checkout.SessionCreateParams.PaymentMethodOptions.WechatPay;
import com.stripe.param.checkout.SessionCreateParams.PaymentMethodType;
import org.socialworkshop.payments.PaymentRequest;
import org.socialworkshop.shared.Money;

/**
 * The Checkout Session for a payment request: one line per item with its price (tax included), our ids in the
 * metadata of both the session and its PaymentIntent (so every event carries them), and the payment methods
 * buyers in China use.
 *
 * <p>Payment methods: card, Alipay and WeChat Pay (as a QR code on the web page) for CNY; card only for other
 * currencies. Stripe accepts {@code expires_at} only between 30 minutes and 24 hours after creation, so a session
 * may outlive a short payment window (see {@link #expiry}): whoever owns the window closes the session when it
 * ends.
 */
final class CheckoutParams {

    /** Stripe's limits (30 minutes to 24 hours after creation), with room for our clock and Stripe's to differ. */
    static final Duration SHORTEST = Duration.ofMinutes(31);
    static final Duration LONGEST = Duration.ofHours(23);
    static final Duration STEP = Duration.ofMinutes(30);

    private CheckoutParams() {
    }

    static SessionCreateParams of(PaymentRequest request, Instant now) {
        requireItemsAddUp(request);
        List<PaymentMethodType> methods = paymentMethods(request.total());
        Map<String, String> metadata = Map.of("payment_id", request.paymentId().toString(),
                "order_id", request.orderId().toString(), "order_number", request.orderNumber());
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .addAllLineItem(request.items().stream().map(CheckoutParams::lineItem).toList())
                .setCustomerEmail(request.email())
                .setClientReferenceId(request.orderId().toString())
                .putAllMetadata(metadata)
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putAllMetadata(metadata).build())
                .setSuccessUrl(withSessionId(request.returnUrl()))
                .setCancelUrl(request.cancelUrl().toString())
                .setLocale(locale(request.locale()))
                .addAllPaymentMethodType(methods);
        expiry(request.expiresAt(), now).ifPresent(expiry -> params.setExpiresAt(expiry.getEpochSecond()));
        if (methods.contains(PaymentMethodType.WECHAT_PAY)) {
            params.setPaymentMethodOptions(PaymentMethodOptions.builder()
                    .setWechatPay(WechatPay.builder().setClient(WechatPay.Client.WEB).build())
                    .build());
        }
        return params.build();
    }

    private static LineItem lineItem(PaymentRequest.Item item) {
        return LineItem.builder()
                .setQuantity((long) item.quantity())
                .setPriceData(PriceData.builder()
                        .setCurrency(currency(item.unitPrice()))
                        .setUnitAmount(item.unitPrice().minor())
                        .setProductData(ProductData.builder().setName(item.name()).build())
                        .build())
                .build();
    }

    static List<PaymentMethodType> paymentMethods(Money total) {
        return total.currency().equals(Money.CNY)
                ? List.of(PaymentMethodType.CARD, PaymentMethodType.ALIPAY, PaymentMethodType.WECHAT_PAY)
                : List.of(PaymentMethodType.CARD);
    }

    /** Stripe puts the session id into the return address, so the buyer's page can ask about this payment. */
    static String withSessionId(URI returnUrl) {
        String url = returnUrl.toString();
        return url + (url.contains("?") ? '&' : '?') + "session_id={CHECKOUT_SESSION_ID}";
    }

    /**
     * When the session should expire, or empty for Stripe's default of 24 hours. The answer must not change when
     * the same request is sent again a little later (Stripe refuses an idempotency key reused with other
     * parameters), so a payment window ending too soon is extended by whole steps of {@link #STEP} from its own
     * end, not from the clock: a 30-minute window opened in its first 29 minutes always asks for its end plus 30
     * minutes.
     */
    static Optional<Instant> expiry(Instant wanted, Instant now) {
        if (wanted.isAfter(now.plus(LONGEST))) {
            return Optional.empty();
        }
        long shortByMillis = Duration.between(wanted, now.plus(SHORTEST)).toMillis();
        if (shortByMillis <= 0) {
            return Optional.of(wanted);
        }
        long steps = (shortByMillis + STEP.toMillis() - 1) / STEP.toMillis();
        return Optional.of(wanted.plus(STEP.multipliedBy(steps)));
    }

    private static SessionCreateParams.Locale locale(Locale locale) {
        return locale.getLanguage().equals("zh") ? SessionCreateParams.Locale.ZH : SessionCreateParams.Locale.EN;
    }

    private static String currency(Money money) {
        return money.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
    }

    /** Stripe charges the sum of the lines, so it must be the order's total to the fen. */
    private static void requireItemsAddUp(PaymentRequest request) {
        Money sum = request.items().stream()
                .map(item -> item.unitPrice().times(item.quantity()))
                .reduce(Money.zero(request.total().currency()), Money::plus);
        if (!sum.equals(request.total())) {
            throw new IllegalArgumentException("The items of order " + request.orderNumber() + " add up to "
                    + sum.minor() + ", not to its total of " + request.total().minor());
        }
    }
}
