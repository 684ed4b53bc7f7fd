package org.socialworkshop.corporate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What a company owes for an order, and when (issue 13, item 4): fixed when the quote is accepted, from the company's
 * terms. With a deposit agreed, the deposit is due within a week of accepting (sooner when its terms are shorter) and
 * the balance on its net terms; without one, the full amount on net terms. Payments are applied in due order, whoever
 * made them and however: an instalment is paid when what arrived covers it and every one before it.
 */
@Service
public class Instalments {

    /** The workshop's day decides what is due and overdue. */
    static final ZoneId WORKSHOP = ZoneId.of("Asia/Shanghai");

    /** Days a deposit is due in, unless the company's terms are shorter. */
    static final int DEPOSIT_DAYS = 7;

    private final Database db;

    Instalments(Database db) {
        this.db = db;
    }

    public enum Kind {
        DEPOSIT, BALANCE, FULL
    }

    /** How an instalment stands against what arrived and today's date. */
    public enum Status {
        PAID, PART_PAID, DUE, OVERDUE
    }

    /** An instalment as agreed. */
    record Planned(int seq, Kind kind, Money amount, LocalDate dueOn) {
    }

    /** An instalment with what of it is paid: {@code left} is what an invoice or a transfer for it should be. */
    public record Instalment(int seq, Kind kind, Money amount, LocalDate dueOn, Money paid, Money left, Status status) {
    }

    /** The instalments of an order of {@code total} accepted on {@code acceptedOn} on these terms. */
    static List<Planned> plan(Money total, int depositPercent, int paymentDays, LocalDate acceptedOn) {
        LocalDate due = acceptedOn.plusDays(paymentDays);
        if (depositPercent == 0) {
            return List.of(new Planned(1, Kind.FULL, total, due));
        }
        long deposit = BigDecimal.valueOf(total.minor()).multiply(BigDecimal.valueOf(depositPercent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
        if (deposit <= 0 || deposit >= total.minor()) {
            return List.of(new Planned(1, Kind.FULL, total, due));
        }
        return List.of(new Planned(1, Kind.DEPOSIT, new Money(deposit, total.currency()), acceptedOn.plusDays(Math.min(DEPOSIT_DAYS, paymentDays))),
                new Planned(2, Kind.BALANCE, new Money(total.minor() - deposit, total.currency()), due));
    }

    /** What arrived, applied to the instalments in due order, as of {@code today}. */
    static List<Instalment> applied(List<Planned> planned, Money arrived, LocalDate today) {
        List<Instalment> instalments = new ArrayList<>();
        long left = arrived.minor();
        for (Planned each : planned) {
            long paid = Math.min(Math.max(left, 0), each.amount().minor());
            left -= paid;
            Status status = paid == each.amount().minor() ? Status.PAID
                    : today.isAfter(each.dueOn()) ? Status.OVERDUE
                    : paid > 0 ? Status.PART_PAID : Status.DUE;
            instalments.add(new Instalment(each.seq(), each.kind(), each.amount(), each.dueOn(), new Money(paid, each.amount().currency()),
                    new Money(each.amount().minor() - paid, each.amount().currency()), status));
        }
        return instalments;
    }

    /** Stores an order's instalments from its company's terms; call in the transaction that accepts the quote. */
    Mono<Void> agree(UUID orderId, UUID companyId, Money total, LocalDate acceptedOn) {
        return db.sql("SELECT deposit_percent, payment_days FROM companies WHERE id = :id").bind("id", companyId)
                .map(row -> plan(total, row.get("deposit_percent", Integer.class), row.get("payment_days", Integer.class), acceptedOn))
                .one()
                .flatMapIterable(planned -> planned)
                .concatMap(each -> db.sql("""
                                INSERT INTO corporate_instalments (order_id, seq, kind, amount_fen, due_on)
                                VALUES (:order, :seq, :kind, :amount, :due)""")
                        .bind("order", orderId).bind("seq", each.seq()).bind("kind", each.kind().name())
                        .bind("amount", each.amount().minor()).bind("due", each.dueOn())
                        .update())
                .then();
    }

    /** The instalments agreed for an order, in due order. */
    Mono<List<Planned>> agreed(UUID orderId) {
        return db.sql("SELECT seq, kind, amount_fen, due_on FROM corporate_instalments WHERE order_id = :order ORDER BY seq")
                .bind("order", orderId)
                .map(row -> new Planned(row.get("seq", Integer.class), Kind.valueOf(row.get("kind", String.class)),
                        Money.fen(row.get("amount_fen", Long.class)), row.get("due_on", LocalDate.class)))
                .list();
    }
}
