package org.socialworkshop.platform.audit;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Page;
import org.socialworkshop.platform.web.PlausibleDate;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Admins read the audit log, page by page or as one NDJSON export. */
@RestController
@RequestMapping("/api/admin/audit-log")
@PreAuthorize("hasRole('ADMIN')")
class AuditLogController {

    static final int EXPORT_LIMIT = 10_000;

    private final Database db;
    private final AuditLog audit;

    AuditLogController(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    @GetMapping
    Mono<Page<AuditEntry>> page(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Page.Request.MAX_SIZE) int size) {
        Page.Request request = new Page.Request(page, size);
        Mono<Long> total = db.sql("SELECT count(*) AS n FROM audit_log").map(row -> row.get("n", Long.class)).one();
        Mono<java.util.List<AuditEntry>> items = db.sql("""
                        SELECT id, occurred_at, actor, action, subject, details::text AS details, request_id
                        FROM audit_log ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .bind("limit", size)
                .bind("offset", request.offset())
                .map(audit::entry)
                .list();
        return Mono.zip(items, total, (list, count) -> new Page<>(list, page, size, count));
    }

    /** The newest entries (at most {@value #EXPORT_LIMIT}) as newline-delimited JSON, streamed. */
    @GetMapping(value = "/export", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<AuditEntry> export(@RequestParam(required = false) @PlausibleDate OffsetDateTime since) {
        return db.sql("""
                        SELECT id, occurred_at, actor, action, subject, details::text AS details, request_id
                        FROM audit_log WHERE occurred_at >= :since ORDER BY occurred_at DESC, id DESC LIMIT :limit""")
                .bind("since", since == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : since)
                .bind("limit", EXPORT_LIMIT)
                .map(audit::entry)
                .stream();
    }
}
