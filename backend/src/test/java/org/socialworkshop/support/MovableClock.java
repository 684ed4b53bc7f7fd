package org.socialworkshop.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * An instant a test sets by hand, to stand in for the shop's clock of a {@link SecondInstance}: the instance keeps
 * its own time zone (the workshop's), only the instant is the test's.
 */
public final class MovableClock {

    private volatile Instant now;

    public MovableClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    /** A {@link Clock} reading this instant in {@code zone}. */
    Clock in(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return in(other);
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }
}
