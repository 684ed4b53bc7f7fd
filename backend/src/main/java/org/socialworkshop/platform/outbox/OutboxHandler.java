package org.socialworkshop.platform.outbox;

import java.util.function.Function;
import java.util.function.Predicate;

import reactor.core.publisher.Mono;

/**
 * Reacts to one kind of domain event. It runs inside the transaction that marks the event handled, so its
 * own database writes commit exactly when the event is marked done. Delivery is still at-least-once for
 * anything outside the database (a call to Stripe, an e-mail): use stable idempotency keys there.
 *
 * @param <E> the event record type
 */
public interface OutboxHandler<E> {

    /** A stable name, stored with each delivery; renaming a handler strands its pending deliveries. */
    String name();

    Class<E> eventType();

    Mono<Void> handle(E event);

    /**
     * Whether this event is one for this handler at all, decided when it is published: a handler with nothing to do for
     * some events of its type says so here, and no delivery is written for them.
     */
    default boolean wants(E event) {
        return true;
    }

    /**
     * How many of this handler's deliveries may share one transaction (the dispatcher's batch size caps it). Locks a
     * delivery takes are held until that transaction ends, after the deliveries that follow it in the batch: a
     * handler that locks rows which requests lock too, in an order of their own (stock levels), says 1, so that
     * its locks are held as briefly, and taken in the same order, as the request paths' own.
     */
    default int maxBatch() {
        return Integer.MAX_VALUE;
    }

    /** A handler made of a name, the event type and what to do, for modules with several small handlers. */
    static <E> OutboxHandler<E> of(String name, Class<E> type, Function<E, Mono<Void>> action) {
        return of(name, type, Integer.MAX_VALUE, action);
    }

    /** As {@link #of(String, Class, Function)}, at most {@code maxBatch} deliveries to a transaction. */
    static <E> OutboxHandler<E> of(String name, Class<E> type, int maxBatch, Function<E, Mono<Void>> action) {
        return of(name, type, maxBatch, event -> true, action);
    }

    /** As {@link #of(String, Class, Function)}, for the events that {@code wanted} says are for it. */
    static <E> OutboxHandler<E> of(String name, Class<E> type, Predicate<E> wanted, Function<E, Mono<Void>> action) {
        return of(name, type, Integer.MAX_VALUE, wanted, action);
    }

    private static <E> OutboxHandler<E> of(String name, Class<E> type, int maxBatch, Predicate<E> wanted, Function<E, Mono<Void>> action) {
        return new OutboxHandler<>() {
            @Override
            public boolean wants(E event) {
                return wanted.test(event);
            }

            @Override
            public int maxBatch() {
                return maxBatch;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public Class<E> eventType() {
                return type;
            }

            @Override
            public Mono<Void> handle(E event) {
                return action.apply(event);
            }
        };
    }
}
