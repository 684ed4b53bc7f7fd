/**
 * Stripe behind the payments port: Checkout Sessions for payment pages, Refunds, and verified webhook events,
 * active only when {@code STRIPE_SECRET_KEY} is set.
 */
@NullMarked
package org.socialworkshop.payments.stripe;

import org.jspecify.annotations.NullMarked;
