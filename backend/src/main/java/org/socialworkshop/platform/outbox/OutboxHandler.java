package org.socialworkshop.platform.outbox;

import java.util.function.Function;

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

    /** A handler made of a name, the event type and what to do, for modules with several small handlers. */
    static <E> OutboxHandler<E> of(String name, Class<E> type, Function<E, Mono<Void>> action) {
        return new OutboxHandler<>() {
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
