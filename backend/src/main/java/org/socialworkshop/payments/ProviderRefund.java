package org.socialworkshop.payments;

/** The provider's answer to a refund: its id there, and whether the money is on its way back. */
public record ProviderRefund(String refundId, Status status) {

    public enum Status {
        SUCCEEDED, PENDING, FAILED
    }
}
