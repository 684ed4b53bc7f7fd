package org.socialworkshop.platform.outbox;

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
}
