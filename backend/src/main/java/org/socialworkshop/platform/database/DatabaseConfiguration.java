package org.socialworkshop.platform.database;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
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
        ServerAddress address = server.address();
        DatabaseProperties.Pool pool = properties.pool();
        PostgresqlConnectionFactory connections = new PostgresqlConnectionFactory(
                PostgresqlConnectionConfiguration.builder()
                        .host(address.host())
                        .port(address.port())
                        .database(address.database())
                        .username(address.user())
                        .password(address.password())
                        .applicationName("social-workshop")
                        .statementTimeout(pool.statementTimeout())
                        .build());
        return new ConnectionPool(ConnectionPoolConfiguration.builder(connections)
                .name("workshop")
                .initialSize(pool.initialSize())
                .maxSize(pool.maxSize())
                .maxAcquireTime(pool.maxAcquireTime())
                .maxIdleTime(pool.maxIdleTime())
                .maxLifeTime(pool.maxLifeTime())
                .validationQuery(pool.validationQuery())
                .build());
    }

    @Bean
    Database database(DatabaseClient client, ReactiveTransactionManager transactions) {
        return new Database(client, TransactionalOperator.create(transactions));
    }
}
