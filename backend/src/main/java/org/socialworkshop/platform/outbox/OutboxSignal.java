package org.socialworkshop.platform.outbox;

import org.socialworkshop.platform.database.ChangeFeed;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells this instance's outbox workers that deliveries may be due: after every commit that added some (a trigger
 * sends {@code NOTIFY outbox}, heard by every instance), and whenever the change feed (re)connects, since
 * notifications may have gone unheard meanwhile. Signals carry nothing; a worker busy when one comes runs once more.
 */
@Component
class OutboxSignal {

    private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().directBestEffort();

    OutboxSignal(ChangeFeed changes) {
        changes.onChange("outbox", this::wake);
    }

    /** Serialised: the feed's connection thread and its reconnection both call it. */
    synchronized void wake() {
        wakeups.tryEmitNext(Boolean.TRUE);
    }

    Flux<Boolean> wakeups() {
        return wakeups.asFlux();
    }
}
