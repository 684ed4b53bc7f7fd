package org.socialworkshop.piecework.domain;

/** Why money moved; every ledger transaction names one, and where it came from. */
public enum Reason {
    /** Accepted pieces of a work record, at the rate in force on the day of the work. */
    WORK,
    /** A maker's share of a consignment sale. */
    SALE_SHARE,
    /** The share given back when such a sale is refunded. */
    REFUND_SHARE,
    /** Money paid out to the maker. */
    PAYOUT,
    /** A correction or one-off amount, with who and why. */
    ADJUSTMENT,
    /** Made up to the minimum wage for the hours worked in a month. */
    TOP_UP,
    /** Undoes an earlier transaction, which stays in the ledger. */
    REVERSAL
}
