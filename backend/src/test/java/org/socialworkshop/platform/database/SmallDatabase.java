package org.socialworkshop.platform.database;

import java.time.Duration;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.support.TestPostgres;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A {@link Database} of its own on the shared test PostgreSQL, with a small pool and the statement timeout a test
 * chooses, as a second instance of the application would have. Close it when done.
 */
public final class SmallDatabase implements AutoCloseable {

    private final ConnectionPool pool;
    private final Database database;

    public SmallDatabase(String name, Duration statementTimeout) {
        pool = new ConnectionPool(ConnectionPoolConfiguration.builder(connections(name, statementTimeout))
                .name(name)
                .maxSize(3)
                .maxAcquireTime(Duration.ofSeconds(5))
                .build());
        database = new Database(DatabaseClient.create(pool), TransactionalOperator.create(new R2dbcTransactionManager(pool)));
    }

    /** Connections to the shared test PostgreSQL under {@code name}, with this statement timeout (null: none). */
    static PostgresqlConnectionFactory connections(String name, @Nullable Duration statementTimeout) {
        PostgresqlConnectionConfiguration.Builder configuration = ServerAddress.parse(TestPostgres.url()).r2dbc().applicationName(name);
        if (statementTimeout != null) {
            configuration.statementTimeout(statementTimeout);
        }
        return new PostgresqlConnectionFactory(configuration.build());
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
