package org.socialworkshop.payments;

import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Payment requests that cannot be carried out as asked. Nothing changes. */
public final class PaymentProblem extends ProblemException {

    private PaymentProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static PaymentProblem unknownSession() {
        return new PaymentProblem(HttpStatus.NOT_FOUND, "Not found", "There is no payment session with this id.");
    }

    static PaymentProblem sessionClosed() {
        return new PaymentProblem(HttpStatus.CONFLICT, "Payment session closed",
                "This payment session has already ended the other way, or timed out.");
    }

    static PaymentProblem notPaid() {
        return new PaymentProblem(HttpStatus.CONFLICT, "Not paid", "No payment has been captured for this order.");
    }

    static PaymentProblem refundTooLarge(long asked, long left) {
        return new PaymentProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Refund too large",
                "The refund of " + asked + " is more than the " + left + " left of the payment.");
    }
}
