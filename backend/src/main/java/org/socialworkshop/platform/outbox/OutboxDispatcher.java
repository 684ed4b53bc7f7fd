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
import io.r2dbc.spi.R2dbcException;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers outbox events to their handlers, safely from any number of instances at once.
 *
 * <p>Deliveries go in batches, one transaction each: up to {@code batch-size} due rows of one handler are claimed
 * with {@code FOR UPDATE SKIP LOCKED} (so two dispatchers never take the same row), their handlers run one after
 * the other, and the rows are marked done together before the commit. When a handler fails, the batch's work is
 * rolled back to the savepoint set after the claim and the batch goes again in the same transaction, each
 * delivery behind a savepoint of its own: the failed one is not run again but has its failure recorded with
 * exponential backoff, so no other dispatcher can run the handler again before the backoff is set, and the
 * others run again (their first run was undone). A savepoint per delivery costs a round trip each, which the
 * common case, a batch in which nothing fails, no longer pays (docs/performance.md, "outbox"). After
 * {@code max-attempts} the delivery is parked for an admin to look at ({@code GET /api/admin/outbox?status=PARKED}).
 * A worker killed mid-batch loses its transaction: the effects and the marks go together, and the rows are due again.
 *
 * <p>Workers sleep until {@link OutboxSignal} says a commit added deliveries, and look anyway every
 * {@code poll-interval} for deliveries whose backoff has passed. Counts are exported as {@code outbox.deliveries}
 * (by outcome) and {@code outbox.backlog} (by status).
 */
