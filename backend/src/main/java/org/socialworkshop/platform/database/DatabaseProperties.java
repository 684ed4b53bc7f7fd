package org.socialworkshop.platform.database;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the database is and how the pool treats it.
 *
 * @param url {@code postgresql://user:pass@host:port/db}; blank means "start the embedded PostgreSQL"
 * @param dataDir the embedded server's data directory, kept across restarts
 * @param pool bounds of the R2DBC connection pool
 */
@ConfigurationProperties("workshop.database")
public record DatabaseProperties(
        @Nullable String url,
        @DefaultValue("./data/postgres") Path dataDir,
        @DefaultValue Pool pool) {

    /** A blank URL selects the embedded server. */
    public boolean embedded() {
        return url == null || url.isBlank();
    }

    /**
     * @param maxSize connections at most; requests beyond wait up to {@code maxAcquireTime}
     * @param statementTimeout server-side limit for one statement, so a stuck query frees its connection
     * @param validationQuery run on every acquire when set; blank (the default) checks only that the connection is
     *        still open, which costs no round trip
     */
    public record Pool(
            @DefaultValue("20") int maxSize,
            @DefaultValue("2") int initialSize,
            @DefaultValue("5s") Duration maxAcquireTime,
            @DefaultValue("10m") Duration maxIdleTime,
            @DefaultValue("30m") Duration maxLifeTime,
            @DefaultValue("30s") Duration statementTimeout,
            @DefaultValue("") String validationQuery) {
    }
}
