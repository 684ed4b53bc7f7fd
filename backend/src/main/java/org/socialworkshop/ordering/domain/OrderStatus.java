package org.socialworkshop.ordering.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where an order stands. The allowed moves between statuses are listed here, in one place. */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, FULFILLED, CANCELLED, REFUNDED, PARTIALLY_REFUNDED;

    /** The statuses this one may move to. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING_PAYMENT -> EnumSet.of(PAID, CANCELLED);
            case PAID -> EnumSet.of(FULFILLED, PARTIALLY_REFUNDED, REFUNDED);
            case FULFILLED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
            // what was not refunded is still handed over
            case PARTIALLY_REFUNDED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED, FULFILLED);
            case CANCELLED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** Money has been received for the order (and not all of it given back). */
    public boolean isPaid() {
        return this == PAID || this == FULFILLED || this == PARTIALLY_REFUNDED;
    }
}
