package org.socialworkshop.platform.database;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one PostgreSQL this instance uses: an external server named by DATABASE_URL, or the embedded one. */
public final class DatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

    private final ServerAddress address;
    private final @Nullable EmbeddedPostgresServer embedded;

    private DatabaseServer(ServerAddress address, @Nullable EmbeddedPostgresServer embedded) {
        this.address = address;
        this.embedded = embedded;
    }

    static DatabaseServer from(DatabaseProperties properties) {
        if (!properties.embedded()) {
            ServerAddress external = ServerAddress.parse(properties.url());
            log.info("Using the PostgreSQL server at {}", external);
            return new DatabaseServer(external, null);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties.dataDir());
        return new DatabaseServer(server.address(), server);
    }

    public ServerAddress address() {
        return address;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * Starts the embedded server again if it has died; true when it had to. An external server is its operator's
     * to run: this does nothing for it.
     */
    boolean healIfDead() throws IOException {
        if (embedded == null || embedded.alive()) {
            return false;
        }
        log.warn("The embedded PostgreSQL is not running (killed or crashed); starting it again");
        embedded.restart();
        log.info("The embedded PostgreSQL runs again at {}", embedded.address());
        return true;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
