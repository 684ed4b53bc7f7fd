package org.socialworkshop.payments;

import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The payment provider could not be reached in time, or answered with an error of its own. */
public final class PaymentUnavailable extends ProblemException {

    public PaymentUnavailable(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Payment unavailable", detail);
    }
}
