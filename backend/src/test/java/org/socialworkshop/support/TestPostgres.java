package org.socialworkshop.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL for the whole test run, started on first use in a fresh temporary directory and
 * stopped when the JVM exits. Every Spring test context points at it with {@code workshop.database.url}.
 */
public final class TestPostgres {

    private static volatile EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** The {@code DATABASE_URL}-style address of the shared test server. */
    public static String url() {
        return "postgresql://postgres:@localhost:" + server().getPort() + "/postgres";
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/postgres?user=postgres";
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            synchronized (TestPostgres.class) {
                if (server == null) {
                    try {
                        server = EmbeddedPostgres.builder()
                                .setServerConfig("max_connections", "300")
                                .setServerConfig("fsync", "off")
                                .start();
                    } catch (IOException e) {
                        throw new UncheckedIOException("Could not start the test PostgreSQL", e);
                    }
                }
            }
        }
        return server;
    }
}
