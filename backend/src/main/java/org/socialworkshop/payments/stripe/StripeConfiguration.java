package org.socialworkshop.payments.stripe;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The Stripe provider and its webhook verifier, when a secret key is configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(StripeConfigured.class)
@EnableConfigurationProperties(StripeSettings.class)
class StripeConfiguration {

    @Bean
    StripeProvider stripeProvider(StripeSettings settings) {
        return new StripeProvider(settings);
    }

    /** Refuses to start without a webhook secret: without it no payment would ever be confirmed. */
    @Bean
    StripeWebhooks stripeWebhooks(StripeSettings settings) {
        String secret = settings.webhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("STRIPE_WEBHOOK_SECRET (stripe.webhook-secret) must be set when "
                    + "STRIPE_SECRET_KEY is: Stripe's payment events could not be verified without it.");
        }
        return new StripeWebhooks(secret);
    }
}
