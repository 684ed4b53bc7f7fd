package org.socialworkshop.platform.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.database.SideWrite;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.platform.web.RequestId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records staff actions: who did what to which thing, when, in which request. Call it inside the transaction
 * of the action, so the record exists exactly when the action happened. The table refuses UPDATE, DELETE
 * and TRUNCATE, so the application cannot rewrite its own history.
 */
@Component
public class AuditLog {

    private final Database db;
    private final JsonMapper json;

    AuditLog(Database db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Records an action by the signed-in person (or "system" when nobody is signed in). */
    public Mono<Void> record(String action, @Nullable String subject, Map<String, ?> details) {
        return CurrentUser.name().flatMap(actor -> record(actor, action, subject, details));
    }

    /** Records an action by a named actor, e.g. at sign-in, before the security context exists. */
    public Mono<Void> record(String actor, String action, @Nullable String subject, Map<String, ?> details) {
        return entry(actor, action, subject, details).flatMap(write -> write.binds().apply(db.sql(write.sql())).update()).then();
    }

    /**
     * An action by the signed-in person (or "system"), recorded by the caller's own statement
     * ({@link Database#sql(String, java.util.List)}): as {@link #record(String, String, Map)}, without a round trip of
     * its own.
     */
    public Mono<SideWrite> entry(String action, @Nullable String subject, Map<String, ?> details) {
        return CurrentUser.name().flatMap(actor -> entry(actor, action, subject, details));
    }

    private Mono<SideWrite> entry(String actor, String action, @Nullable String subject, Map<String, ?> details) {
        return Mono.deferContextual(context -> {
            String requestId = context.getOrDefault(RequestId.KEY, null);
            String written = json.writeValueAsString(details);
            return Mono.just(new SideWrite("audit_entry", """
                    INSERT INTO audit_log (actor, action, subject, details, request_id)
                    VALUES (:audit_entry_actor, :audit_entry_action, :audit_entry_subject, CAST(:audit_entry_details AS jsonb),
                            :audit_entry_request)""", statement -> statement.bind("audit_entry_actor", actor)
                    .bind("audit_entry_action", action)
                    .bindNullable("audit_entry_subject", subject, String.class)
                    .bind("audit_entry_details", written)
                    .bindNullable("audit_entry_request", requestId, String.class)));
        });
    }

    /** What was recorded about one subject (e.g. {@code order:{id}}), oldest first; at most 500 entries. */
    public Mono<List<AuditEntry>> about(String subject) {
        return db.sql("""
                        SELECT id, occurred_at, actor, action, subject, details::text AS details, request_id
                        FROM audit_log WHERE subject = :subject ORDER BY occurred_at, id LIMIT 500""")
                .bind("subject", subject)
                .map(this::entry)
                .list();
    }

    AuditEntry entry(Readable row) {
        return new AuditEntry(row.get("id", Long.class), row.get("occurred_at", OffsetDateTime.class),
                row.get("actor", String.class), row.get("action", String.class), row.get("subject", String.class),
                json.readTree(row.get("details", String.class)), row.get("request_id", String.class));
    }
}
