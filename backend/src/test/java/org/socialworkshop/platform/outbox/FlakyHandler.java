package org.socialworkshop.platform.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.socialworkshop.platform.database.Database;
import reactor.core.publisher.Mono;

/**
 * Fails for the runs a test says are broken, noting when each attempt was made, and handles them once fixed:
 * a stand-in for a handler whose downstream is down.
 */
final class FlakyHandler implements OutboxHandler<FlakyHandler.Flaked> {

    static final String NAME = "test.outbox.flaky";

    record Flaked(String run) {
    }

    private final Database db;
    private final String name;
    private final Set<String> broken = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> handled = new ConcurrentHashMap<>();

    FlakyHandler(Database db) {
        this(db, NAME);
    }

    /** A flaky handler of its own name, for a dispatcher the application's does not compete with. */
    FlakyHandler(Database db, String name) {
        this.db = db;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<Flaked> eventType() {
        return Flaked.class;
    }

    /**
     * Writes its row first, as real handlers do, so that a failure must roll the write back: otherwise the
     * write of the successful attempt would break the primary key. A broken run then fails in SQL, which also
     * leaves the transaction aborted until the dispatcher rolls back to its savepoint.
     */
    @Override
    public Mono<Void> handle(Flaked event) {
        boolean fails = broken.contains(event.run());
        (fails ? failures : handled).computeIfAbsent(event.run(), run -> new CopyOnWriteArrayList<>()).add(Instant.now());
        Mono<Long> write = db.sql("INSERT INTO outbox_test_deliveries (event, dispatcher) VALUES (:event, :dispatcher)")
                .bind("event", event.run() + ":flaky")
                .bind("dispatcher", name)
                .update();
        if (!fails) {
            return write.then();
        }
        return write.then(db.sql("SELECT CAST(:message AS integer) AS failed")
                        .bind("message", "the downstream of run " + event.run() + " is down")
                        .map(row -> row.get("failed", Integer.class))
                        .one())
                .then();
    }

    void breakFor(String run) {
        broken.add(run);
    }

    void fixFor(String run) {
        broken.remove(run);
    }

    /** When each failed attempt for the run began, oldest first. */
    List<Instant> failures(String run) {
        return List.copyOf(failures.getOrDefault(run, List.of()));
    }

    int handled(String run) {
        return handled.getOrDefault(run, List.of()).size();
    }
}
