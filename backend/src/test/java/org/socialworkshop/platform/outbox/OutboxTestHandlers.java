package org.socialworkshop.platform.outbox;

import org.socialworkshop.platform.database.Database;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Outbox handlers that exist only in tests, for {@link OutboxDispatcherTest}. They handle event types nobody
 * else publishes, under names of their own, so they stay idle for every other test. Imported by
 * {@code @WorkshopTest}, so the tests that need them share the one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OutboxTestHandlers {

    @Bean
    RecordingHandler outboxTestRecordingHandler(Database db) {
        return new RecordingHandler(db, RecordingHandler.APPLICATION);
    }

    @Bean
    FlakyHandler outboxTestFlakyHandler(Database db) {
        return new FlakyHandler(db);
    }
}
