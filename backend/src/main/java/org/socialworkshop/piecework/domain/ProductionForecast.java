package org.socialworkshop.piecework.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * When an order's pieces will be made at recent output. Each operation goes on at the pace its makers kept lately:
 * the pieces they had accepted over a window of working days, per working day. An operation with pieces left finishes
 * on the working day after today by which that pace makes them (today's work is not counted on); the operations go on
 * side by side (pieces pass from one to the next as they are made), so the order finishes with its slowest operation:
 * the bottleneck. An operation with pieces left and no recent output cannot be forecast: the date is not met.
 *
 * @param <K> what names an operation
 */
public final class ProductionForecast<K> {

    /** An operation's pieces left, and the accepted pieces its makers checked in the window. */
    public record Load<K>(K operation, int remaining, long recentPieces) {

        public Load {
            if (remaining < 0 || recentPieces < 0) {
                throw new IllegalArgumentException("pieces must not be negative");
            }
        }
    }

    /** An operation's forecast: working days still needed and the day it finishes; both null without recent output. */
    public record Finish<K>(K operation, int remaining, long recentPieces, @Nullable Long workingDays, @Nullable LocalDate finishes) {

        public boolean stalled() {
            return remaining > 0 && finishes == null;
        }
    }

    /** The order's forecast: the day its last operation finishes (null unless ON_TIME or LATE) and its slowest operation. */
    public record Outcome<K>(Verdict verdict, List<Finish<K>> operations, @Nullable LocalDate finishes, @Nullable Finish<K> bottleneck) {

        /** Whether the date wanted is met: null when there is nothing to make. */
        public @Nullable Boolean meetsWantedDate() {
            return switch (verdict) {
                case NOTHING_TO_MAKE -> null;
                case DONE, ON_TIME -> true;
                case LATE, NO_RECENT_OUTPUT -> false;
            };
        }
    }

    private final LocalDate today;
    private final int windowWorkingDays;

    /** A forecast made {@code today} from output over a window of {@code windowWorkingDays} working days. */
    public ProductionForecast(LocalDate today, int windowWorkingDays) {
        if (windowWorkingDays < 1) {
            throw new IllegalArgumentException("the window must hold a working day");
        }
        this.today = today;
        this.windowWorkingDays = windowWorkingDays;
    }

    public Finish<K> finish(Load<K> load) {
        if (load.remaining() == 0) {
            return new Finish<>(load.operation(), 0, load.recentPieces(), 0L, today);
        }
        if (load.recentPieces() == 0) {
            return new Finish<>(load.operation(), load.remaining(), 0, null, null);
        }
        long days = ceilDiv((long) load.remaining() * windowWorkingDays, load.recentPieces());
        return new Finish<>(load.operation(), load.remaining(), load.recentPieces(), days, WorkingDays.after(today, days));
    }

    public Outcome<K> forecast(List<Load<K>> loads, LocalDate wantedBy) {
        List<Finish<K>> finishes = new ArrayList<>(loads.stream().map(this::finish).toList());
        if (finishes.isEmpty()) {
            return new Outcome<>(Verdict.NOTHING_TO_MAKE, finishes, null, null);
        }
        Optional<Finish<K>> stalled = finishes.stream().filter(Finish::stalled)
                .max(Comparator.comparingInt(Finish::remaining));
        if (stalled.isPresent()) {
            return new Outcome<>(Verdict.NO_RECENT_OUTPUT, finishes, null, stalled.get());
        }
        Optional<Finish<K>> slowest = finishes.stream().filter(finish -> finish.remaining() > 0)
                .max(Comparator.comparing(Finish<K>::finishes, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (slowest.isEmpty()) {
            return new Outcome<>(Verdict.DONE, finishes, null, null);
        }
        LocalDate last = slowest.get().finishes();
        return new Outcome<>(last != null && last.isAfter(wantedBy) ? Verdict.LATE : Verdict.ON_TIME, finishes, last, slowest.get());
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
