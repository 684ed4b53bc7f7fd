package org.socialworkshop.pos;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.shared.Money;
import org.socialworkshop.shared.SignatureText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Shifts at a register and the cash drawer during them (docs/adr/0017, step 3). A shift opens with the float counted
 * into the drawer; cash paid in and out is journaled with a reason; closing records the cash counted against the cash
 * expected (float + paid in − paid out + cash kept from sales − cash paid back for returns). One open shift per
 * register; the shift's row is locked while cash moves, a return is made or it closes, and shared by each sale while it
 * is stored, so neither a movement, a return nor a sale slips past a closing.
 */
@Service
public class Shifts {

    private final Database db;
    private final AuditLog audit;

    Shifts(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public enum Movement {
        PAID_IN, PAID_OUT
    }

    /** Cash put into or taken out of the drawer, not for a sale. */
    public record CashMovement(UUID id, Movement kind, Money amount, String reason, String recordedBy, OffsetDateTime recordedAt) {
    }

    /**
     * How a shift ended: the cash counted, what was expected, and the difference (counted − expected); {@code report}
     * is the code of its Z report (ShiftReports), once made.
     */
    public record Closing(OffsetDateTime closedAt, String closedBy, Money counted, Money expected, Money difference,
            @Nullable String report) {
    }

    /** The sales of a shift: how many, their total, and the cash they left in the drawer (given − change). */
    public record Sales(long count, Money total, Money cash) {
    }

    /** The returns of a shift (docs/api/pos.md, "Returns at the counter"): how many, what they gave back, the cash of it. */
    public record Refunds(long count, Money total, Money cash) {
    }

    /** A shift with its drawer's sums; {@code closing} once it is closed. */
    public record Shift(UUID id, String registerId, OffsetDateTime openedAt, String openedBy, Money openingFloat, Money paidIn,
            Money paidOut, Sales sales, Refunds refunds, Money expectedCash, List<CashMovement> movements, @Nullable Closing closing) {
    }

    /** The register's open shift, if there is one. */
    Mono<Optional<Shift>> current(String registerId) {
        return db.sql("SELECT id FROM pos_shifts WHERE register_id = :register AND closed_at IS NULL")
                .bind("register", registerId)
                .map(row -> row.get("id", UUID.class))
                .one()
                .flatMap(this::load)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /** Opens a shift with the float counted into the drawer; refused while the register has an open one. */
    Mono<Shift> open(String registerId, Money openingFloat) {
        UUID id = UUID.randomUUID();
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("""
                                INSERT INTO pos_shifts (id, register_id, opened_by, opening_float) VALUES (:id, :register, :by, :float)""")
                        .bind("id", id).bind("register", registerId).bind("by", actor).bind("float", openingFloat.minor())
                        .update()
                        .then(audit.record(actor, "pos.shift-opened", "register:" + registerId,
                                Map.of("shift", id.toString(), "float", openingFloat.minor())))))
                .onErrorMap(DuplicateKeyException.class, open -> PosProblem.shiftOpen())
                .then(Mono.defer(() -> load(id)));
    }

