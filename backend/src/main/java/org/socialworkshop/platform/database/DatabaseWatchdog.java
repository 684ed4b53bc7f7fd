package org.socialworkshop.platform.database;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps the embedded PostgreSQL running: every {@code check-every} it looks whether the server process is alive and
 * starts it again if not (crash recovery replays the write-ahead log). Meanwhile requests that need the database
 * get 503 with {@code Retry-After} and health is DOWN; the pool and the change feed reconnect by themselves once
 * the server is back. A failed restart (old backends still exiting) is tried again at the next check.
 */
@Component
class DatabaseWatchdog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWatchdog.class);

    private final DatabaseServer server;
    private final Duration every;
    private volatile @Nullable Disposable running;

    DatabaseWatchdog(DatabaseServer server, @Value("${workshop.database.check-every:2s}") Duration every) {
        this.server = server;
        this.every = every;
    }

    @Override
    public void start() {
        if (!server.isEmbedded()) {
            return;
        }
        running = Flux.interval(every, every)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(server::healIfDead)
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(failure -> {
                            log.warn("Could not start the embedded PostgreSQL again yet ({}); trying again in {}", failure.toString(), every);
                            return Mono.just(false);
                        }), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
