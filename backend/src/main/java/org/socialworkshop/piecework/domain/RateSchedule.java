package org.socialworkshop.piecework.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An operation's piece rates, each in force from its date until the next one: work is always paid at the rate in
 * force on the day it was done, whenever it is checked.
 */
public final class RateSchedule {

    private final NavigableMap<LocalDate, Long> rates;

    public RateSchedule(Map<LocalDate, Long> rates) {
        rates.values().forEach(rate -> {
            if (rate < 0) {
                throw new PieceworkRuleBroken(PieceworkRuleBroken.Rule.INVALID, "A piece rate cannot be negative.");
            }
        });
        this.rates = new TreeMap<>(rates);
    }

    /** The rate in fen per piece on {@code day}. */
    public long rateOn(LocalDate day) {
        Map.Entry<LocalDate, Long> inForce = rates.floorEntry(day);
        if (inForce == null) {
            throw new PieceworkRuleBroken(PieceworkRuleBroken.Rule.NO_RATE, "No piece rate was in force on " + day + ".");
        }
        return inForce.getValue();
    }
}
