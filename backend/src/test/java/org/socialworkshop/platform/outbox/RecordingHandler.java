package org.socialworkshop.platform.outbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.socialworkshop.platform.database.Database;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Records each {@link Probed} event it handles, in the dispatcher's transaction, as a row of
 * {@code outbox_test_deliveries} keyed by the event: a second delivery of one event breaks the primary key.
 * Each instance names the dispatcher it serves, so a test can tell who did the work, and may be told to hold
 * its events until something else has happened.
 */
final class RecordingHandler implements OutboxHandler<RecordingHandler.Probed> {

    static final String NAME = "test.outbox.recording";
    static final String APPLICATION = "application";
    static final String TABLE = """
            CREATE TABLE IF NOT EXISTS outbox_test_deliveries (
                event      text PRIMARY KEY,
                dispatcher text NOT NULL
            )""";

    /** A test event: {@code run} keeps one test's events apart from another's. */
    record Probed(String run, int number) {

        String key() {
            return run + ":" + number;
        }
    }

    private final Database db;
    private final String dispatcher;
    private final Mono<Void> holdUntil;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Sinks.Empty<Void> firstCall = Sinks.empty();

    RecordingHandler(Database db, String dispatcher) {
        this(db, dispatcher, Mono.empty());
    }

    /**
     * A handler that records no event before {@code holdUntil} completes; meanwhile its dispatcher keeps the
     * event's row locked and its transaction open.
     */
    RecordingHandler(Database db, String dispatcher, Mono<Void> holdUntil) {
        this.db = db;
        this.dispatcher = dispatcher;
        this.holdUntil = holdUntil;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<Probed> eventType() {
        return Probed.class;
    }

    @Override
    public Mono<Void> handle(Probed event) {
        calls.computeIfAbsent(event.key(), key -> new AtomicInteger()).incrementAndGet();
        firstCall.tryEmitEmpty();
        return holdUntil.then(db.sql("INSERT INTO outbox_test_deliveries (event, dispatcher) VALUES (:event, :dispatcher)")
                .bind("event", event.key())
                .bind("dispatcher", dispatcher)
                .update())
                .then();
    }

    /** Completes once this instance has been called for an event. */
    Mono<Void> called() {
        return firstCall.asMono();
    }

    /** How often this instance was called for the event, whether or not its transaction committed. */
    int calls(Probed event) {
        AtomicInteger count = calls.get(event.key());
        return count == null ? 0 : count.get();
    }
}
