package org.socialworkshop.piecework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * Days and months as the workshop counts them, read from the shop's {@link Clock} (Chengdu time, whatever time zone
 * the server runs in): work, pay and statements belong to the workshop's day, not the server's.
 */
@Component
class WorkshopTime {

    private final Clock clock;

    WorkshopTime(Clock clock) {
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    YearMonth thisMonth() {
        return YearMonth.now(clock);
    }

    ZoneId zone() {
        return clock.getZone();
    }
}
