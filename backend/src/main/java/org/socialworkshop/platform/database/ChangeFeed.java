package org.socialworkshop.platform.database;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Changes committed to PostgreSQL by any instance, heard as {@code NOTIFY} on named channels over one dedicated
 * connection (outside the pool, which would take it back). Triggers in the schema send them at commit, so every
 * instance hears every change, whoever made it.
 *
 * <p>While the feed is not listening (at start, after a lost connection) changes may go unheard: {@link #live()} is
 * false, and on every (re)connection each listener hears its channel once, since anything may have changed meanwhile.
 * Readers that cache must not keep what they read while the feed is not live.
 */
public final class ChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_]{1,63}");
    /** The first key of the session advisory locks that say an instance is alive: {@code pg_advisory_lock(SPACE, instance)}. */
    private static final int LIVENESS_SPACE = 0x5705;

    /** This instance's number among those sharing the database, drawn at random for this run. */
    private final int instance = 1 + new SecureRandom().nextInt(Integer.MAX_VALUE - 1);

    private final PostgresqlConnectionFactory connections;
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private final Duration retryAtMost;
    private volatile boolean live;
    private volatile @Nullable Disposable listening;

    ChangeFeed(PostgresqlConnectionFactory connections, Duration retryAtMost) {
        this.connections = connections;
        this.retryAtMost = retryAtMost;
    }

    /** Calls {@code listener} after every commit that changed what {@code channel} covers. Register before start. */
    public void onChange(String channel, Runnable listener) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        if (isRunning()) {
            throw new IllegalStateException("Register listeners while the application starts, before the feed listens");
        }
        listeners.computeIfAbsent(channel, name -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /**
     * This instance's number. While it runs, its feed connection holds a session advisory lock on it, which
     * PostgreSQL releases the moment the connection ends: when the instance stops, crashes or is killed. Work this
     * instance claims in the database can name it as the owner, and others can tell at once that an owner is gone
     * ({@link #ownerAlive}).
     */
    public int instance() {
        return instance;
    }

    /** An SQL condition, true while the instance whose number {@code ownerColumn} holds is running. */
    public static String ownerAlive(String ownerColumn) {
        return "EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = " + LIVENESS_SPACE
                + " AND objid = CAST(" + ownerColumn + " AS oid) AND objsubid = 2 AND granted)";
    }

    /** Whether every change committed from now on will be heard. */
    public boolean live() {
        return live;
    }

    @Override
    public void start() {
        listening = Flux.usingWhen(connections.create(), this::listen, PostgresqlConnection::close)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(retryAtMost)
                        .doBeforeRetry(signal -> lost(signal.failure(), signal.totalRetriesInARow())))
                .subscribe(notification -> heard(notification.getName()));
    }

    @Override
    public void stop() {
        live = false;
        Disposable current = listening;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return listening != null && !listening.isDisposed();
    }

    private Flux<Notification> listen(PostgresqlConnection connection) {
        // The liveness lock is tried, not waited for: after a reconnection the old session may hold it a little
        // longer, and it says the same thing.
        List<String> commands = new ArrayList<>(listeners.keySet().stream().map(channel -> "LISTEN " + channel).toList());
        commands.add("SELECT pg_try_advisory_lock(" + LIVENESS_SPACE + ", " + instance + ")");
        Mono<Void> subscribed = connection.createStatement(String.join("; ", commands)).execute()
                .flatMap(PostgresqlResult::getRowsUpdated).then();
        return subscribed
                .then(Mono.fromRunnable(this::connected))
                .thenMany(connection.getNotifications())
                .concatWith(Flux.error(() -> new IllegalStateException("the connection closed")));
    }

    private void connected() {
        boolean wasLive = live;
        live = true;
        if (!wasLive) {
            log.info("Listening for changes on {}", listeners.keySet());
        }
        listeners.keySet().forEach(this::heard);
    }

    private void lost(Throwable failure, long triesInARow) {
        live = false;
        listeners.keySet().forEach(this::heard);
        if (triesInARow == 0) {
            log.warn("Stopped hearing changes from PostgreSQL ({}); caches are bypassed until it is back", failure.toString());
        }
    }

    private void heard(String channel) {
        listeners.getOrDefault(channel, List.of()).forEach(Runnable::run);
    }
}
