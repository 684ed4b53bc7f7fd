package org.socialworkshop.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.outbox.FlakyHandler.Flaked;
import org.socialworkshop.platform.outbox.RecordingHandler.Probed;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox delivers every committed event exactly once to each handler, however many dispatchers run, never
 * delivers what was rolled back, and backs off, parks and lets an admin retry what keeps failing.
 */
@WorkshopTest
class OutboxDispatcherTest {

    private static final int EVENTS = 500;

    @Autowired
    Database db;

    @Autowired
    Outbox outbox;

    @Autowired
    JsonMapper json;

    @Autowired
    ObjectProvider<OutboxHandler<?>> handlers;

    @Autowired
    RecordingHandler applicationRecorder;

    @Autowired
    FlakyHandler flaky;

    @Autowired
    OutboxDispatcher.Settings settings;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OutboxSignal signal;

    @Autowired
    WebTestClient anonymous;

    String run;

    @BeforeEach
    void newRun() {
        run = UUID.randomUUID().toString();
        db.sql(RecordingHandler.TABLE).update().block();
    }

    @Test
    void concurrentDispatchersHandleEveryEventExactlyOnce() {
        RecordingHandler secondRecorder = new RecordingHandler(db, "second");
        // The first dispatcher holds its first events, rows locked, until the second has one of its own: the two
        // provably deliver at the same time, however the machine schedules them.
        RecordingHandler firstRecorder = new RecordingHandler(db, "first", secondRecorder.called());
        OutboxDispatcher first = dispatcherWith(firstRecorder);
        OutboxDispatcher second = dispatcherWith(secondRecorder);
        List<Probed> events = IntStream.range(0, EVENTS).mapToObj(number -> new Probed(run, number)).toList();
        try {
            db.inTransaction(() -> Flux.fromIterable(events).concatMap(outbox::publish).then(Mono.just(true))).block();

            // Two loops per dispatcher, all at once, while the application's own dispatcher polls as well.
            StepVerifier.create(Flux.merge(first.drain(), first.drain(), second.drain(), second.drain()).then())
                    .expectComplete()
                    .verify(Duration.ofSeconds(60));
            await("every event handled").atMost(Duration.ofSeconds(20))
                    .until(() -> countOutbox("status = 'DONE'"), done -> done == EVENTS);
        } finally {
            first.stop();
            second.stop();
        }

        assertThat(countOutbox("true")).as("one delivery row per event for the one handler").isEqualTo(EVENTS);
        assertThat(countOutbox("status = 'DONE' AND attempts = 1 AND last_error IS NULL"))
                .as("delivered on the first attempt, no duplicate-key failure, nothing left PENDING")
                .isEqualTo(EVENTS);
        Map<String, Long> byDispatcher = db.sql("""
                        SELECT dispatcher, count(*) AS n FROM outbox_test_deliveries WHERE event LIKE :run || ':%'
                        GROUP BY dispatcher""")
                .bind("run", run)
                .map(row -> Map.entry(row.get("dispatcher", String.class), row.get("n", Long.class)))
                .list()
                .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                .block();
        assertThat(byDispatcher.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(EVENTS);
        assertThat(byDispatcher).as("both dispatchers delivered").containsKeys("first", "second");
        assertThat(events).as("each event's handler ran once, counting rolled-back runs too")
                .allSatisfy(event -> assertThat(firstRecorder.calls(event) + secondRecorder.calls(event)
                        + applicationRecorder.calls(event)).as(event.key()).isEqualTo(1));
    }

    @Test
    void aDrainWithNothingDueEndsAtOnce() {
        OutboxDispatcher idle = dispatcherWith(new RecordingHandler(db, "idle"));
        try {
            StepVerifier.create(idle.drain()).expectNext(0L).expectComplete().verify(Duration.ofSeconds(5));
        } finally {
            idle.stop();
        }
    }

    @Test
    void anEventPublishedInARolledBackTransactionIsNeverDelivered() {
        Probed rolledBack = new Probed(run, 1);
        Probed committed = new Probed(run, 2);
        StepVerifier.create(db.inTransaction(() -> outbox.publish(rolledBack)
                        .then(Mono.error(new IllegalStateException("the change that caused the event failed")))))
                .expectErrorMessage("the change that caused the event failed")
                .verify();
        assertThat(countOutbox("true")).as("no delivery row survives the rollback").isZero();

        // Delivery is in order of publication: once a later event is handled, the rolled-back one had its chance.
        db.inTransaction(() -> outbox.publish(committed)).block();
        await("the committed event handled").atMost(Duration.ofSeconds(10))
                .until(this::deliveredEvents, delivered -> !delivered.isEmpty());
        assertThat(deliveredEvents()).containsExactly(committed.key());
        assertThat(applicationRecorder.calls(rolledBack)).isZero();
    }

    @Test
    void aFailingHandlerIsRetriedWithBackoffThenParkedAndAnAdminSendsItRoundAgain() {
        double handledBefore = deliveries("handled");
        double retriedBefore = deliveries("retried");
        double parkedBefore = deliveries("parked");
        flaky.breakFor(run);
        db.inTransaction(() -> outbox.publish(new Flaked(run))).block();
        long id = db.sql("SELECT id FROM outbox WHERE handler = :handler AND payload->>'run' = :run")
                .bind("handler", FlakyHandler.NAME).bind("run", run)
                .map(row -> row.get("id", Long.class)).one().block();

        OffsetDateTime previous = OffsetDateTime.MIN;
        for (int attempt = 1; attempt < settings.maxAttempts(); attempt++) {
            int failed = attempt;
            Delivery delivery = await("attempt " + attempt + " recorded").atMost(Duration.ofSeconds(10))
                    .until(() -> delivery(id), row -> row.attempts() == failed);
            Instant seenAt = Instant.now();
            Instant failedAt = flaky.failures(run).get(attempt - 1);
            assertThat(delivery.status()).isEqualTo("PENDING");
            assertThat(delivery.lastError()).contains("the downstream of run " + run + " is down");
            // The backoff counts from a moment between the handler's failure and the test seeing it recorded
            // (PostgreSQL keeps microseconds, hence the millisecond's margin), however long that took.
            assertThat(delivery.availableAt().toInstant().minus(expectedBackoff(attempt)))
                    .as("available %s after attempt %d failed", expectedBackoff(attempt), attempt)
                    .isBetween(failedAt.minusMillis(1), seenAt);
            assertThat(delivery.availableAt()).isAfter(previous);
            previous = delivery.availableAt();
            // Time travel instead of waiting out the backoff: make the delivery due now.
            db.sql("UPDATE outbox SET available_at = now() WHERE id = :id AND attempts = :attempts")
                    .bind("id", id).bind("attempts", attempt).update().block();
        }
        Delivery parked = await("parked after the last attempt").atMost(Duration.ofSeconds(10))
                .until(() -> delivery(id), row -> row.status().equals("PARKED"));
        assertThat(parked.attempts()).isEqualTo(settings.maxAttempts());
        assertThat(flaky.failures(run)).as("one handler call per attempt").hasSize(settings.maxAttempts());
        assertThat(deliveries("retried") - retriedBefore).isEqualTo(settings.maxAttempts() - 1);
        assertThat(deliveries("parked") - parkedBefore).isEqualTo(1);

        WebTestClient admin = SignIn.admin(anonymous);
        admin.get().uri("/api/admin/outbox?status=PARKED&size=100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == %d)].handler".formatted(id)).isEqualTo(FlakyHandler.NAME)
                .jsonPath("$.items[?(@.id == %d)].attempts".formatted(id)).isEqualTo(settings.maxAttempts())
                .jsonPath("$.items[?(@.id == %d)].lastError".formatted(id)).value(error ->
                        assertThat(error.toString()).contains("is down"));

        flaky.fixFor(run);
        admin.post().uri("/api/admin/outbox/{id}/retry", id).exchange().expectStatus().isNoContent();
        Delivery done = await("handled after the retry").atMost(Duration.ofSeconds(10))
                .until(() -> delivery(id), row -> row.status().equals("DONE"));
        assertThat(done.lastError()).isNull();
        assertThat(flaky.handled(run)).isEqualTo(1);
        assertThat(deliveredEvents()).as("the failed attempts' writes were rolled back").containsExactly(run + ":flaky");
        assertThat(deliveries("handled") - handledBefore).isGreaterThanOrEqualTo(1);
        admin.post().uri("/api/admin/outbox/{id}/retry", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void anIdleWorkerWakesWhenTheEventCommitsNotAtItsNextPoll() {
        Map<String, Instant> handledAt = new ConcurrentHashMap<>();
        OutboxHandler<Probed> waking = OutboxHandler.of("test.outbox.waking", Probed.class,
                event -> Mono.fromRunnable(() -> handledAt.put(event.key(), Instant.now())));
        // It looks for due deliveries once an hour: only the notification sent at commit explains a prompt delivery.
        OutboxDispatcher sleeper = dispatcherOf(1, Duration.ofHours(1), waking);
        try {
            for (int number = 0; number < 5; number++) {
                Probed event = new Probed(run, number);
                db.inTransaction(() -> publishTo(event, waking)).block();
                Instant committed = Instant.now();
                await("event " + number + " handled").atMost(Duration.ofSeconds(10)).until(() -> handledAt.containsKey(event.key()));
                // Generous for a shared, busy machine; the benchmark measures the real figure (docs/performance.md).
                assertThat(Duration.between(committed, handledAt.get(event.key()))).isLessThan(Duration.ofSeconds(1));
            }
        } finally {
            sleeper.stop();
        }
    }

    @Test
    void aFailingDeliveryInABatchUndoesOnlyItsOwnWorkAndIsRetriedAlone() {
        FlakyHandler batchFlaky = new FlakyHandler(db, "test.outbox.flaky-batch");
        List<Flaked> events = IntStream.range(0, 10).mapToObj(number -> new Flaked(run + "-" + number)).toList();
        Flaked broken = events.get(4);
        batchFlaky.breakFor(broken.run());
        db.inTransaction(() -> Flux.fromIterable(events).concatMap(event -> publishTo(event, batchFlaky)).then(Mono.just(true))).block();
        OutboxDispatcher dispatcher = dispatcherOf(0, settings.pollInterval(), batchFlaky);
        try {
            // One batch, one transaction: the ten deliveries, the fifth failing in SQL halfway through.
            StepVerifier.create(dispatcher.deliverBatch()).expectNext(events.size()).expectComplete().verify(Duration.ofSeconds(30));

            assertThat(flakyRows("status = 'DONE' AND attempts = 1 AND last_error IS NULL")).isEqualTo(events.size() - 1);
            Delivery failed = delivery(flakyId(broken));
            assertThat(failed.status()).isEqualTo("PENDING");
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).contains("the downstream of run " + broken.run() + " is down");
            assertThat(failed.availableAt().toInstant()).as("backing off from the failure")
                    .isAfterOrEqualTo(batchFlaky.failures(broken.run()).get(0).plus(settings.firstBackoff()).minusMillis(1));
            assertThat(flakyWrites()).as("every write but the failed delivery's committed")
                    .hasSize(events.size() - 1).doesNotContain(broken.run() + ":flaky");

            batchFlaky.fixFor(broken.run());
            db.sql("UPDATE outbox SET available_at = now() WHERE id = :id").bind("id", flakyId(broken)).update().block();
            StepVerifier.create(dispatcher.drain()).expectNext(1L).expectComplete().verify(Duration.ofSeconds(30));
            assertThat(delivery(flakyId(broken)).status()).isEqualTo("DONE");
            assertThat(delivery(flakyId(broken)).attempts()).isEqualTo(2);
            assertThat(flakyWrites()).as("each event's write once").hasSize(events.size()).doesNotHaveDuplicates();
            // The batch ran without savepoints until the fifth failed; its first four then ran again behind savepoints
            // (their first run undone), the failed one was not run again, and the rest ran once.
            assertThat(events.subList(0, 4)).allSatisfy(event -> assertThat(batchFlaky.handled(event.run())).as(event.run()).isEqualTo(2));
            assertThat(events.subList(4, events.size())).allSatisfy(event ->
                    assertThat(batchFlaky.handled(event.run())).as(event.run()).isEqualTo(1));
            assertThat(batchFlaky.failures(broken.run())).as("one handler call per attempt").hasSize(1);
        } finally {
            dispatcher.stop();
        }
    }

    @Test
    void aWorkerKilledMidBatchLeavesNoEffectAndAnotherDeliversEverythingOnce() {
        String name = "test.outbox.killed";
        Sinks.One<Integer> backend = Sinks.one();
        Sinks.Empty<Void> carryOn = Sinks.empty();
        // The doomed worker records its first events, then stalls on the fourth with their rows and writes uncommitted.
        OutboxHandler<Probed> stalling = OutboxHandler.of(name, Probed.class, event -> record(event, "doomed")
                .then(event.number() != 3 ? Mono.empty() : db.sql("SELECT pg_backend_pid() AS pid")
                        .map(row -> row.get("pid", Integer.class)).one()
                        .doOnNext(backend::tryEmitValue)
                        .then(carryOn.asMono())));
        OutboxHandler<Probed> healthy = OutboxHandler.of(name, Probed.class, event -> record(event, "survivor"));
        List<Probed> events = IntStream.range(0, 6).mapToObj(number -> new Probed(run, number)).toList();
        db.inTransaction(() -> Flux.fromIterable(events).concatMap(event -> publishTo(event, stalling)).then(Mono.just(true))).block();
        OutboxDispatcher doomed = dispatcherOf(0, settings.pollInterval(), stalling);
        OutboxDispatcher survivor = dispatcherOf(0, settings.pollInterval(), healthy);
        try {
            CompletableFuture<Integer> doomedBatch = doomed.deliverBatch().toFuture();
            int pid = backend.asMono().block(Duration.ofSeconds(30));
            assertThat(db.sql("SELECT pg_terminate_backend(:pid) AS killed").bind("pid", pid)
                    .map(row -> row.get("killed", Boolean.class)).one().block()).isTrue();
            carryOn.tryEmitEmpty();
            assertThat(doomedBatch).as("the killed worker's transaction is lost").failsWithin(Duration.ofSeconds(30));

            StepVerifier.create(survivor.drain()).expectNext((long) events.size()).expectComplete().verify(Duration.ofSeconds(30));
            Map<String, String> writes = db.sql("SELECT event, dispatcher FROM outbox_test_deliveries WHERE event LIKE :run || ':%'")
                    .bind("run", run)
                    .map(row -> Map.entry(row.get("event", String.class), row.get("dispatcher", String.class)))
                    .list()
                    .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                    .block();
            assertThat(writes).as("every event's effect once, none of the killed worker's")
                    .containsOnlyKeys(events.stream().map(Probed::key).toList())
                    .allSatisfy((event, by) -> assertThat(by).isEqualTo("survivor"));
            assertThat(db.sql("SELECT count(*) AS n FROM outbox WHERE handler = :handler AND payload->>'run' = :run"
                            + " AND status = 'DONE' AND attempts = 1")
                    .bind("handler", name).bind("run", run).map(row -> row.get("n", Long.class)).one().block())
                    .as("done once, the killed attempt not even counted").isEqualTo(events.size());
        } finally {
            doomed.stop();
            survivor.stop();
        }
    }

    private Mono<Void> record(Probed event, String dispatcher) {
        return db.sql("INSERT INTO outbox_test_deliveries (event, dispatcher) VALUES (:event, :dispatcher)")
                .bind("event", event.key()).bind("dispatcher", dispatcher).update().then();
    }

    private long flakyRows(String condition) {
        return db.sql("SELECT count(*) AS n FROM outbox WHERE handler = 'test.outbox.flaky-batch' AND payload->>'run' LIKE :run || '-%' AND "
                        + condition)
                .bind("run", run).map(row -> row.get("n", Long.class)).one().block();
    }

    private long flakyId(Flaked event) {
        return db.sql("SELECT id FROM outbox WHERE handler = 'test.outbox.flaky-batch' AND payload->>'run' = :run")
                .bind("run", event.run()).map(row -> row.get("id", Long.class)).one().block();
    }

    private List<String> flakyWrites() {
        return db.sql("SELECT event FROM outbox_test_deliveries WHERE event LIKE :run || '-%'")
                .bind("run", run).map(row -> row.get("event", String.class)).list().block();
    }

    private Duration expectedBackoff(int attempts) {
        Duration doubled = settings.firstBackoff().multipliedBy(1L << (attempts - 1));
        return doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    }

    /**
     * A second dispatcher, as another instance of the application would run: the application's handlers, except
     * that the recording one is its own, labelled, instance. It does not poll; the test drives it.
     */
    private OutboxDispatcher dispatcherWith(RecordingHandler recorder) {
        Map<String, Object> beans = new HashMap<>();
        handlers.orderedStream().forEach(handler -> beans.put(handler.name(), handler));
        beans.put(RecordingHandler.NAME, recorder);
        return dispatcher(beans, 0, settings.pollInterval());
    }

    /** A dispatcher with only the given handlers, which the application's own dispatcher does not know. */
    private OutboxDispatcher dispatcherOf(int workers, Duration pollInterval, OutboxHandler<?>... own) {
        Map<String, Object> beans = new HashMap<>();
        for (OutboxHandler<?> handler : own) {
            beans.put(handler.name(), handler);
        }
        return dispatcher(beans, workers, pollInterval);
    }

    private OutboxDispatcher dispatcher(Map<String, Object> beans, int workers, Duration pollInterval) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        ObjectProvider<OutboxHandler<?>> own = (ObjectProvider) new StaticListableBeanFactory(beans)
                .getBeanProvider(OutboxHandler.class);
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, json, own,
                new OutboxDispatcher.Settings(workers, settings.batchSize(), pollInterval, settings.maxAttempts(),
                        settings.firstBackoff(), settings.maxBackoff()),
                signal, new SimpleMeterRegistry());
        dispatcher.start();
        return dispatcher;
    }

