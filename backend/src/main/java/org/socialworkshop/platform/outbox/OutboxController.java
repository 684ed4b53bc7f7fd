package org.socialworkshop.platform.outbox;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Admins see undelivered events and send parked ones round again once the cause is fixed. */
@RestController
@RequestMapping("/api/admin/outbox")
@PreAuthorize("hasRole('ADMIN')")
class OutboxController {

    private final Database db;
    private final AuditLog audit;

    OutboxController(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    @GetMapping
    Mono<Page<OutboxEntry>> list(@RequestParam(defaultValue = "PARKED") @Pattern(regexp = "PENDING|PARKED|DONE") String status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Page.Request.MAX_SIZE) int size) {
        Page.Request request = new Page.Request(page, size);
        Mono<List<OutboxEntry>> items = db.sql("SELECT " + OutboxEntry.COLUMNS
                        + " FROM outbox WHERE status = :status ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .bind("status", status).bind("limit", size).bind("offset", request.offset())
                .map(OutboxEntry::from).list();
        Mono<Long> total = db.sql("SELECT count(*) AS n FROM outbox WHERE status = :status")
                .bind("status", status).map(row -> row.get("n", Long.class)).one();
        return Mono.zip(items, total, (list, count) -> new Page<>(list, page, size, count));
    }

    @PostMapping("/{id}/retry")
    Mono<ResponseEntity<Void>> retry(@PathVariable long id) {
        return db.inTransaction(() -> db.sql("""
                        UPDATE outbox SET status = 'PENDING', attempts = 0, available_at = now()
                        WHERE id = :id AND status = 'PARKED'""")
                .bind("id", id)
                .update()
                .filter(rows -> rows == 1)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No parked event with this id")))
                .then(audit.record("outbox.retry", "outbox:" + id, Map.of()))
                .thenReturn(ResponseEntity.noContent().build()));
    }
}
