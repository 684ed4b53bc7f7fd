package org.socialworkshop.piecework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.ProductId;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.inventory.Inventory;
import org.socialworkshop.makers.MakerId;
import org.socialworkshop.piecework.domain.Account;
import org.socialworkshop.piecework.domain.LedgerEntry;
import org.socialworkshop.piecework.domain.QualityCheck;
import org.socialworkshop.piecework.domain.Reason;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.shared.Money;
import org.socialworkshop.shared.Page;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Work done by makers: recorded by a coordinator or reported by the maker, then checked. Checking accepts or
 * rejects every piece; the accepted ones are booked to the maker at the rate in force on the day of the work, in
 * the same transaction, and can be received into stock (crediting the maker on the product).
 */
@Service
public class WorkRecords {

    private static final String COLUMNS = """
            w.id, w.maker_id, m.display_name AS maker_name, coalesce(m.display_name_latin, m.display_name) AS maker_name_latin, w.operation_id, o.name_zh AS operation_zh, o.name_en AS operation_en,
            p.name_zh AS product_name, p.name_en AS product_name_en, w.work_date, w.pieces, w.status, w.accepted, w.rejected, w.reason, w.rate_fen, w.amount_fen,
            w.reported_by, w.checked_by, w.reported_at, w.order_id, w.minutes""";
    private static final String FROM = """
             FROM work_records w JOIN makers m ON m.id = w.maker_id JOIN piece_operations o ON o.id = w.operation_id
                  JOIN products p ON p.id = o.product_id""";

    private final Database db;
    private final PieceRates rates;
    private final Ledger ledger;
    private final Inventory inventory;
    private final Catalog catalog;
    private final AuditLog audit;

    WorkRecords(Database db, PieceRates rates, Ledger ledger, Inventory inventory, Catalog catalog, AuditLog audit) {
        this.db = db;
        this.rates = rates;
        this.ledger = ledger;
        this.inventory = inventory;
        this.catalog = catalog;
        this.audit = audit;
    }

    public enum Status {
        REPORTED, RECORDED, CHECKED, DECLINED
    }

    public record WorkRecord(UUID id, UUID makerId, String makerName, UUID operationId, String operationName, String operationNameEn,
            String productName, LocalDate workDate, int pieces, Status status, @Nullable Integer accepted, @Nullable Integer rejected,
            @Nullable String reason, @Nullable Money rate, @Nullable Money amount, String reportedBy, @Nullable String checkedBy,
            OffsetDateTime reportedAt, @Nullable UUID orderId, @Nullable Integer minutes, String makerNameLatin, String productNameEn) {
    }

    /** What a check says: accepted and rejected pieces, why any were rejected, and where accepted ones go. */
    public record Check(int accepted, int rejected, @Nullable String reason, @Nullable String receiveTo) {
    }

    /** A coordinator records work; with a check it is checked and booked at once. */
    public Mono<WorkRecord> record(UUID maker, UUID operation, LocalDate day, int pieces, @Nullable String note, @Nullable Check check) {
        return record(maker, operation, day, pieces, note, check, null);
    }

    /** A coordinator records work, done for an order when {@code order} is given (an order made to order). */
    public Mono<WorkRecord> record(UUID maker, UUID operation, LocalDate day, int pieces, @Nullable String note, @Nullable Check check,
            @Nullable UUID order) {
        return record(maker, operation, day, pieces, note, check, order, null);
    }

    /**
     * A coordinator records work, done for {@code order} when given, and the {@code minutes} it took when known (the
     * time spent on the day's pieces, which impact reports sum as the hours recorded for an order).
     */
    public Mono<WorkRecord> record(UUID maker, UUID operation, LocalDate day, int pieces, @Nullable String note, @Nullable Check check,
            @Nullable UUID order, @Nullable Integer minutes) {
        UUID id = UUID.randomUUID();
        return rates.find(operation).then(db.inTransaction(() -> insert(id, maker, operation, day, pieces, note, Status.RECORDED, order, minutes)
                        .then(check == null ? Mono.empty() : checkLocked(id, check))))
                .then(find(id));
    }

    /** A maker reports their own work; it waits for a coordinator's check. */
    public Mono<WorkRecord> report(UUID maker, UUID operation, LocalDate day, int pieces) {
        UUID id = UUID.randomUUID();
        return rates.find(operation).then(db.inTransaction(() -> insert(id, maker, operation, day, pieces, null, Status.REPORTED, null, null)))
                .then(find(id));
    }