    /** Writes the event's delivery rows for the given handlers, as {@link Outbox#publish} does for the application's. */
    private Mono<Long> publishTo(Object event, OutboxHandler<?>... own) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        ObjectProvider<OutboxHandler<?>> provider = (ObjectProvider) new StaticListableBeanFactory(
                Arrays.stream(own).collect(Collectors.toMap(OutboxHandler::name, handler -> (Object) handler)))
                .getBeanProvider(OutboxHandler.class);
        return new Outbox(db, json, provider).publish(event);
    }

    private long countOutbox(String condition) {
        return db.sql("SELECT count(*) AS n FROM outbox WHERE handler = :handler AND payload->>'run' = :run AND " + condition)
                .bind("handler", RecordingHandler.NAME)
                .bind("run", run)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private List<String> deliveredEvents() {
        return db.sql("SELECT event FROM outbox_test_deliveries WHERE event LIKE :run || ':%' ORDER BY event")
                .bind("run", run)
                .map(row -> row.get("event", String.class))
                .list()
                .block();
    }

    private double deliveries(String outcome) {
        return meters.get("outbox.deliveries").tag("outcome", outcome).counter().count();
    }

    record Delivery(String status, int attempts, OffsetDateTime availableAt, String lastError) {
    }

    private Delivery delivery(long id) {
        return db.sql("SELECT status, attempts, available_at, last_error FROM outbox WHERE id = :id")
                .bind("id", id)
                .map(row -> new Delivery(row.get("status", String.class), row.get("attempts", Integer.class),
                        row.get("available_at", OffsetDateTime.class), row.get("last_error", String.class)))
                .one()
                .block();
    }
}
