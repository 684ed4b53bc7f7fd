/**
 * Payment providers behind one port ({@link org.socialworkshop.payments.PaymentProvider}): Stripe when a secret
 * key is configured, otherwise a clearly labelled demo provider. Records payment attempts and provider events,
 * and reports what happened through outbox events ({@code PaymentCaptured}, {@code PaymentFailed},
 * {@code PaymentRefundedExternally}); it never calls back into the modules that use it.
 */
@NullMarked
@ApplicationModule(displayName = "Payments", allowedDependencies = {"platform :: *", "shared"})
package org.socialworkshop.payments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
