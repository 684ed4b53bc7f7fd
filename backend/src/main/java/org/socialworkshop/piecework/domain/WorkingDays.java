package org.socialworkshop.piecework.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The workshop's working days: Monday to Friday. Public holidays and the makers' own days off are not known to the
 * system (yet), so a forecast in working days is as good as the weeks it spans are ordinary.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Working days from {@code first} to {@code last}, both counted; none when {@code last} is before {@code first}. */
    public static int between(LocalDate first, LocalDate last) {
        int count = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The {@code n}th working day after {@code day} ({@code day} itself when {@code n} is 0). */
    public static LocalDate after(LocalDate day, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        // Any seven days in a row hold five working days: whole weeks first, so a forecast of years is not walked day by day.
        long weeks = n > 0 ? (n - 1) / 5 : 0;
        LocalDate result = day.plusWeeks(weeks);
        long left = n - weeks * 5;
        while (left > 0) {
            result = result.plusDays(1);
            if (isWorkingDay(result)) {
                left--;
            }
        }
        return result;
    }
}
