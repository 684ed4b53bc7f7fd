package org.socialworkshop.piecework;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Days and months as the workshop counts them (Chengdu time), whatever time zone the server runs in: work, pay
 * and statements belong to the workshop's day, not the server's.
 */
final class WorkshopTime {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private WorkshopTime() {
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    static YearMonth thisMonth() {
        return YearMonth.now(ZONE);
    }
}
