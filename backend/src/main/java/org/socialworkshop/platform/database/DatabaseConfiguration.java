package org.socialworkshop.platform.database;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Wires the database: the server first, then the migrations, then the pool, so nothing can reach a
 * connection before the schema is current.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(DatabaseProperties properties) {
        return DatabaseServer.from(properties);
    }

    @Bean
    Migrations migrations(DatabaseServer server) {
        return Migrations.apply(server.address());
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(DatabaseServer server, Migrations migrated, DatabaseProperties properties) {
        DatabaseProperties.Pool pool = properties.pool();
        ConnectionPoolConfiguration.Builder configuration = ConnectionPoolConfiguration.builder(connections(server, properties))
                .name("workshop")
                .initialSize(pool.initialSize())
                .maxSize(pool.maxSize())
                .maxAcquireTime(pool.maxAcquireTime())
                .maxIdleTime(pool.maxIdleTime())
                .maxLifeTime(pool.maxLifeTime());
        // Without a validation query the pool still drops connections whose socket has closed; a query costs a
        // round trip on every acquire (see docs/performance.md).
        if (!pool.validationQuery().isBlank()) {
            configuration.validationQuery(pool.validationQuery());
        }
        return new ConnectionPool(configuration.build());
    }

    /** Its own connection, outside the pool, listening for changes every instance makes. */
    @Bean
    ChangeFeed changeFeed(DatabaseServer server, Migrations migrated, DatabaseProperties properties) {
        return new ChangeFeed(connections(server, properties), properties.pool().maxAcquireTime());
    }

    private static PostgresqlConnectionFactory connections(DatabaseServer server, DatabaseProperties properties) {
        return new PostgresqlConnectionFactory(server.address().r2dbc()
                .applicationName("social-workshop")
                .statementTimeout(properties.pool().statementTimeout())
                .tcpKeepAlive(true)
                .build());
    }

    @Bean
    Database database(DatabaseClient client, ReactiveTransactionManager transactions) {
        return new Database(client, TransactionalOperator.create(transactions));
    }
}
