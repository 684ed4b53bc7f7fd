package org.socialworkshop.payments.stripe;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code stripe.secret-key} has a non-blank value. {@code @ConditionalOnProperty} would also match
 * the empty value an unset {@code ${STRIPE_SECRET_KEY:}} placeholder leaves behind.
 */
public final class StripeConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return in(context.getEnvironment());
    }

    /** Whether Stripe takes payments in this environment; the demo provider's condition is the opposite. */
    public static boolean in(Environment environment) {
        String key = environment.getProperty("stripe.secret-key");
        return key != null && !key.isBlank();
    }
}
