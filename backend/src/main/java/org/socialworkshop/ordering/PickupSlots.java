package org.socialworkshop.ordering;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.socialworkshop.shop.Shop;

/**
 * The pickup times offered: slots of the configured length within each day's opening hours, none on a closed weekday
 * or a closed date, from the lead time ahead, for the configured number of days.
 */
final class PickupSlots {

    private PickupSlots() {
    }

    static List<OffsetDateTime> offered(Shop shop, OrderingSettings.Pickup pickup, ZonedDateTime now) {
        ZonedDateTime earliest = now.plus(pickup.leadTime());
        List<OffsetDateTime> slots = new ArrayList<>();
        for (int day = 0; day < pickup.days(); day++) {
            LocalDate date = now.toLocalDate().plusDays(day);
            shop.openOn(date).ifPresent(open -> {
                for (LocalTime start : starts(open.opens(), open.closes(), pickup.slotLength())) {
                    ZonedDateTime slot = date.atTime(start).atZone(now.getZone());
                    if (!slot.isBefore(earliest)) {
                        slots.add(slot.toOffsetDateTime());
                    }
                }
            });
        }
        return slots;
    }

    /** Starts of the slots that end by closing time (a slot never runs past midnight). */
    private static List<LocalTime> starts(LocalTime opens, LocalTime closes, Duration length) {
        List<LocalTime> starts = new ArrayList<>();
        for (LocalTime start = opens; !start.plus(length).isAfter(closes) && start.plus(length).isAfter(start);
                start = start.plus(length)) {
            starts.add(start);
        }
        return starts;
    }
}
