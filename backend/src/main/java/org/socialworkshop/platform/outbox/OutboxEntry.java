package org.socialworkshop.platform.outbox;

import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

/** One delivery of an event to one handler, as an admin sees it. */
public record OutboxEntry(long id, String eventType, String handler, String status, int attempts,
        OffsetDateTime createdAt, OffsetDateTime availableAt, @Nullable String lastError) {

    static final String COLUMNS = "id, event_type, handler, status, attempts, created_at, available_at, last_error";

    static OutboxEntry from(Readable row) {
        return new OutboxEntry(row.get("id", Long.class), row.get("event_type", String.class),
                row.get("handler", String.class), row.get("status", String.class), row.get("attempts", Integer.class),
                row.get("created_at", OffsetDateTime.class), row.get("available_at", OffsetDateTime.class),
                row.get("last_error", String.class));
    }
}
