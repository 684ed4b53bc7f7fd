package org.socialworkshop.payments;

/** Where one attempt to pay stands in this application's books. */
public enum PaymentStatus {
    OPEN, SUCCEEDED, FAILED, EXPIRED
}