@Component
public class OutboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Database db;
    private final JsonMapper json;
    private final ObjectProvider<OutboxHandler<?>> handlerBeans;
    private final Settings settings;
    private final OutboxSignal signal;
    private final Counter handled;
    private final Counter retried;
    private final Counter parked;
    private final AtomicLong pendingGauge = new AtomicLong();
    private final AtomicLong parkedGauge = new AtomicLong();
    private volatile Map<String, OutboxHandler<?>> handlers = Map.of();
    /** The handlers' names and, at the same index, how many of each one batch claims at most. */
    private volatile BatchSizes batchSizes = new BatchSizes(new String[0], new Integer[0]);
    private volatile Disposable running = Disposables.disposed();

    OutboxDispatcher(Database db, JsonMapper json, ObjectProvider<OutboxHandler<?>> handlerBeans, Settings settings,
            OutboxSignal signal, MeterRegistry meters) {
        this.db = db;
        this.signal = signal;
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
            @DefaultValue("50") int batchSize,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("1s") Duration firstBackoff,
            @DefaultValue("10m") Duration maxBackoff) {
    }

    /** Delivers every event that is due now, then completes with the number of deliveries attempted. */
    public Mono<Long> drain() {
        return Mono.defer(this::deliverBatch).repeat().takeWhile(claimed -> claimed > 0).reduce(0L, Long::sum);
    }

    /** Claims and delivers one batch of due events; completes with how many it claimed (0: none was due). */
    Mono<Integer> deliverBatch() {
        return db.inTransaction(() -> claim()
                .flatMap(batch -> db.sql("SAVEPOINT outbox_delivery").update()
                        .then(deliverAll(batch))
                        .flatMap(this::markDone)
                        .thenReturn(batch.size()))
                .defaultIfEmpty(0));
    }

    /**
     * The oldest due rows of one handler, the handler of the oldest due row nobody holds, in one statement. One
     * handler per batch keeps a transaction's locks to what that handler takes. Only deliveries for handlers this
     * instance has: during a rolling deploy an older instance leaves a new handler's events to the instances that
     * know it, instead of failing them towards parking.
     */
    private Mono<List<Claimed>> claim() {
        return db.sql("""
                        WITH oldest AS (
                            SELECT handler FROM outbox
                            WHERE status = 'PENDING' AND available_at <= now() AND handler = ANY(:handlers)
                            ORDER BY available_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                        SELECT o.id, o.handler, o.payload::text AS payload, o.attempts FROM outbox o
                        WHERE o.status = 'PENDING' AND o.available_at <= now() AND o.handler = (SELECT handler FROM oldest)
                        ORDER BY o.available_at, o.id
                        LIMIT (SELECT s.size FROM unnest(CAST(:handlers AS text[]), CAST(:sizes AS int[])) AS s (handler, size)
                               WHERE s.handler = (SELECT handler FROM oldest))
                        FOR UPDATE OF o SKIP LOCKED""")
                .bind("handlers", batchSizes.handlers())
                .bind("sizes", batchSizes.sizes())
                .map(row -> new Claimed(row.get("id", Long.class), row.get("handler", String.class),
                        row.get("payload", String.class), row.get("attempts", Integer.class)))
                .list()
                .filter(batch -> !batch.isEmpty());
    }

    /**
     * Runs the batch's handlers one after the other, with no savepoint between them; completes with the ids of those
     * that succeeded. On the first failure, undoes the batch back to the savepoint set after the claim and goes
     * again {@linkplain #deliverEach carefully}.
     */
    private Mono<List<Long>> deliverAll(List<Claimed> batch) {
        return Flux.fromIterable(batch)
                .concatMap(entry -> run(entry).onErrorMap(error -> new Failed(entry, error)))
                .then(Mono.fromSupplier(() -> batch.stream().map(Claimed::id).toList()))
                .onErrorResume(Failed.class, failed -> db.sql("ROLLBACK TO SAVEPOINT outbox_delivery").update()
                        .then(deliverEach(batch, failed)));
    }

    /**
     * The batch again after {@code failed} undid it: each delivery behind a savepoint of its own, the failed one
     * recorded as failed without being run again.
     */
    private Mono<List<Long>> deliverEach(List<Claimed> batch, Failed failed) {
        return Flux.fromIterable(batch).index()
                .concatMap(numbered -> {
                    Claimed entry = numbered.getT2();
                    boolean last = numbered.getT1() == batch.size() - 1;
                    return entry == failed.entry()
                            ? failed(entry, failed.getCause()).then(nextSavepoint(last)).then(Mono.<Long>empty())
                            : deliver(entry, last);
                })
                .collectList();
    }

    /**
     * Runs one delivery's handler behind the savepoint set before it; completes with its id when it succeeded, empty
     * when it failed (its work undone and the failure recorded). Then, unless it was the batch's last, releases the
     * savepoint and sets the next one in the same round trip.
     */
    private Mono<Long> deliver(Claimed entry, boolean last) {
        // The failure is recorded in the same transaction, while the row is still locked: recorded after a
        // rollback, another dispatcher could claim the row in between and run the handler again without backoff.
        return run(entry).then(nextSavepoint(last)).thenReturn(entry.id())
                .onErrorResume(error -> db.sql("ROLLBACK TO SAVEPOINT outbox_delivery").update()
                        .then(failed(entry, error))
                        .then(nextSavepoint(last))
                        .then(Mono.empty()));
    }

    private Mono<Void> run(Claimed entry) {
        OutboxHandler<?> handler = handlers.get(entry.handler());
        return handler == null
                ? Mono.error(new IllegalStateException("No handler named " + entry.handler() + " is registered"))
                : handle(handler, entry.payload());
    }

    private Mono<Void> nextSavepoint(boolean last) {
        return last ? Mono.empty() : db.sql("RELEASE SAVEPOINT outbox_delivery; SAVEPOINT outbox_delivery").update().then();
    }

    /** A delivery that failed, its work undone: left for the next batch after a lock conflict, else recorded. */
    private Mono<Void> failed(Claimed entry, Throwable error) {
        return lockConflict(error) ? leaveForNextBatch(entry, error) : recordFailure(entry, error);
    }

    /** The successful deliveries of a batch, marked done in one statement at its end. */
    private Mono<Void> markDone(List<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        UPDATE outbox SET status = 'DONE', attempts = attempts + 1, handled_at = clock_timestamp(), last_error = NULL
                        WHERE id = ANY(:ids)""")
                .bind("ids", ids.toArray(Long[]::new))
                .update()
                .doOnSuccess(done -> handled.increment(ids.size()))
                .then();
    }

    /**
     * A deadlock with another transaction, which PostgreSQL broke by failing this delivery: not the handler's fault,
     * so no attempt is counted; the row is due again once this batch commits.
     */
    private static boolean lockConflict(Throwable error) {
        return NestedExceptionUtils.getMostSpecificCause(error) instanceof R2dbcException sql
                && ("40P01".equals(sql.getSqlState()) || "40001".equals(sql.getSqlState()));
    }

    private Mono<Void> leaveForNextBatch(Claimed entry, Throwable error) {
        log.info("Outbox delivery {} to {} met a lock conflict; it goes again in the next batch ({})", entry.id(),
                entry.handler(), describe(error));
        return Mono.empty();
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
        List<OutboxHandler<?>> known = List.copyOf(handlers.values());
        batchSizes = new BatchSizes(known.stream().map(OutboxHandler::name).toArray(String[]::new),
                known.stream().map(handler -> Math.max(1, Math.min(settings.batchSize(), handler.maxBatch()))).toArray(Integer[]::new));
        Disposable.Composite all = Disposables.composite();
        for (int worker = 0; worker < settings.workers(); worker++) {
            all.add(Periodic.whenSignalled(signal.wakeups(), settings.pollInterval(), "delivering outbox events", this::drain,
                    delivered -> { }));
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

    private record BatchSizes(String[] handlers, Integer[] sizes) {
    }

    private record Claimed(long id, String handler, String payload, int attempts) {
    }

    /** A handler's failure in a batch run without savepoints; never leaves this class. */
    private static final class Failed extends RuntimeException {

        private final transient Claimed entry;

        Failed(Claimed entry, Throwable cause) {
            super(null, cause, false, false);
            this.entry = entry;
        }

        Claimed entry() {
            return entry;
        }
    }
}
