package org.socialworkshop.platform.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerAddressTest {

    @Test
    void readsEveryPartOfADatabaseUrl() {
        ServerAddress address = ServerAddress.parse("postgresql://shop:s%40cret@db.internal:6543/workshop");
        assertThat(address).isEqualTo(new ServerAddress("db.internal", 6543, "workshop", "shop", "s@cret"));
        assertThat(address.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/workshop");
        assertThat(address.toString()).doesNotContain("cret");
    }

    @Test
    void takesLibpqsSslModeForBothDrivers() {
        ServerAddress address = ServerAddress.parse("postgresql://app:pw@social-workshop-db-rw:5432/app?sslmode=require");
        assertThat(address.sslMode()).isEqualTo("require");
        assertThat(address.jdbcUrl()).isEqualTo("jdbc:postgresql://social-workshop-db-rw:5432/app?sslmode=require");
        assertThat(ServerAddress.parse("postgresql://app:pw@host/app").sslMode()).as("each driver's default").isNull();
        for (String mode : ServerAddress.SSL_MODES) {
            assertThat(io.r2dbc.postgresql.client.SSLMode.fromValue(mode)).as("R2DBC knows " + mode).isNotNull();
        }
        assertThatThrownBy(() -> ServerAddress.parse("postgresql://app:pw@host/app?sslmode=sometimes")).hasMessageContaining("sslmode");
        assertThatThrownBy(() -> ServerAddress.parse("postgresql://app:pw@host/app?ssl=true"))
                .as("a parameter it would ignore is refused").hasMessageContaining("only parameter");
    }

    @Test
    void defaultsThePort() {
        assertThat(ServerAddress.parse("postgres://u:p@host/db").port()).isEqualTo(5432);
    }

    @Test
    void refusesWhatIsNotAPostgresUrl() {
        assertThatThrownBy(() -> ServerAddress.parse("mysql://u:p@host/db")).hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> ServerAddress.parse("postgresql://host/db")).hasMessageContaining("user");
        assertThatThrownBy(() -> ServerAddress.parse("postgresql://u:p@host")).hasMessageContaining("database name");
    }
}
