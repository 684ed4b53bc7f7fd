package org.socialworkshop.inventory;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.platform.scheduling.Periodic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;

/** Gives back stock held for orders that were never paid, every {@code workshop.inventory.expiry-check}. */
@Component
class ReservationExpiry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

    private final Inventory inventory;
    private final Duration every;
    private volatile Disposable running = Disposables.disposed();

    ReservationExpiry(Inventory inventory, @Value("${workshop.inventory.expiry-check:30s}") Duration every) {
        this.inventory = inventory;
        this.every = every;
    }

    @Override
    public void start() {
        running = Periodic.every(every, "releasing expired reservations", inventory::expireDue, released -> {
            if (released > 0) {
                log.info("Released {} expired stock reservations", released);
            }
        });
    }

    @Override
    public void stop() {
        running.dispose();
    }

    @Override
    public boolean isRunning() {
        return !running.isDisposed();
    }
}
