package org.socialworkshop.shop;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The shop as everyone sees it, in both languages, at one {@code version}.
 *
 * @param hours       one entry per weekday, Monday first; a closed weekday has neither time
 * @param closedDates days the shop stays closed whatever the weekday (holidays)
 * @param legalName   the seller receipts name
 * @param taxId       the seller's unified social credit code, printed on receipts
 */
public record Shop(int version, String nameZh, String nameEn, String addressZh, String addressEn, String pickupPointZh,
        String pickupPointEn, String directionsZh, String directionsEn, List<Day> hours, List<LocalDate> closedDates,
        String phone, String email, String legalName, String taxId) {

    /** A weekday's opening hours, or neither time when the shop is closed on that weekday. */
    public record Day(DayOfWeek day, @Nullable LocalTime opens, @Nullable LocalTime closes) {

        boolean open() {
            return opens != null && closes != null;
        }
    }

    /** When the shop is open on {@code date}: that weekday's hours, unless the weekday or the date is closed. */
    public Optional<Day> openOn(LocalDate date) {
        if (closedDates.contains(date)) {
            return Optional.empty();
        }
        return hours.stream().filter(day -> day.day() == date.getDayOfWeek() && day.open()).findFirst();
    }
}
