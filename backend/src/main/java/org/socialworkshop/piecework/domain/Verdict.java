package org.socialworkshop.piecework.domain;

/** What a production forecast says of an order as a whole. See {@link ProductionForecast}. */
public enum Verdict {
    /** None of the products has piece operations: there is nothing to forecast. */
    NOTHING_TO_MAKE,
    /** Every piece needed is checked already. */
    DONE,
    ON_TIME,
    LATE,
    /** An operation has pieces left and nobody made it lately. */
    NO_RECENT_OUTPUT
}
