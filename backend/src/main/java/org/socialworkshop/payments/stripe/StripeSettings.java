package org.socialworkshop.payments.stripe;

import java.time.Duration;

import com.stripe.Stripe;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach Stripe, from {@code stripe.*} ({@code STRIPE_SECRET_KEY}, {@code STRIPE_WEBHOOK_SECRET},
 * {@code STRIPE_API_BASE} by relaxed binding).
 *
 * @param secretKey      the API key ({@code sk_live_…}, {@code sk_test_…} or a restricted key); unset or blank
 *                       means Stripe is off and the demo provider takes payments
 * @param webhookSecret  the signing secret of the webhook endpoint ({@code whsec_…}); required with a key
 * @param apiBase        Stripe's API address; a fake in tests. Blank means Stripe's own.
 * @param connectTimeout how long to wait for a connection to Stripe
 * @param readTimeout    how long to wait for each read of Stripe's answer
 */
@ConfigurationProperties("stripe")
public record StripeSettings(
        @Nullable String secretKey,
        @Nullable String webhookSecret,
        @DefaultValue(Stripe.LIVE_API_BASE) String apiBase,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    public StripeSettings {
        apiBase = apiBase.isBlank() ? Stripe.LIVE_API_BASE : apiBase;
    }

    /** Whether a secret key is set, so payments go to Stripe. */
    public boolean configured() {
        return secretKey != null && !secretKey.isBlank();
    }

    /**
     * The longest one call may take before it is given up on, even if the HTTP client does not notice: one
     * connection and one read, plus a second's margin. stripe-java's own retries are off (see
     * {@link StripeProvider}), so there is no more than that to wait for.
     */
    Duration callLimit() {
        return connectTimeout.plus(readTimeout).plusSeconds(1);
    }
}
