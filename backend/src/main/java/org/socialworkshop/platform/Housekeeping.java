package org.socialworkshop.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.scheduling.Periodic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes what has served its time: expired sessions, old failed sign-ins, idempotency records past their
 * 24 hours. Each statement is safe to run on several instances at once.
 */
@Component
class Housekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    private static final String[] CHORES = {
            "DELETE FROM web_sessions WHERE expires_at < now()",
            "DELETE FROM login_failures WHERE failed_at < now() - interval '1 day'",
            "DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'",
    };

    private final Database db;
    private final Duration every;
    private volatile Disposable running = () -> { };
    private volatile boolean started;

    Housekeeping(Database db, @Value("${workshop.housekeeping.every:10m}") Duration every) {
        this.db = db;
        this.every = every;
    }

    Mono<Long> sweep() {
        return Flux.fromArray(CHORES).concatMap(sql -> db.sql(sql).update()).reduce(0L, Long::sum);
    }

    @Override
    public void start() {
        running = Periodic.every(every, "housekeeping", this::sweep,
                deleted -> log.debug("Housekeeping removed {} rows", deleted));
        started = true;
    }

    @Override
    public void stop() {
        running.dispose();
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
