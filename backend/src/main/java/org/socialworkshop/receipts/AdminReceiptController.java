package org.socialworkshop.receipts;

import java.util.List;
import java.util.Map;

import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Registers, the chain check, and key rotation, for administrators. */
@RestController
@RequestMapping("/api/admin/receipts")
@PreAuthorize("hasRole('ADMIN')")
class AdminReceiptController {

    private final Database db;
    private final ReceiptBook book;
    private final ReceiptKeys keys;
    private final AuditLog audit;

    AdminReceiptController(Database db, ReceiptBook book, ReceiptKeys keys, AuditLog audit) {
        this.db = db;
        this.book = book;
        this.keys = keys;
        this.audit = audit;
    }

    record Register(String id, String nameZh, String nameEn, long lastNumber) {
    }

    @GetMapping("/registers")
    Mono<List<Register>> registers() {
        return db.sql("SELECT id, name_zh, name_en, last_number FROM receipt_registers ORDER BY id")
                .map(row -> new Register(row.get("id", String.class), row.get("name_zh", String.class), row.get("name_en", String.class),
                        row.get("last_number", Long.class)))
                .list();
    }

    @GetMapping("/registers/{register}/check")
    Mono<ReceiptBook.RegisterCheck> check(@PathVariable String register) {
        return registers().flatMap(all -> all.stream().anyMatch(known -> known.id().equals(register))
                ? book.check(register)
                : Mono.error(new UnknownRegister(register)));
    }

    static final class UnknownRegister extends ProblemException {

        UnknownRegister(String register) {
            super(HttpStatus.NOT_FOUND, "Not found", "There is no register " + register + ".");
        }
    }

    @PostMapping("/keys/rotate")
    Mono<Map<String, String>> rotate() {
        return keys.rotate().flatMap(kid -> audit.record("receipts.key-rotated", "receipt-key:" + kid, Map.of())
                .thenReturn(Map.of("kid", kid)));
    }
}
