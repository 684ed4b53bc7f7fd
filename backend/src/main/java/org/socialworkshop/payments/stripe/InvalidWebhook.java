package org.socialworkshop.payments.stripe;

import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A webhook call that is not a Stripe event signed with our secret in the last five minutes. Nothing is stored. */
public final class InvalidWebhook extends ProblemException {

    private InvalidWebhook(String detail) {
        super(HttpStatus.BAD_REQUEST, "Invalid webhook signature", detail);
    }

    static InvalidWebhook missingSignature() {
        return new InvalidWebhook("The Stripe-Signature header is missing.");
    }

    static InvalidWebhook forged() {
        return new InvalidWebhook("The Stripe-Signature header does not sign this payload with our secret, "
                + "or was made more than " + StripeWebhooks.TOLERANCE_SECONDS + " seconds ago.");
    }

    static InvalidWebhook unreadable() {
        return new InvalidWebhook("The Stripe-Signature header or the payload cannot be read as a Stripe event.");
    }
}
