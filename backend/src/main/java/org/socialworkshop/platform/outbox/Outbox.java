package org.socialworkshop.platform.outbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.database.SideWrite;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
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
        // One row per handler, in one statement: publishing is part of the caller's transaction, and round trips are
        // what a transaction spends its time on.
        return publishing(event).map(write -> write.binds().apply(db.sql(write.sql())).update()).orElse(Mono.just(0L));
    }

    /**
     * The event as a write in the caller's own statement ({@link Database#sql(String, List)}), for every handler of its
     * type that wants it; empty when none does. As {@link #publish}, without a round trip of its own.
     */
    public Optional<SideWrite> publishing(Object event) {
        List<OutboxHandler<?>> handlers = handlersOf(event.getClass()).stream().filter(handler -> wants(handler, event)).toList();
        if (handlers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SideWrite("outbox_event", """
                INSERT INTO outbox (event_type, handler, payload)
                SELECT :outbox_event_type, handler, CAST(:outbox_event_payload AS jsonb)
                FROM unnest(CAST(:outbox_event_handlers AS text[])) WITH ORDINALITY AS h(handler, n)
                ORDER BY n""", statement -> statement.bind("outbox_event_type", event.getClass().getSimpleName())
                .bind("outbox_event_handlers", handlers.stream().map(OutboxHandler::name).toArray(String[]::new))
                .bind("outbox_event_payload", json.writeValueAsString(event))));
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
