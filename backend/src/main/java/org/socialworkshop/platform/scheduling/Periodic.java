package org.socialworkshop.platform.scheduling;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs reactive work every {@code period}, one run at a time: a tick that arrives while a run is still going is
 * dropped, and a failed run is logged and tried again at the next tick, so one bad run never stops the loop.
 * The work itself must be safe on several instances at once (SKIP LOCKED, idempotent statements).
 */
public final class Periodic {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private Periodic() {
    }

    /**
     * @param what names the work in log lines, e.g. "releasing expired reservations"
     * @param onResult receives each run's result (runs that complete empty pass nothing)
     * @return dispose it to stop
     */
    public static <T> Disposable every(Duration period, String what, Supplier<Mono<T>> work, Consumer<T> onResult) {
        return run(Flux.interval(period, period).onBackpressureDrop(), period, what, work, onResult);
    }

    /**
     * Runs the work whenever {@code signals} emits, and at the latest every {@code period} as a safety net. A signal
     * that arrives during a run is kept (the latest one), so the work runs once more after it: whatever the signal
     * announced after the run had looked is never left until the next period.
     */
    public static <T> Disposable whenSignalled(Flux<?> signals, Duration period, String what, Supplier<Mono<T>> work,
            Consumer<T> onResult) {
        return run(Flux.merge(signals, Flux.interval(period, period)).onBackpressureLatest(), period, what, work, onResult);
    }

    private static <T> Disposable run(Flux<?> ticks, Duration period, String what, Supplier<Mono<T>> work, Consumer<T> onResult) {
        return ticks
                .concatMap(tick -> work.get().onErrorResume(error -> {
                    log.warn("Failed {}; trying again in {}", what, period, error);
                    return Mono.empty();
                }), 0)
                .subscribe(onResult);
    }
}
