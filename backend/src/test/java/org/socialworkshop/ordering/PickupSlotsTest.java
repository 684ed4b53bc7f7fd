package org.socialworkshop.ordering;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.socialworkshop.shop.Shop;

import static org.assertj.core.api.Assertions.assertThat;

/** Pickup times follow the shop's opening hours: none on a closed weekday or a closed date, all within the day's hours. */
class PickupSlotsTest {

    private static final ZoneId CHENGDU = ZoneId.of("Asia/Shanghai");
    private static final OrderingSettings.Pickup PICKUP = new OrderingSettings.Pickup(Duration.ofMinutes(30), Duration.ofHours(1), 7);
    /** A Monday morning before opening. */
    private static final ZonedDateTime MONDAY_EARLY = ZonedDateTime.of(2026, 12, 7, 8, 0, 0, 0, CHENGDU);

    @Test
    void slotsLieWithinEachDaysHoursAndSkipClosedWeekdays() {
        Shop shop = shop(List.of(), day(DayOfWeek.MONDAY, null, null), day(DayOfWeek.TUESDAY, "09:00", "11:00"),
                day(DayOfWeek.WEDNESDAY, "14:00", "15:30"));

        List<OffsetDateTime> slots = PickupSlots.offered(shop, PICKUP, MONDAY_EARLY);

        assertThat(slots).noneMatch(slot -> slot.toLocalDate().equals(LocalDate.of(2026, 12, 7)));
        assertThat(times(slots, LocalDate.of(2026, 12, 8))).containsExactly("09:00", "09:30", "10:00", "10:30");
        assertThat(times(slots, LocalDate.of(2026, 12, 9))).containsExactly("14:00", "14:30", "15:00");
        assertThat(slots).allMatch(slot -> slot.getOffset().equals(CHENGDU.getRules().getOffset(slot.toInstant())));
    }

    @Test
    void aClosedDateHasNoSlotsWhateverItsWeekday() {
        LocalDate holiday = LocalDate.of(2026, 12, 8);
        Shop shop = shop(List.of(holiday), day(DayOfWeek.TUESDAY, "09:00", "11:00"), day(DayOfWeek.WEDNESDAY, "09:00", "10:00"));

        List<OffsetDateTime> slots = PickupSlots.offered(shop, PICKUP, MONDAY_EARLY);

        assertThat(times(slots, holiday)).isEmpty();
        assertThat(times(slots, LocalDate.of(2026, 12, 9))).containsExactly("09:00", "09:30");
    }

    @Test
    void todaysSlotsStartAfterTheLeadTime() {
        Shop shop = shop(List.of(), day(DayOfWeek.MONDAY, "10:00", "12:00"));

        List<OffsetDateTime> slots = PickupSlots.offered(shop, PICKUP, MONDAY_EARLY.withHour(10).withMinute(15));

        assertThat(times(slots, LocalDate.of(2026, 12, 7))).containsExactly("11:30");
    }

    private static List<String> times(List<OffsetDateTime> slots, LocalDate date) {
        return slots.stream().map(slot -> slot.atZoneSameInstant(CHENGDU))
                .filter(slot -> slot.toLocalDate().equals(date))
                .map(slot -> slot.toLocalTime().toString()).toList();
    }

    private static Shop.Day day(DayOfWeek day, String opens, String closes) {
        return new Shop.Day(day, opens == null ? null : LocalTime.parse(opens), closes == null ? null : LocalTime.parse(closes));
    }

    /** A week where the given days have their hours and every other weekday is closed. */
    private static Shop shop(List<LocalDate> closed, Shop.Day... open) {
        List<Shop.Day> week = Arrays.stream(DayOfWeek.values()).map(weekday -> Arrays.stream(open)
                .filter(day -> day.day() == weekday).findFirst().orElse(new Shop.Day(weekday, null, null))).toList();
        return new Shop(1, "锦爱工坊", "Jin'ai", "地址", "Address", "柜台", "Counter", "进门", "Inside", week, closed,
                "028-0000", "a@example.org", "法定名称", "91510104MA0000000X");
    }
}
