package org.socialworkshop.piecework;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.socialworkshop.piecework.domain.Account;
import org.socialworkshop.piecework.domain.LedgerEntry;
import org.socialworkshop.piecework.domain.Payouts;
import org.socialworkshop.piecework.domain.Reason;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The minimum-wage top-up ({@code workshop.piecework.minimum-wage.*}, off by default): for makers employed by the
 * hour, a month's piece earnings below the hours worked times the hourly minimum are made up with a TOP_UP entry,
 * once per maker and month, booked on the month's last day.
 */
@Service
public class TopUps {

    private final Database db;
    private final Ledger ledger;
    private final boolean enabled;
    private final long hourlyFen;

    TopUps(Database db, Ledger ledger, @Value("${workshop.piecework.minimum-wage.enabled:false}") boolean enabled,
            @Value("${workshop.piecework.minimum-wage.hourly-fen:2400}") long hourlyFen) {
        this.db = db;
        this.ledger = ledger;
        this.enabled = enabled;
        this.hourlyFen = hourlyFen;
    }

    public record TopUp(UUID makerId, long minutes, long earned, long amount) {
    }

    /** Records the minutes a maker employed by the hour worked in a month. */
    public Mono<Void> hours(UUID maker, YearMonth month, int minutes) {
        return db.sql("""
                        INSERT INTO work_hours (maker_id, month, minutes) VALUES (:maker, :month, :minutes)
                        ON CONFLICT (maker_id, month) DO UPDATE SET minutes = excluded.minutes""")
                .bind("maker", maker).bind("month", month.atDay(1)).bind("minutes", minutes)
                .update().then();
    }

    /** Books the month's top-ups; a maker already topped up for the month is left as booked. */
    public Mono<List<TopUp>> book(YearMonth month) {
        if (!enabled) {
            return Mono.error(new Off());
        }
        return db.sql("""
                        SELECT h.maker_id, h.minutes,
                               coalesce((SELECT sum(p.amount) FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id
                                         WHERE p.maker_id = h.maker_id AND e.reason IN ('WORK', 'SALE_SHARE', 'REFUND_SHARE')
                                           AND e.day BETWEEN :from AND :to), 0) AS earned
                        FROM work_hours h WHERE h.month = :from ORDER BY h.maker_id""")
                .bind("from", month.atDay(1)).bind("to", month.atEndOfMonth())
                .map(row -> new TopUp(row.get("maker_id", UUID.class), row.get("minutes", Integer.class),
                        row.get("earned", Number.class).longValue(), 0))
                .list()
                .flatMapMany(Flux::fromIterable)
                .map(due -> new TopUp(due.makerId(), due.minutes(), due.earned(), Payouts.topUp(due.earned(), due.minutes(), hourlyFen)))
                .filter(due -> due.amount() > 0)
                .concatMap(due -> db.inTransaction(() -> ledger.book(LedgerEntry.toMaker(Reason.TOP_UP, "top-up:" + month, month.atEndOfMonth(),
                        "top-up:" + due.makerId() + ":" + month, due.makerId(), Account.TOP_UP, due.amount(),
                        "最低工资补足 minimum wage top-up, " + due.minutes() / 60 + " h"))).thenReturn(due))
                .collectList();
    }

    /** Top-ups are switched off in this installation. */
    static final class Off extends ProblemException {

        Off() {
            super(HttpStatus.CONFLICT, "Top-ups are off", "Set workshop.piecework.minimum-wage.enabled to book minimum-wage top-ups.");
        }
    }
}
