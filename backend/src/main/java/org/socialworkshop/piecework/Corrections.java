package org.socialworkshop.piecework;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.piecework.domain.Account;
import org.socialworkshop.piecework.domain.LedgerEntry;
import org.socialworkshop.piecework.domain.PieceworkRules;
import org.socialworkshop.piecework.domain.Reason;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Adjustments, and corrections: a reversing entry for a wrong one, and a new entry in its place. Who and why are kept. */
@Service
public class Corrections {

    private final Database db;
    private final Ledger ledger;
    private final AuditLog audit;
    private final WorkshopTime time;

    Corrections(Database db, Ledger ledger, AuditLog audit, WorkshopTime time) {
        this.db = db;
        this.ledger = ledger;
        this.audit = audit;
        this.time = time;
    }

    public record Corrected(LedgerEntry reversal, @Nullable LedgerEntry replacement) {
    }

    /** A one-off amount for a maker (negative takes money back), with the reason. */
    public Mono<LedgerEntry> adjust(UUID maker, long amount, String reason) {
        UUID key = UUID.randomUUID();
        return db.inTransaction(() -> ledger.book(PieceworkProblem.ruled(() -> LedgerEntry.toMaker(Reason.ADJUSTMENT, "adjustment:" + key,
                        time.today(), "adjustment:" + key, maker, Account.ADJUSTMENTS, amount, reason)))
                .flatMap(entry -> audit.record("piecework.adjusted", "maker:" + maker, Map.of("amount", amount, "reason", reason))
                        .thenReturn(entry)));
    }

    /** Reverses an entry (once: a second correction of it is refused) and books a replacement if one is given. */
    public Mono<Corrected> correct(UUID entryId, String reason, @Nullable UUID replacementMaker, @Nullable Long replacementAmount) {
        return ledger.find(entryId).switchIfEmpty(Mono.error(() -> PieceworkProblem.notFound("ledger entry")))
                .flatMap(original -> db.inTransaction(() -> {
                    LedgerEntry reversal = PieceworkProblem.ruled(() -> original.entry().reversal(time.today(), reason));
                    Mono<LedgerEntry> replacement = replacementMaker == null || replacementAmount == null || replacementAmount == 0 ? Mono.empty()
                            : ledger.book(LedgerEntry.toMaker(Reason.ADJUSTMENT, "correction:" + entryId, time.today(),
                                    "correction:" + entryId, replacementMaker, Account.ADJUSTMENTS, replacementAmount, reason));
                    return ledger.book(reversal)
                            .flatMap(booked -> booked.id().equals(reversal.id()) ? Mono.just(booked)
                                    : Mono.error(PieceworkProblem.of(PieceworkRules.alreadyCorrected())))
                            .flatMap(booked -> replacement.map(replaced -> new Corrected(booked, replaced))
                                    .defaultIfEmpty(new Corrected(booked, null)))
                            .flatMap(corrected -> audit.record("piecework.corrected", "ledger:" + entryId, Map.of("reason", reason))
                                    .thenReturn(corrected));
                }));
    }
}
