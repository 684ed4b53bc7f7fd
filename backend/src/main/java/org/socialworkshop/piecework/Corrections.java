package org.socialworkshop.piecework;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.makers.MakerId;
import org.socialworkshop.makers.Makers;
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
    private final Makers makers;

    Corrections(Database db, Ledger ledger, AuditLog audit, WorkshopTime time, Makers makers) {
        this.makers = makers;
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
        return known(maker).then(db.inTransaction(() -> ledger.book(PieceworkProblem.ruled(() -> LedgerEntry.toMaker(Reason.ADJUSTMENT, "adjustment:" + key,
                        time.today(), "adjustment:" + key, maker, Account.ADJUSTMENTS, amount, reason)))
                .flatMap(entry -> audit.record("piecework.adjusted", "maker:" + maker, Map.of("amount", amount, "reason", reason))
                        .thenReturn(entry))));
    }

    /**
     * Completes when the maker exists, else fails with 404. The ledger names makers without a foreign key (it outlives
     * their profiles), so an unknown id must be stopped here: booked, it would break every payout batch after it.
     */
    private Mono<Void> known(@Nullable UUID maker) {
        if (maker == null) {
            return Mono.empty();
        }
        return makers.existing(List.of(new MakerId(maker)))
                .flatMap(found -> found.isEmpty() ? Mono.error(PieceworkProblem.notFound("maker")) : Mono.empty());
    }

    /** Reverses an entry (once: a second correction of it is refused) and books a replacement if one is given. */
    public Mono<Corrected> correct(UUID entryId, String reason, @Nullable UUID replacementMaker, @Nullable Long replacementAmount) {
        return known(replacementMaker).then(ledger.find(entryId)).switchIfEmpty(Mono.error(() -> PieceworkProblem.notFound("ledger entry")))
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
