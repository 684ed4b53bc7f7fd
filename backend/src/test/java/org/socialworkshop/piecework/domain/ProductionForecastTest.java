package org.socialworkshop.piecework.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.socialworkshop.piecework.domain.ProductionForecast.Load;
import org.socialworkshop.piecework.domain.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of production: working days, the split in proportion to output, and the forecast against a date. */
class ProductionForecastTest {

    /** A Wednesday. */
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 9);

    @Test
    void workingDaysAreMondayToFriday() {
        assertThat(WEDNESDAY.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(WorkingDays.after(WEDNESDAY, 0)).isEqualTo(WEDNESDAY);
        assertThat(WorkingDays.after(WEDNESDAY, 2)).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(WorkingDays.after(WEDNESDAY, 3)).as("over the weekend").isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(WorkingDays.after(LocalDate.of(2026, 12, 12), 1)).as("from a Saturday").isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(WorkingDays.between(WEDNESDAY.minusDays(28), WEDNESDAY.minusDays(1))).as("four weeks").isEqualTo(20);
    }

    @Property
    void theNthWorkingDayAfterIsAWorkingDayWithNWorkingDaysUpToIt(@ForAll @IntRange(min = 0, max = 6) int start,
            @ForAll @IntRange(min = 1, max = 400) int n) {
        LocalDate from = WEDNESDAY.plusDays(start);
        LocalDate day = WorkingDays.after(from, n);
        assertThat(WorkingDays.isWorkingDay(day)).isTrue();
        assertThat(WorkingDays.between(from.plusDays(1), day)).isEqualTo(n);
    }

    @Test
    void aSplitFollowsOutputAndSumsExactly() {
        Map<String, Long> output = new LinkedHashMap<>();
        output.put("王", 60L);
        output.put("李", 30L);
        output.put("张", 10L);
        output.put("赵", 0L);
        assertThat(ProportionalSplit.of(100, output)).containsExactly(Map.entry("王", 60), Map.entry("李", 30), Map.entry("张", 10));
        assertThat(ProportionalSplit.of(10, Map.of("a", 1L, "b", 1L, "c", 1L)).values()).containsExactlyInAnyOrder(4, 3, 3);
        assertThat(ProportionalSplit.of(7, Map.of("nobody", 0L))).as("no output, no suggestion").isEmpty();
    }

    @Property
    void aSplitNeverLosesOrMakesUpAPiece(@ForAll @IntRange(min = 0, max = 1_000_000) int total,
            @ForAll @Size(min = 1, max = 30) List<@LongRange(min = 1, max = 100_000) Long> weights) {
        Map<Integer, Long> byMaker = new LinkedHashMap<>();
        for (int i = 0; i < weights.size(); i++) {
            byMaker.put(i, weights.get(i));
        }
        Map<Integer, Integer> split = ProportionalSplit.of(total, byMaker);
        assertThat(split.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
        long sum = weights.stream().mapToLong(Long::longValue).sum();
        split.forEach((maker, pieces) -> assertThat(Math.abs(pieces - (double) total * byMaker.get(maker) / sum)).isLessThan(1.0));
    }

    @Test
    void theOrderFinishesWithItsSlowestOperation() {
        ProductionForecast<String> forecast = new ProductionForecast<>(WEDNESDAY, 20);
        // Weaving: 100 left at 100 in 20 days = 5 a day → 20 working days. Packing: 100 left at 400 → 5 days.
        List<Load<String>> loads = List.of(new Load<>("weaving", 100, 100), new Load<>("packing", 100, 400));
        LocalDate weavingDone = WorkingDays.after(WEDNESDAY, 20);
        ProductionForecast.Outcome<String> late = forecast.forecast(loads, weavingDone.minusDays(1));
        assertThat(late.verdict()).isEqualTo(Verdict.LATE);
        assertThat(late.meetsWantedDate()).isFalse();
        assertThat(late.finishes()).isEqualTo(weavingDone);
        assertThat(late.bottleneck().operation()).isEqualTo("weaving");
        assertThat(late.bottleneck().workingDays()).isEqualTo(20L);
        ProductionForecast.Outcome<String> onTime = forecast.forecast(loads, weavingDone);
        assertThat(onTime.verdict()).isEqualTo(Verdict.ON_TIME);
        assertThat(onTime.meetsWantedDate()).isTrue();
        assertThat(forecast.finish(new Load<>("packing", 1, 400)).workingDays()).as("a part of a day is a day").isEqualTo(1L);
    }

    @Test
    void anOperationNobodyMadeLatelyCannotBeForecast() {
        ProductionForecast<String> forecast = new ProductionForecast<>(WEDNESDAY, 20);
        ProductionForecast.Outcome<String> outcome = forecast.forecast(List.of(new Load<>("weaving", 10, 1000), new Load<>("engraving", 5, 0)),
                WEDNESDAY.plusYears(1));
        assertThat(outcome.verdict()).isEqualTo(Verdict.NO_RECENT_OUTPUT);
        assertThat(outcome.meetsWantedDate()).isFalse();
        assertThat(outcome.finishes()).isNull();
        assertThat(outcome.bottleneck().operation()).isEqualTo("engraving");
    }

    @Test
    void madeAlreadyOrNothingToMake() {
        ProductionForecast<String> forecast = new ProductionForecast<>(WEDNESDAY, 20);
        ProductionForecast.Outcome<String> done = forecast.forecast(List.of(new Load<>("weaving", 0, 0)), WEDNESDAY.minusDays(3));
        assertThat(done.verdict()).isEqualTo(Verdict.DONE);
        assertThat(done.meetsWantedDate()).isTrue();
        assertThat(done.bottleneck()).isNull();
        ProductionForecast.Outcome<String> nothing = forecast.forecast(List.of(), WEDNESDAY);
        assertThat(nothing.verdict()).isEqualTo(Verdict.NOTHING_TO_MAKE);
        assertThat(nothing.meetsWantedDate()).isNull();
    }
}
