package org.socialworkshop.platform.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date at start-up, over JDBC, before any R2DBC connection is made.
 * This is the only JDBC in the application; requests never touch it.
 */
final class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    static Migrations apply(ServerAddress address) {
        MigrateResult result = Flyway.configure()
                .dataSource(address.jdbcUrl(), address.user(), address.password())
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load()
                .migrate();
        // Flyway names a target version only when it applied something.
        String version = result.migrationsExecuted > 0 ? result.targetSchemaVersion : result.initialSchemaVersion;
        log.info("Database schema at version {} ({} migrations applied now)", version, result.migrationsExecuted);
        return new Migrations();
    }
}
