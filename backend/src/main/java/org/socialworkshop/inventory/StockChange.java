package org.socialworkshop.inventory;

/**
 * The kinds of movement in the journal, each with what it does to on-hand and reserved units. Plain Java: the
 * arithmetic of stock lives here, not in SQL strings.
 */
public enum StockChange {
    /** Finished goods arrive from production. */
    RECEIVED,
    /** Reserved units leave with a paid order. */
    SOLD,
    /** Units set aside for an order awaiting payment. */
    RESERVED,
    /** A reservation given up or expired. */
    RELEASED,
    /** A count corrected, with a reason. */
    ADJUSTED,
    /** Sold units brought back with a refund, fit to sell again. */
    RETURNED,
    TRANSFERRED_IN,
    TRANSFERRED_OUT;

    /** The change to on-hand units for a movement of {@code quantity} (adjustments carry their own sign). */
    long onHandDelta(long quantity) {
        return switch (this) {
            case RECEIVED, TRANSFERRED_IN, ADJUSTED, RETURNED -> quantity;
            case SOLD, TRANSFERRED_OUT -> -quantity;
            case RESERVED, RELEASED -> 0;
        };
    }

    /** The change to reserved units. */
    long reservedDelta(long quantity) {
        return switch (this) {
            case RESERVED -> quantity;
            case RELEASED, SOLD -> -quantity;
            default -> 0;
        };
    }
}
