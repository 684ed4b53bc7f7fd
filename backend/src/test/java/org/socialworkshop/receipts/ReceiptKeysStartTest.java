package org.socialworkshop.receipts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A signing key exists once the application has started, before any receipt was issued. */
@WorkshopTest
class ReceiptKeysStartTest {

    @Autowired
    Database db;

    @Test
    void theActiveKeyIsThereAfterStartAndItsPrivatePartIsNotStoredInTheClear() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(db.sql("SELECT count(*) AS n FROM receipt_keys WHERE retired_at IS NULL")
                        .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1));
        byte[] stored = db.sql("SELECT private_key FROM receipt_keys WHERE retired_at IS NULL")
                .map(row -> row.get("private_key", byte[].class)).one().block();
        assertThat(stored.length).as("salt, iv, PKCS#8 and the GCM tag").isGreaterThan(16 + 12 + 48);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("\u0030\u002e\u0002\u0001\u0000");
    }
}
