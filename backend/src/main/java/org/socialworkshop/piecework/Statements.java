package org.socialworkshop.piecework;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.piecework.domain.Account;
import org.socialworkshop.piecework.domain.Reason;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Monthly statements (opening balance, each entry of the month with its pieces and rate, closing balance), the
 * history of months, and the employment overview coordinators report on.
 */
@Service
public class Statements {

    private final Database db;
    private final Ledger ledger;

    Statements(Database db, Ledger ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    /** The maker, by their Chinese display name and their name in Latin script. */
    public record Maker(UUID id, String name, String nameLatin) {
    }

    /**
     * One line; {@code whatZh} and {@code whatEn} say in plain words what it was (the work with its product, how a
     * payout was paid), for the reader's language (ADR 0028).
     */
    public record Line(LocalDate day, Reason reason, String description, @Nullable String operation, @Nullable Integer pieces,
            @Nullable Money rate, Money amount, UUID entryId, String whatZh, String whatEn) {
    }

    public record Statement(Maker maker, YearMonth month, Money openingBalance, Money closingBalance, Money earned, Money paidOut,
            int pieces, List<Line> lines) {
    }

    public record MonthSummary(YearMonth month, Money earned, Money paidOut, int pieces, Money closingBalance) {
    }

    public record Band(Money from, @Nullable Money to, int makers) {
    }

    public record Overview(YearMonth month, int makersWhoEarned, Money totalEarned, Money totalPaidOut, Money median, List<Band> distribution,
            List<Steady> stable) {
    }

    /** A maker who earned in each of the last three months. */
    public record Steady(UUID makerId, String name) {
    }

    public Mono<Statement> month(UUID maker, YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Account account = Account.maker(maker);
        return Mono.zip(makerOf(maker), ledger.balance(maker, from.minusDays(1)), ledger.ofMaker(maker, from, to).collectList(), work(maker, from, to),
                        payoutMethods(maker, from, to))
                .map(found -> {
                    List<Line> lines = new ArrayList<>();
                    int pieces = 0;
                    long earned = 0;
                    long paid = 0;
                    for (Ledger.Booked booked : found.getT3()) {
                        long amount = booked.entry().effectOn(account);
                        WorkLine work = booked.entry().reason() == Reason.WORK ? found.getT4().get(booked.entry().source()) : null;
                        StatementWording.Words what = StatementWording.of(booked.entry().reason(), work == null ? null : work.words(),
                                found.getT5().get(booked.entry().id()), booked.entry().memo());
                        lines.add(new Line(booked.entry().day(), booked.entry().reason(), booked.entry().memo(),
                                work == null ? null : work.operation(), work == null ? null : work.accepted(),
                                work == null ? null : Money.fen(work.rate()), Money.fen(amount), booked.entry().id(), what.zh(), what.en()));
                        if (work != null) {
                            pieces += work.accepted();
                        }
                        if (booked.entry().reason() == Reason.PAYOUT) {
                            paid -= amount;
                        } else {
                            earned += amount;
                        }
                    }
                    long opening = found.getT2();
                    long closing = opening + earned - paid;
                    return new Statement(found.getT1(), month, Money.fen(opening), Money.fen(closing), Money.fen(earned), Money.fen(paid), pieces, lines);
                });
    }

    private record WorkLine(String operation, int accepted, long rate, StatementWording.Work words) {
    }

    /** How each payout entry of the month was paid: the entry's id to the payout's method. */
    private Mono<Map<UUID, String>> payoutMethods(UUID maker, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT p.entry_id, p.method FROM payouts p JOIN ledger_entries e ON e.id = p.entry_id
                        WHERE p.maker_id = :maker AND e.day BETWEEN :from AND :to""")
                .bind("maker", maker).bind("from", from).bind("to", to)
                .map(row -> Map.entry(row.get("entry_id", UUID.class), row.get("method", String.class)))
                .list()
                .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private Mono<Map<String, WorkLine>> work(UUID maker, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT w.id, o.name_zh, o.name_en, p.name_zh AS product_zh, p.name_en AS product_en, w.accepted, w.rate_fen
                        FROM work_records w JOIN piece_operations o ON o.id = w.operation_id JOIN products p ON p.id = o.product_id
                        WHERE w.maker_id = :maker AND w.status = 'CHECKED' AND w.work_date BETWEEN :from AND :to""")
                .bind("maker", maker).bind("from", from).bind("to", to)
                .map(row -> Map.entry("work-record:" + row.get("id", UUID.class),
                        new WorkLine(row.get("name_zh", String.class), row.get("accepted", Integer.class), row.get("rate_fen", Long.class),
                                new StatementWording.Work(row.get("name_zh", String.class), row.get("name_en", String.class),
                                        row.get("product_zh", String.class), row.get("product_en", String.class), row.get("accepted", Integer.class)))))
                .list()
                .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Each month the maker has entries in, newest first. */
    public Mono<List<MonthSummary>> months(UUID maker) {
        return db.sql("""
                        WITH money AS (
                            SELECT date_trunc('month', e.day)::date AS month,
                                   coalesce(sum(p.amount) FILTER (WHERE e.reason <> 'PAYOUT'), 0) AS earned,
                                   -coalesce(sum(p.amount) FILTER (WHERE e.reason = 'PAYOUT'), 0) AS paid,
                                   sum(p.amount) AS change
                            FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id
                            WHERE p.maker_id = :maker GROUP BY 1),
                        work AS (
                            SELECT date_trunc('month', work_date)::date AS month, sum(accepted) AS pieces FROM work_records
                            WHERE maker_id = :maker AND status = 'CHECKED' GROUP BY 1)
                        SELECT m.month, m.earned, m.paid, sum(m.change) OVER (ORDER BY m.month) AS closing, coalesce(w.pieces, 0) AS pieces
                        FROM money m LEFT JOIN work w ON w.month = m.month ORDER BY m.month DESC""")
                .bind("maker", maker)
                .map(row -> new MonthSummary(YearMonth.from(row.get("month", LocalDate.class)), Money.fen(number(row.get("earned", Number.class))),
                        Money.fen(number(row.get("paid", Number.class))), (int) number(row.get("pieces", Number.class)),
                        Money.fen(number(row.get("closing", Number.class)))))
                .list();
    }

    /** Who earned in the month, how much, how it spreads, and who earned in each of the last three months. */
    public Mono<Overview> overview(YearMonth month) {
        Mono<List<long[]>> earnings = db.sql("""
                        SELECT p.maker_id, sum(p.amount) FILTER (WHERE e.reason <> 'PAYOUT') AS earned,
                               -coalesce(sum(p.amount) FILTER (WHERE e.reason = 'PAYOUT'), 0) AS paid
                        FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id
                        WHERE p.maker_id IS NOT NULL AND e.day BETWEEN :from AND :to GROUP BY p.maker_id""")
                .bind("from", month.atDay(1)).bind("to", month.atEndOfMonth())
                .map(row -> new long[] {number(row.get("earned", Number.class)), number(row.get("paid", Number.class))})
                .list();
        Mono<List<Steady>> stable = db.sql("""
                        SELECT m.id, m.display_name FROM makers m
                        JOIN (SELECT p.maker_id FROM ledger_entries e JOIN ledger_postings p ON p.entry_id = e.id
                              WHERE e.day BETWEEN :from AND :to AND e.reason IN ('WORK', 'SALE_SHARE', 'TOP_UP') AND p.amount > 0
                                AND p.maker_id IS NOT NULL
                              GROUP BY p.maker_id HAVING count(DISTINCT date_trunc('month', e.day)) = 3) steady ON steady.maker_id = m.id
                        ORDER BY m.display_name""")
                .bind("from", month.minusMonths(2).atDay(1)).bind("to", month.atEndOfMonth())
                .map(row -> new Steady(row.get("id", UUID.class), row.get("display_name", String.class)))
                .list();
        return Mono.zip(earnings, stable).map(found -> {
            List<Long> earned = found.getT1().stream().map(pair -> pair[0]).filter(amount -> amount > 0).sorted().toList();
            long paid = found.getT1().stream().mapToLong(pair -> pair[1]).sum();
            long median = earned.isEmpty() ? 0 : earned.size() % 2 == 1 ? earned.get(earned.size() / 2)
                    : (earned.get(earned.size() / 2 - 1) + earned.get(earned.size() / 2)) / 2;
            return new Overview(month, earned.size(), Money.fen(earned.stream().mapToLong(Long::longValue).sum()), Money.fen(paid),
                    Money.fen(median), bands(earned), found.getT2());
        });
    }

    /** Makers per band of monthly earnings: under ¥500, ¥500–1,000, ¥1,000–1,500, ¥1,500–2,000, ¥2,000–3,000, ¥3,000 and more. */
    private static List<Band> bands(List<Long> earned) {
        long[] edges = {0, 50_000, 100_000, 150_000, 200_000, 300_000};
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < edges.length; i++) {
            long from = edges[i];
            Long to = i + 1 < edges.length ? edges[i + 1] : null;
            int count = (int) earned.stream().filter(amount -> amount >= from && (to == null || amount < to)).count();
            bands.add(new Band(Money.fen(from), to == null ? null : Money.fen(to), count));
        }
        return bands;
    }

    /** The maker's id and public name; a 404 problem for an unknown maker. */
    Mono<Maker> makerOf(UUID maker) {
        return db.sql("SELECT id, display_name, coalesce(display_name_latin, display_name) AS latin FROM makers WHERE id = :id").bind("id", maker)
                .map(row -> new Maker(row.get("id", UUID.class), row.get("display_name", String.class), row.get("latin", String.class)))
                .first()
                .switchIfEmpty(Mono.error(() -> PieceworkProblem.notFound("maker")));
    }

    private static long number(@Nullable Number value) {
        return value == null ? 0 : value.longValue();
    }
}
