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
        String payload = json.writeValueAsString(event);
        return Flux.fromIterable(handlersOf(event.getClass()))
                .concatMap(handler -> db.sql("""
                                INSERT INTO outbox (event_type, handler, payload)
                                VALUES (:type, :handler, CAST(:payload AS jsonb))""")
                        .bind("type", event.getClass().getSimpleName())
                        .bind("handler", handler.name())
                        .bind("payload", payload)
                        .update())
                .reduce(0L, Long::sum);
    }

    private List<OutboxHandler<?>> handlersOf(Class<?> type) {
        return byType.computeIfAbsent(type,
                wanted -> handlers.orderedStream().filter(handler -> handler.eventType().equals(wanted)).toList());
    }
}
