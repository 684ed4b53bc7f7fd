package org.socialworkshop.ordering;

import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.scheduling.Periodic;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Cancels orders whose payment window has passed, every {@code workshop.ordering.sweep-every}, freeing their
 * stock, and forgets carts abandoned for 30 days. Safe on several instances: cancelling locks the order and does
 * nothing if it moved on meanwhile.
 */
@Component
class UnpaidOrders implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UnpaidOrders.class);
    private static final Duration ABANDONED = Duration.ofDays(30);

    private final Database db;
    private final OrderLifecycle lifecycle;
    private final OrderingSettings settings;
    private final Carts carts;
    private volatile Disposable running = Disposables.disposed();

    UnpaidOrders(Database db, OrderLifecycle lifecycle, OrderingSettings settings, Carts carts) {
        this.db = db;
        this.carts = carts;
        this.lifecycle = lifecycle;
        this.settings = settings;
    }

    /**
     * Cancels up to 50 overdue orders; completes with how many were looked at. A company's order on terms is not
     * cancelled when its due date passes: it is overdue, and followed up (docs/api/corporate.md).
     */
    Mono<Long> cancelOverdue() {
        return db.sql("""
                        SELECT id FROM orders WHERE status = 'PENDING_PAYMENT' AND pay_by < now() AND channel <> 'CORPORATE'
                        ORDER BY pay_by LIMIT 50""")
                .map(row -> row.get("id", UUID.class))
                .list()
                .flatMapMany(Flux::fromIterable)
                .concatMap(id -> lifecycle.cancel(id, "The time to pay ran out.")
                        .onErrorResume(failure -> {
                            log.warn("Could not cancel unpaid order {} yet: {}", id, failure.toString());
                            return Mono.empty();
                        }))
                .count()
                .flatMap(looked -> carts.forgetAbandoned(ABANDONED).thenReturn(looked));
    }

    @Override
    public void start() {
        running = Periodic.every(settings.sweepEvery(), "cancelling unpaid orders", this::cancelOverdue, looked -> {
            if (looked > 0) {
                log.info("Looked at {} orders past their payment window", looked);
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
