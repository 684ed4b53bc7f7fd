package org.socialworkshop.payments.stripe;

import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * Stripe understood the request and said no (an invalid request, a declined card, a reused idempotency key
 * with other parameters): retrying as it is will not help. Nothing changed at Stripe.
 */
public final class StripeRefused extends ProblemException {

    private StripeRefused(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    /** A refund Stripe will not make, such as more than is left of the payment: for staff to correct. */
    static StripeRefused refund(String reason) {
        return new StripeRefused(HttpStatus.UNPROCESSABLE_ENTITY, "Refund refused",
                "Stripe refused the refund: " + reason);
    }

    /** A request of ours Stripe rejects: a fault on our side, not the buyer's. */
    static StripeRefused request(String what, String reason) {
        return new StripeRefused(HttpStatus.BAD_GATEWAY, "Payment provider refused",
                "Stripe refused to " + what + ": " + reason);
    }
}
