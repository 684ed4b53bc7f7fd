package org.socialworkshop.platform.outbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.socialworkshop.platform.database.Database;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes domain events. Call {@link #publish} inside the transaction of the change that caused the event
 * ({@code db.inTransaction(...)}): the event is stored if and only if the change commits. One delivery row is
 * written per handler of the event's type, so each handler succeeds, retries or is parked on its own.
 */
@Component
public class Outbox {

    private final Database db;
    private final JsonMapper json;
    private final ObjectProvider<OutboxHandler<?>> handlers;
    /** Handlers by event type, looked up once: walking the bean factory on every publish showed in profiles. */
    private final Map<Class<?>, List<OutboxHandler<?>>> byType = new ConcurrentHashMap<>();

    Outbox(Database db, JsonMapper json, ObjectProvider<OutboxHandler<?>> handlers) {
        this.db = db;
        this.json = json;
        this.handlers = handlers;
    }

    /** Stores the event for every handler of its type; completes with the number of deliveries written. */
    public Mono<Long> publish(Object event) {
        List<OutboxHandler<?>> handlers = handlersOf(event.getClass()).stream().filter(handler -> wants(handler, event)).toList();
        if (handlers.isEmpty()) {
            return Mono.just(0L);
        }
        // One row per handler, in one statement: publishing is part of the caller's transaction, and round trips are
        // what a transaction spends its time on.
        return db.sql("""
                        INSERT INTO outbox (event_type, handler, payload)
                        SELECT :type, handler, CAST(:payload AS jsonb) FROM unnest(CAST(:handlers AS text[])) WITH ORDINALITY AS h(handler, n)
                        ORDER BY n""")
                .bind("type", event.getClass().getSimpleName())
                .bind("handlers", handlers.stream().map(OutboxHandler::name).toArray(String[]::new))
                .bind("payload", json.writeValueAsString(event))
                .update();
    }

    @SuppressWarnings("unchecked")
    private static <E> boolean wants(OutboxHandler<E> handler, Object event) {
        return handler.wants((E) event);
    }

    private List<OutboxHandler<?>> handlersOf(Class<?> type) {
        return byType.computeIfAbsent(type,
                wanted -> handlers.orderedStream().filter(handler -> handler.eventType().equals(wanted)).toList());
    }
}
