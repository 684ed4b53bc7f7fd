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
