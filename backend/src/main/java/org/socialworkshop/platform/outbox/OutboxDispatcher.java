package org.socialworkshop.platform.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.scheduling.Periodic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers outbox events to their handlers, safely from any number of instances at once.
 *
 * <p>Each delivery runs in one transaction: the row is claimed with {@code FOR UPDATE SKIP LOCKED} (so two
 * dispatchers never take the same row), the handler runs, and the row is marked done. A failing handler's work
 * is rolled back to a savepoint and the failure recorded with exponential backoff in that same transaction, so
 * no other dispatcher can run the handler again before the backoff is set; after {@code max-attempts} the
 * delivery is parked for an admin to look at ({@code GET /api/admin/outbox?status=PARKED}).
 * Counts are exported as {@code outbox.deliveries} (by outcome) and {@code outbox.backlog} (by status).
 */
@Component
public class OutboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Database db;
    private final JsonMapper json;
    private final ObjectProvider<OutboxHandler<?>> handlerBeans;
    private final Settings settings;
    private final Counter handled;
    private final Counter retried;
    private final Counter parked;
    private final AtomicLong pendingGauge = new AtomicLong();
    private final AtomicLong parkedGauge = new AtomicLong();
    private volatile Map<String, OutboxHandler<?>> handlers = Map.of();
    private volatile Disposable running = Disposables.disposed();

    OutboxDispatcher(Database db, JsonMapper json, ObjectProvider<OutboxHandler<?>> handlerBeans, Settings settings,
            MeterRegistry meters) {
        this.db = db;
        this.json = json;
        this.handlerBeans = handlerBeans;
        this.settings = settings;
        this.handled = Counter.builder("outbox.deliveries").tag("outcome", "handled").register(meters);
        this.retried = Counter.builder("outbox.deliveries").tag("outcome", "retried").register(meters);
        this.parked = Counter.builder("outbox.deliveries").tag("outcome", "parked").register(meters);
        meters.gauge("outbox.backlog", List.of(Tag.of("status", "pending")), pendingGauge);
        meters.gauge("outbox.backlog", List.of(Tag.of("status", "parked")), parkedGauge);
    }

    /** Tuning, from {@code workshop.outbox.*}. */
    @ConfigurationProperties("workshop.outbox")
    public record Settings(
            @DefaultValue("2") int workers,
            @DefaultValue("250ms") Duration pollInterval,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("1s") Duration firstBackoff,
            @DefaultValue("10m") Duration maxBackoff) {
    }

    /** Delivers every event that is due now, then completes with the number of deliveries attempted. */
    public Mono<Long> drain() {
        return Mono.defer(this::deliverNext).repeat().takeWhile(Boolean::booleanValue).count();
    }

    /** Claims and delivers one due event; {@code false} when none was due. */
    Mono<Boolean> deliverNext() {
        return db.inTransaction(() -> claim().flatMap(entry -> deliver(entry).thenReturn(true)).defaultIfEmpty(false));
    }

    /**
     * Only deliveries for handlers this instance has: during a rolling deploy an older instance leaves a new
     * handler's events to the instances that know it, instead of failing them towards parking.
     */
    private Mono<Claimed> claim() {
        return db.sql("""
                        SELECT id, handler, payload::text AS payload, attempts FROM outbox
                        WHERE status = 'PENDING' AND available_at <= now() AND handler = ANY(:handlers)
                        ORDER BY available_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .bind("handlers", handlers.keySet().toArray(String[]::new))
                .map(row -> new Claimed(row.get("id", Long.class), row.get("handler", String.class),
                        row.get("payload", String.class), row.get("attempts", Integer.class)))
                .one();
    }

    private Mono<Void> deliver(Claimed entry) {
        OutboxHandler<?> handler = handlers.get(entry.handler());
        Mono<Void> work = handler == null
                ? Mono.error(new IllegalStateException("No handler named " + entry.handler() + " is registered"))
                : handle(handler, entry.payload());
        // The failure is recorded in the same transaction, while the row is still locked: recorded after a
        // rollback, another dispatcher could claim the row in between and run the handler again without backoff.
        // The backoff counts from the failure (clock_timestamp), not from the start of the transaction (now()).
        return db.sql("SAVEPOINT outbox_handler").update()
                .then(work)
                .then(db.sql("UPDATE outbox SET status = 'DONE', attempts = attempts + 1, handled_at = now(), last_error = NULL WHERE id = :id")
                        .bind("id", entry.id()).update())
                .doOnSuccess(done -> handled.increment())
                .then()
                .onErrorResume(error -> db.sql("ROLLBACK TO SAVEPOINT outbox_handler").update()
                        .then(recordFailure(entry, error)));
    }

    private <E> Mono<Void> handle(OutboxHandler<E> handler, String payload) {
        return Mono.fromCallable(() -> json.readValue(payload, handler.eventType())).flatMap(handler::handle);
    }

    private Mono<Void> recordFailure(Claimed entry, Throwable error) {
        int attempts = entry.attempts() + 1;
        boolean park = attempts >= settings.maxAttempts();
        log.warn("Outbox delivery {} to {} failed (attempt {}){}", entry.id(), entry.handler(), attempts,
                park ? "; parked" : "", error);
        (park ? parked : retried).increment();
        return db.sql("""
                        UPDATE outbox SET attempts = :attempts, last_error = :error, status = :status,
                            available_at = clock_timestamp() + :delayMillis * interval '1 millisecond'
                        WHERE id = :id AND status = 'PENDING'""")
                .bind("attempts", attempts)
                .bind("error", describe(error))
                .bind("status", park ? "PARKED" : "PENDING")
                .bind("delayMillis", backoff(attempts).toMillis())
                .bind("id", entry.id())
                .update()
                .then();
    }

    /** The root cause, which says why (a translated SQL error's own message names only the statement). */
    private static String describe(Throwable error) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(error);
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    Duration backoff(int attempts) {
        Duration delay = settings.firstBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    private Mono<Void> refreshGauges() {
        return db.sql("SELECT status, count(*) AS n FROM outbox WHERE status <> 'DONE' GROUP BY status")
                .map(row -> Map.entry(row.get("status", String.class), row.get("n", Long.class)))
                .list()
                .doOnNext(counts -> {
                    Map<String, Long> byStatus = counts.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                    pendingGauge.set(byStatus.getOrDefault("PENDING", 0L));
                    parkedGauge.set(byStatus.getOrDefault("PARKED", 0L));
                })
                .then();
    }

    @Override
    public void start() {
        handlers = handlerBeans.orderedStream().collect(Collectors.toMap(OutboxHandler::name, Function.identity()));
        Disposable.Composite all = Disposables.composite();
        for (int worker = 0; worker < settings.workers(); worker++) {
            all.add(Periodic.every(settings.pollInterval(), "delivering outbox events", this::drain, delivered -> { }));
        }
        all.add(Periodic.every(Duration.ofSeconds(15), "counting the outbox backlog", this::refreshGauges, nothing -> { }));
        running = all;
    }

    @Override
    public void stop() {
        running.dispose();
    }

    @Override
    public boolean isRunning() {
        return !running.isDisposed();
    }

    private record Claimed(long id, String handler, String payload, int attempts) {
    }
}