    public Mono<WorkRecord> check(UUID id, Check check) {
        return db.inTransaction(() -> checkLocked(id, check)).then(find(id));
    }

    public Mono<WorkRecord> decline(UUID id, String reason) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("""
                        UPDATE work_records SET status = 'DECLINED', reason = :reason, checked_by = :actor, checked_at = now()
                        WHERE id = :id AND status IN ('REPORTED', 'RECORDED')""")
                .bind("reason", reason).bind("actor", actor).bind("id", id)
                .update()
                .flatMap(updated -> updated == 0 ? notWaiting(id) : audit.record("piecework.work-declined", "work-record:" + id,
                        Map.of("reason", reason)))))
                .then(find(id));
    }

    private Mono<Void> notWaiting(UUID id) {
        return find(id).then(Mono.error(PieceworkProblem.notWaiting()));
    }

    private Mono<Void> insert(UUID id, UUID maker, UUID operation, LocalDate day, int pieces, @Nullable String note, Status status,
            @Nullable UUID order, @Nullable Integer minutes) {
        return CurrentUser.name().flatMap(actor -> db.sql("""
                        INSERT INTO work_records (id, maker_id, operation_id, work_date, pieces, status, note, reported_by, order_id, minutes)
                        VALUES (:id, :maker, :operation, :day, :pieces, :status, :note, :actor, :order, :minutes)""")
                .bind("id", id).bind("maker", maker).bind("operation", operation).bind("day", day).bind("pieces", pieces)
                .bind("status", status.name()).bindNullable("note", note, String.class).bind("actor", actor)
                .bindNullable("order", order, UUID.class).bindNullable("minutes", minutes, Integer.class)
                .update()).then();
    }

    /** The check itself; call inside a transaction. */
    private Mono<Void> checkLocked(UUID id, Check check) {
        return db.sql("""
                        SELECT w.maker_id, w.operation_id, w.work_date, w.pieces, o.product_id, o.variant_id, o.name_zh
                        FROM work_records w JOIN piece_operations o ON o.id = w.operation_id
                        WHERE w.id = :id AND w.status IN ('REPORTED', 'RECORDED') FOR UPDATE OF w""")
                .bind("id", id)
                .map(row -> new Waiting(row.get("maker_id", UUID.class), row.get("operation_id", UUID.class),
                        row.get("work_date", LocalDate.class), row.get("pieces", Integer.class), row.get("product_id", UUID.class),
                        row.get("variant_id", UUID.class), row.get("name_zh", String.class)))
                .first()
                .switchIfEmpty(Mono.defer(() -> notWaiting(id).then(Mono.empty())))
                .flatMap(waiting -> rates.schedule(waiting.operation()).flatMap(schedule -> {
                    QualityCheck quality = PieceworkProblem.ruled(() -> new QualityCheck(waiting.pieces(), check.accepted(), check.rejected(),
                            check.reason()));
                    long rate = PieceworkProblem.ruled(() -> schedule.rateOn(waiting.day()));
                    long amount = quality.earnings(rate);
                    Mono<?> booked = amount == 0 ? Mono.empty() : ledger.book(LedgerEntry.toMaker(Reason.WORK, "work-record:" + id,
                            waiting.day(), "work:" + id, waiting.maker(), Account.PIECEWORK, amount,
                            waiting.operationName() + " × " + check.accepted()));
                    return CurrentUser.name().flatMap(actor -> db.sql("""
                                    UPDATE work_records SET status = 'CHECKED', accepted = :accepted, rejected = :rejected, reason = :reason,
                                           rate_fen = :rate, amount_fen = :amount, received_to = :receiveTo, checked_by = :actor, checked_at = now()
                                    WHERE id = :id""")
                            .bind("accepted", check.accepted()).bind("rejected", check.rejected())
                            .bindNullable("reason", check.reason(), String.class).bind("rate", rate).bind("amount", amount)
                            .bindNullable("receiveTo", check.receiveTo(), String.class).bind("actor", actor).bind("id", id)
                            .update())
                            .then(booked)
                            .then(receive(waiting, check, id))
                            .then(audit.record("piecework.work-checked", "work-record:" + id, Map.of("accepted", check.accepted(),
                                    "rejected", check.rejected(), "amount", amount)));
                }));
    }

    private record Waiting(UUID maker, UUID operation, LocalDate day, int pieces, UUID product, @Nullable UUID variant, String operationName) {
    }

    /** Accepted finished pieces into stock, and the maker credited on the product. */
    private Mono<Void> receive(Waiting waiting, Check check, UUID id) {
        if (check.receiveTo() == null || check.accepted() == 0) {
            return Mono.empty();
        }
        Mono<VariantId> variant = waiting.variant() != null ? Mono.just(new VariantId(waiting.variant()))
                : catalog.defaultVariant(new ProductId(waiting.product()));
        return variant.flatMap(chosen -> inventory.receive(chosen, check.receiveTo(), check.accepted(), "work-record:" + id))
                .then(catalog.creditMaker(new ProductId(waiting.product()), new MakerId(waiting.maker())));
    }

    public Mono<WorkRecord> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " " + FROM + " WHERE w.id = :id").bind("id", id).map(WorkRecords::row).first()
                .switchIfEmpty(Mono.error(() -> PieceworkProblem.notFound("work record")));
    }

    public Mono<Page<WorkRecord>> list(@Nullable Status status, @Nullable UUID maker, @Nullable YearMonth month, Page.Request page) {
        return list(status, maker, month, null, page);
    }

    /** Work records by status, maker, month and the order they were done for; each filter optional. */
    public Mono<Page<WorkRecord>> list(@Nullable Status status, @Nullable UUID maker, @Nullable YearMonth month, @Nullable UUID order,
            Page.Request page) {
        String where = """
                 WHERE (CAST(:status AS text) IS NULL OR w.status = :status) AND (CAST(:maker AS uuid) IS NULL OR w.maker_id = :maker)
                   AND (CAST(:from AS date) IS NULL OR w.work_date BETWEEN :from AND :to)
                   AND (CAST(:order AS uuid) IS NULL OR w.order_id = :order)""";
        LocalDate from = month == null ? null : month.atDay(1);
        LocalDate to = month == null ? null : month.atEndOfMonth();
        var count = db.sql("SELECT count(*) AS n " + FROM + " " + where);
        var items = db.sql("SELECT " + COLUMNS + " " + FROM + " " + where + " ORDER BY w.work_date DESC, w.reported_at DESC LIMIT :limit OFFSET :offset");
        return Mono.zip(
                        count.bindNullable("status", status == null ? null : status.name(), String.class).bindNullable("maker", maker, UUID.class)
                                .bindNullable("order", order, UUID.class)
                                .bindNullable("from", from, LocalDate.class).bindNullable("to", to, LocalDate.class)
                                .map(row -> row.get("n", Long.class)).one(),
                        items.bindNullable("status", status == null ? null : status.name(), String.class).bindNullable("maker", maker, UUID.class)
                                .bindNullable("order", order, UUID.class)
                                .bindNullable("from", from, LocalDate.class).bindNullable("to", to, LocalDate.class)
                                .bind("limit", page.size()).bind("offset", page.offset())
                                .map(WorkRecords::row).list())
                .map(found -> new Page<>(found.getT2(), page.page(), page.size(), found.getT1()));
    }

    private static WorkRecord row(Readable row) {
        Long rate = row.get("rate_fen", Long.class);
        Long amount = row.get("amount_fen", Long.class);
        return new WorkRecord(row.get("id", UUID.class), row.get("maker_id", UUID.class), row.get("maker_name", String.class),
                row.get("operation_id", UUID.class), row.get("operation_zh", String.class), row.get("operation_en", String.class),
                row.get("product_name", String.class), row.get("work_date", LocalDate.class), row.get("pieces", Integer.class),
                Status.valueOf(row.get("status", String.class)), row.get("accepted", Integer.class), row.get("rejected", Integer.class),
                row.get("reason", String.class), rate == null ? null : Money.fen(rate), amount == null ? null : Money.fen(amount),
                row.get("reported_by", String.class), row.get("checked_by", String.class), row.get("reported_at", OffsetDateTime.class),
                row.get("order_id", UUID.class), row.get("minutes", Integer.class), row.get("maker_name_latin", String.class),
                row.get("product_name_en", String.class));
    }
}
