package org.socialworkshop.platform.audit;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One recorded staff action. */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, @Nullable String subject,
        JsonNode details, @Nullable String requestId) {
}
