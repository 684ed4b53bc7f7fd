package org.socialworkshop.piecework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.piecework.domain.Account;
import org.socialworkshop.piecework.domain.LedgerEntry;
import org.socialworkshop.piecework.domain.Posting;
import org.socialworkshop.piecework.domain.Reason;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The earnings ledger in PostgreSQL: entries with their postings, written once (a repeated idempotency key gives
 * back the entry already booked), never changed (triggers), and balanced (a trigger checks each entry when its
 * transaction commits). A balance is always summed from the postings, for any day.
 */
@Service
public class Ledger {

    private final Database db;

    Ledger(Database db) {
        this.db = db;
    }

    /** An entry as stored, with who booked it. */
    public record Booked(LedgerEntry entry, String actor) {
    }

    /** Books an entry, once per idempotency key; call inside the transaction of the change it records. */
    public Mono<LedgerEntry> book(LedgerEntry entry) {
        return CurrentUser.name().flatMap(actor -> db.sql("""
                        INSERT INTO ledger_entries (id, reason, source, day, idempotency_key, memo, actor, reverses)
                        VALUES (:id, :reason, :source, :day, :key, :memo, :actor, :reverses)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .bind("id", entry.id()).bind("reason", entry.reason().name()).bind("source", entry.source())
                .bind("day", entry.day()).bind("key", entry.idempotencyKey()).bind("memo", entry.memo()).bind("actor", actor)
                .bindNullable("reverses", entry.reverses(), UUID.class)
                .update()
                .flatMap(inserted -> inserted == 0
                        ? byKey(entry.idempotencyKey())
                        : Flux.fromIterable(entry.postings())
                                .concatMap(posting -> db.sql("INSERT INTO ledger_postings (entry_id, account, amount) VALUES (:entry, :account, :amount)")
                                        .bind("entry", entry.id()).bind("account", posting.account().name()).bind("amount", posting.amount())
                                        .update())
                                .then(Mono.just(entry))));
    }

    /** Serialises changes to one maker's balance (payouts) until the transaction ends. */
    Mono<Void> lockMaker(UUID maker) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtext('maker-ledger:' || :maker)) IS NOT NULL AS locked")
                .bind("maker", maker.toString()).map(row -> row.get("locked", Boolean.class)).one().then();
    }

    /** What the workshop owes the maker after everything booked on or before {@code asOf} (all, when null). */
    public Mono<Long> balance(UUID maker, @Nullable LocalDate asOf) {
        return db.sql("""
                        SELECT coalesce(sum(p.amount), 0) AS balance FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id
                        WHERE p.maker_id = :maker AND (CAST(:asOf AS date) IS NULL OR e.day <= :asOf)""")
                .bind("maker", maker).bindNullable("asOf", asOf, LocalDate.class)
                .map(row -> row.get("balance", Number.class).longValue())
                .one();
    }

    public Mono<Booked> find(UUID id) {
        return entries("e.id = :id", Map.of("id", id)).next();
    }

    Mono<LedgerEntry> byKey(String key) {
        return entries("e.idempotency_key = :key", Map.of("key", key)).next().map(Booked::entry);
    }

    /** The maker's entries with a day in [from, to], in day order. */
    Flux<Booked> ofMaker(UUID maker, LocalDate from, LocalDate to) {
        return entries("e.id IN (SELECT entry_id FROM ledger_postings WHERE maker_id = :maker) AND e.day BETWEEN :from AND :to",
                Map.of("maker", maker, "from", from, "to", to));
    }

    private Flux<Booked> entries(String where, Map<String, Object> parameters) {
        var statement = db.sql("""
                SELECT e.id, e.reason, e.source, e.day, e.idempotency_key, e.memo, e.actor, e.reverses, p.account, p.amount
                FROM ledger_entries e JOIN ledger_postings p ON p.entry_id = e.id
                WHERE\s""" + where + " ORDER BY e.day, e.created_at, e.id, p.account");
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            statement = statement.bind(parameter.getKey(), parameter.getValue());
        }
        return statement.map(row -> new Object[] {row.get("id", UUID.class), row.get("reason", String.class), row.get("source", String.class),
                        row.get("day", LocalDate.class), row.get("idempotency_key", String.class), row.get("memo", String.class),
                        row.get("actor", String.class), row.get("reverses", UUID.class), row.get("account", String.class),
                        row.get("amount", Long.class)})
                .list()
                .flatMapMany(rows -> {
                    Map<UUID, List<Object[]>> byEntry = new LinkedHashMap<>();
                    rows.forEach(row -> byEntry.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(row));
                    return Flux.fromIterable(byEntry.values()).map(Ledger::booked);
                });
    }

    private static Booked booked(List<Object[]> rows) {
        Object[] head = rows.get(0);
        List<Posting> postings = rows.stream().map(row -> new Posting(new Account((String) row[8]), (Long) row[9])).toList();
        return new Booked(new LedgerEntry((UUID) head[0], Reason.valueOf((String) head[1]), (String) head[2], (LocalDate) head[3],
                (String) head[4], postings, (String) head[5], (UUID) head[7]), (String) head[6]);
    }
}
