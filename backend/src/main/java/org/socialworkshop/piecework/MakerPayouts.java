package org.socialworkshop.piecework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.piecework.domain.LedgerEntry;
import org.socialworkshop.piecework.domain.Payouts;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Money paid to makers. The maker's ledger is locked (an advisory lock per maker) while the balance is summed and
 * the payout booked, so two payouts at the same moment can never together exceed what is owed.
 */
@Service
public class MakerPayouts {

    private final Database db;
    private final Ledger ledger;
    private final AuditLog audit;
    private final WorkshopTime time;

    MakerPayouts(Database db, Ledger ledger, AuditLog audit, WorkshopTime time) {
        this.db = db;
        this.ledger = ledger;
        this.audit = audit;
        this.time = time;
    }

    public enum Method {
        BANK_TRANSFER, CASH, MOBILE_WALLET
    }

    public record Payout(UUID id, UUID makerId, Money amount, Method method, @Nullable String reference, @Nullable UUID batchId,
            UUID entryId, LocalDate paidOn, OffsetDateTime createdAt) {
    }

    public record Batch(UUID id, Method method, List<Payout> payouts, Money total) {
    }

    public Mono<Payout> pay(UUID maker, long amount, Method method, @Nullable String reference) {
        return db.inTransaction(() -> payLocked(maker, amount, method, reference, null, time.today()));
    }

    /** A payout recorded for the day it was made (demo history, or a cash payment entered later). */
    Mono<Payout> payOn(UUID maker, long amount, Method method, @Nullable String reference, LocalDate day) {
        return db.inTransaction(() -> payLocked(maker, amount, method, reference, null, day));
    }

    /** Pays each listed maker (everyone owed anything, when none are listed) their whole balance. */
    public Mono<Batch> batch(Method method, @Nullable List<UUID> makers) {
        UUID batchId = UUID.randomUUID();
        Mono<List<UUID>> owed = makers != null && !makers.isEmpty() ? Mono.just(makers) : db.sql("""
                        SELECT maker_id FROM ledger_postings WHERE maker_id IS NOT NULL GROUP BY maker_id HAVING sum(amount) > 0 ORDER BY maker_id""")
                .map(row -> row.get("maker_id", UUID.class)).list();
        return CurrentUser.name().flatMap(actor -> owed.flatMap(ids -> db.inTransaction(() -> db.sql(
                                "INSERT INTO payout_batches (id, method, created_by) VALUES (:id, :method, :actor)")
                        .bind("id", batchId).bind("method", method.name()).bind("actor", actor).update()
                        .thenMany(Flux.fromIterable(ids).concatMap(maker -> ledger.lockMaker(maker).then(ledger.balance(maker, null))
                                .filter(balance -> balance > 0)
                                .flatMap(balance -> payLocked(maker, balance, method, "batch " + batchId.toString().substring(0, 8), batchId,
                                        time.today()))))
                        .collectList()
                        .map(paid -> new Batch(batchId, method, paid, paid.stream().map(Payout::amount).reduce(Money.fen(0), Money::plus))))));
    }

    private Mono<Payout> payLocked(UUID maker, long amount, Method method, @Nullable String reference, @Nullable UUID batch,
            LocalDate today) {
        UUID id = UUID.randomUUID();
        return ledger.lockMaker(maker).then(ledger.balance(maker, null)).flatMap(balance -> {
            LedgerEntry entry = PieceworkProblem.ruled(() -> Payouts.payout(maker, balance, amount, today, "payout:" + id,
                    method.name().toLowerCase(Locale.ROOT) + (reference == null ? "" : " " + reference)));
            return ledger.book(entry).flatMap(booked -> CurrentUser.name().flatMap(actor -> db.sql("""
                            INSERT INTO payouts (id, maker_id, amount_fen, method, reference, batch_id, entry_id, paid_on, created_by)
                            VALUES (:id, :maker, :amount, :method, :reference, :batch, :entry, :day, :actor)""")
                    .bind("id", id).bind("maker", maker).bind("amount", amount).bind("method", method.name())
                    .bindNullable("reference", reference, String.class).bindNullable("batch", batch, UUID.class)
                    .bind("entry", booked.id()).bind("day", today).bind("actor", actor)
                    .update()))
                    .then(audit.record("piecework.payout", "maker:" + maker, Map.of("amount", amount, "method", method.name())))
                    .then(find(id));
        });
    }

    Mono<Payout> find(UUID id) {
        return db.sql("SELECT id, maker_id, amount_fen, method, reference, batch_id, entry_id, paid_on, created_at FROM payouts WHERE id = :id")
                .bind("id", id)
                .map(row -> new Payout(row.get("id", UUID.class), row.get("maker_id", UUID.class), Money.fen(row.get("amount_fen", Long.class)),
                        Method.valueOf(row.get("method", String.class)), row.get("reference", String.class), row.get("batch_id", UUID.class),
                        row.get("entry_id", UUID.class), row.get("paid_on", LocalDate.class), row.get("created_at", OffsetDateTime.class)))
                .one();
    }

    /** The bank's file for a batch: one line per maker, amounts in yuan with two decimals. */
    public Mono<String> csv(UUID batch) {
        return db.sql("""
                        SELECT m.id, m.name, p.amount_fen, p.reference FROM payouts p JOIN makers m ON m.id = p.maker_id
                        WHERE p.batch_id = :batch ORDER BY m.name, m.id""")
                .bind("batch", batch)
                .map(row -> String.join(",", row.get("id", UUID.class).toString(), quoted(row.get("name", String.class)),
                        Money.fen(row.get("amount_fen", Long.class)).decimal(), quoted(row.get("reference", String.class))))
                .list()
                .flatMap(lines -> lines.isEmpty() ? Mono.error(PieceworkProblem.notFound("payout batch"))
                        : Mono.just("maker,account_name,amount_yuan,reference\n" + String.join("\n", lines) + "\n"));
    }

    /** A CSV field, quoted, with formula-starting characters neutralised so a spreadsheet does not run them. */
    private static String quoted(@Nullable String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