    /** Records cash paid in or out of the register's open shift; a pay-out may not take more than the drawer holds. */
    Mono<Shift> move(String registerId, Movement kind, Money amount, String reason) {
        UUID id = UUID.randomUUID();
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> lockOpen(registerId)
                .flatMap(shift -> kind == Movement.PAID_OUT && amount.minor() > shift.expectedCash().minor()
                        ? Mono.error(PosProblem.moreThanTheDrawerHolds())
                        : db.sql("""
                                        INSERT INTO pos_cash_movements (id, shift_id, kind, amount, reason, recorded_by)
                                        VALUES (:id, :shift, :kind, :amount, :reason, :by)""")
                                .bind("id", id).bind("shift", shift.id()).bind("kind", kind.name()).bind("amount", amount.minor())
                                .bind("reason", reason).bind("by", actor)
                                .update()
                                .then(audit.record(actor, "pos.cash-" + (kind == Movement.PAID_IN ? "paid-in" : "paid-out"),
                                        "register:" + registerId, Map.of("shift", shift.id().toString(), "amount", amount.minor(),
                                                "reason", reason)))
                                .then(Mono.defer(() -> load(shift.id()))))));
    }

    /** Closes the register's open shift with the cash counted in the drawer. */
    Mono<Shift> close(String registerId, Money counted) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> lockOpen(registerId)
                .flatMap(shift -> db.sql("SELECT EXISTS (SELECT FROM pos_returns WHERE shift_id = :shift AND status = 'REFUNDING') AS refunding")
                        .bind("shift", shift.id()).map(row -> Boolean.TRUE.equals(row.get("refunding", Boolean.class))).one()
                        .flatMap(refunding -> refunding ? Mono.error(PosProblem.returnInProgress()) : Mono.just(shift)))
                .flatMap(shift -> db.sql("""
                                UPDATE pos_shifts SET closed_at = now(), closed_by = :by, expected_cash = :expected, counted_cash = :counted
                                WHERE id = :id""")
                        .bind("id", shift.id()).bind("by", actor).bind("expected", shift.expectedCash().minor())
                        .bind("counted", counted.minor())
                        .update()
                        .then(audit.record(actor, "pos.shift-closed", "register:" + registerId, Map.of("shift", shift.id().toString(),
                                "expected", shift.expectedCash().minor(), "counted", counted.minor())))
                        .then(Mono.defer(() -> load(shift.id()))))));
    }

    /**
     * The id of the register's open shift, its row shared with other sales until this transaction ends (a closing
     * waits for the sale, and a sale after the closing finds none); a 409 problem when there is none.
     */
    Mono<UUID> shareOpen(String registerId) {
        return db.sql("SELECT id FROM pos_shifts WHERE register_id = :register AND closed_at IS NULL FOR SHARE")
                .bind("register", registerId)
                .map(row -> row.get("id", UUID.class))
                .one()
                .switchIfEmpty(Mono.error(PosProblem::noShift));
    }

    /** The register's open shift, its row locked for this transaction; a 409 problem when there is none. */
    Mono<Shift> lockOpen(String registerId) {
        return db.sql("SELECT id FROM pos_shifts WHERE register_id = :register AND closed_at IS NULL FOR UPDATE")
                .bind("register", registerId)
                .map(row -> row.get("id", UUID.class))
                .one()
                .switchIfEmpty(Mono.error(PosProblem::noShift))
                .flatMap(this::load);
    }

    /** A shift by its id, open or closed. */
    Mono<Shift> byId(UUID id) {
        return load(id);
    }

    private Mono<Shift> load(UUID id) {
        Mono<List<CashMovement>> movements = db.sql("""
                        SELECT id, kind, amount, reason, recorded_by, recorded_at FROM pos_cash_movements
                        WHERE shift_id = :shift ORDER BY recorded_at, id""")
                .bind("shift", id)
                .map(row -> new CashMovement(row.get("id", UUID.class), Movement.valueOf(row.get("kind", String.class)),
                        Money.fen(row.get("amount", Long.class)), row.get("reason", String.class), row.get("recorded_by", String.class),
                        row.get("recorded_at", OffsetDateTime.class)))
                .list();
        return db.sql("""
                        SELECT s.register_id, s.opened_at, s.opened_by, s.opening_float, s.closed_at, s.closed_by, s.expected_cash,
                               s.counted_cash, count(p.*) AS sales, coalesce(sum(p.total_minor), 0) AS sold,
                               coalesce(sum(p.cash_kept), 0) AS cash_kept,
                               (SELECT count(*) FROM pos_returns r WHERE r.shift_id = s.id AND r.status = 'DONE') AS returns,
                               (SELECT coalesce(sum(r.amount_minor), 0) FROM pos_returns r WHERE r.shift_id = s.id AND r.status = 'DONE') AS returned,
                               (SELECT coalesce(sum(r.cash_paid), 0) FROM pos_returns r WHERE r.shift_id = s.id AND r.status = 'DONE') AS cash_paid,
                               (SELECT z.id FROM pos_shift_reports z WHERE z.shift_id = s.id AND z.kind = 'Z') AS z_id,
                               (SELECT z.signature FROM pos_shift_reports z WHERE z.shift_id = s.id AND z.kind = 'Z') AS z_signature
                        FROM pos_shifts s LEFT JOIN pos_sales p ON p.shift_id = s.id
                        WHERE s.id = :id
                        GROUP BY s.id""")
                .bind("id", id)
                .map(row -> new Stored(row.get("register_id", String.class), row.get("opened_at", OffsetDateTime.class),
                        row.get("opened_by", String.class), row.get("opening_float", Long.class), row.get("closed_at", OffsetDateTime.class),
                        row.get("closed_by", String.class), row.get("expected_cash", Long.class), row.get("counted_cash", Long.class),
                        new Sales(row.get("sales", Long.class), Money.fen(row.get("sold", Number.class).longValue()),
                                Money.fen(row.get("cash_kept", Number.class).longValue())),
                        new Refunds(row.get("returns", Long.class), Money.fen(row.get("returned", Number.class).longValue()),
                                Money.fen(row.get("cash_paid", Number.class).longValue())),
                        row.get("z_id", UUID.class) == null ? null : row.get("z_id", UUID.class) + "." + SignatureText.of(row.get("z_signature", byte[].class))))
                .one()
                .zipWith(movements, (stored, cash) -> stored.shift(id, cash));
    }

    /** A shift's row. */
    private record Stored(String registerId, OffsetDateTime openedAt, String openedBy, long openingFloat,
            @Nullable OffsetDateTime closedAt, @Nullable String closedBy, @Nullable Long expectedCash, @Nullable Long countedCash,
            Sales sales, Refunds refunds, @Nullable String zReport) {

        Shift shift(UUID id, List<CashMovement> movements) {
            Money opening = Money.fen(openingFloat);
            Money paidIn = sum(movements, Movement.PAID_IN);
            Money paidOut = sum(movements, Movement.PAID_OUT);
            Closing closing = closedAt == null || closedBy == null || expectedCash == null || countedCash == null ? null
                    : new Closing(closedAt, closedBy, Money.fen(countedCash), Money.fen(expectedCash), Money.fen(countedCash - expectedCash),
                            zReport);
            return new Shift(id, registerId, openedAt, openedBy, opening, paidIn, paidOut, sales, refunds,
                    opening.plus(paidIn).minus(paidOut).plus(sales.cash()).minus(refunds.cash()), movements, closing);
        }
    }

    private static Money sum(List<CashMovement> movements, Movement kind) {
        return movements.stream().filter(movement -> movement.kind() == kind).map(CashMovement::amount)
                .reduce(Money.fen(0), Money::plus);
    }
}
