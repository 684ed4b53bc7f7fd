package org.socialworkshop.piecework;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.makers.Maker;
import org.socialworkshop.makers.MakerId;
import org.socialworkshop.makers.Makers;
import org.socialworkshop.platform.database.Database;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What makers' checked work for orders amounted to, for impact reports: per order, operation and maker the pieces
 * accepted and checked, the minutes recorded (and on how many records), and the piece-work earnings the ledger paid for
 * it. Earnings are summed from the postings to makers of each work record's entry, of the entry that reversed it, and
 * of the corrections booked in its place, followed however often they were corrected; nothing is estimated.
 */
@Service
public class OrderWork {

    /**
     * Grouped by ids before the names are joined; entries found by their work record's uuid (V40), and the entries
     * amending them (reversals, corrections) through one hashable relation rather than an OR at each step.
     */
    private static final String WORK = """
            WITH RECURSIVE work AS (
                SELECT w.id, w.order_id, w.operation_id, w.maker_id, w.accepted, w.accepted + w.rejected AS checked, w.minutes
                FROM work_records w
                WHERE w.order_id = ANY(:orders) AND w.status = 'CHECKED'
                  AND (CAST(:from AS date) IS NULL OR w.work_date BETWEEN :from AND :to)
            ), amending AS MATERIALIZED (
                SELECT id, reverses AS amends FROM ledger_entries WHERE reverses IS NOT NULL
                UNION ALL
                SELECT id, CAST(substr(source, 12) AS uuid) FROM ledger_entries WHERE source ~ '^correction:[0-9a-f-]{36}$'
            ), related (entry_id, work_id) AS (
                SELECT e.id, work.id FROM ledger_entries e JOIN work ON e.work_record_id = work.id
                UNION
                SELECT a.id, r.work_id FROM amending a JOIN related r ON a.amends = r.entry_id
            ), paid AS (
                SELECT r.work_id, sum(p.amount) AS earnings FROM related r JOIN ledger_postings p ON p.entry_id = r.entry_id
                WHERE p.maker_id IS NOT NULL GROUP BY r.work_id
            ), grouped AS (
                SELECT work.order_id, work.operation_id, work.maker_id, sum(work.accepted) AS accepted, sum(work.checked) AS checked,
                       count(*) AS records, count(work.minutes) AS timed, coalesce(sum(work.minutes), 0) AS minutes,
                       coalesce(sum(paid.earnings), 0) AS earnings
                FROM work LEFT JOIN paid ON paid.work_id = work.id
                GROUP BY work.order_id, work.operation_id, work.maker_id
            )
            SELECT g.order_id, g.operation_id, g.maker_id, o.name_zh AS operation_zh, o.name_en AS operation_en,
                   pr.name_zh AS product_zh, pr.name_en AS product_en, g.accepted, g.checked, g.records, g.timed, g.minutes, g.earnings
            FROM grouped g JOIN piece_operations o ON o.id = g.operation_id JOIN products pr ON pr.id = o.product_id
            ORDER BY pr.name_zh, o.name_zh, g.operation_id, g.order_id, g.maker_id""";

    private final Database db;
    private final Makers makers;

    OrderWork(Database db, Makers makers) {
        this.db = db;
        this.makers = makers;
    }

    /** One maker's checked work on one operation for one order; earnings in fen, as the ledger has them. */
    public record Line(UUID orderId, UUID operationId, UUID makerId, String productZh, String productEn, String operationZh,
            String operationEn, long accepted, long checked, long records, long timedRecords, long minutes, long earnings) {
    }

    /** The checked work done for these orders: all of it, or only the work done in {@code year} when given. */
    public Mono<List<Line>> of(Collection<UUID> orders, @Nullable Integer year) {
        if (orders.isEmpty()) {
            return Mono.just(List.of());
        }
        LocalDate from = year == null ? null : LocalDate.of(year, 1, 1);
        LocalDate to = year == null ? null : LocalDate.of(year, 12, 31);
        return db.sql(WORK)
                .bind("orders", orders.toArray(UUID[]::new))
                .bindNullable("from", from, LocalDate.class).bindNullable("to", to, LocalDate.class)
                .map(OrderWork::line)
                .list();
    }

    /** A maker's public name in Chinese characters and in Latin script. */
    public record PublicName(String zh, String latin) {
    }

    /** The public names of those of {@code makerIds} whose consent to be named is in force now; the others are absent. */
    public Mono<Map<UUID, PublicName>> publicNames(Collection<UUID> makerIds) {
        return makers.shownPublicly(makerIds.stream().map(MakerId::new).toList()).map(shown -> {
            Map<UUID, PublicName> names = new LinkedHashMap<>();
            for (UUID maker : makerIds) {
                Maker found = shown.get(new MakerId(maker));
                if (found != null) {
                    names.put(maker, new PublicName(found.displayName(), found.displayNameLatin()));
                }
            }
            return names;
        });
    }

    private static Line line(Readable row) {
        return new Line(row.get("order_id", UUID.class), row.get("operation_id", UUID.class), row.get("maker_id", UUID.class),
                row.get("product_zh", String.class), row.get("product_en", String.class), row.get("operation_zh", String.class),
                row.get("operation_en", String.class), number(row, "accepted"), number(row, "checked"), number(row, "records"),
                number(row, "timed"), number(row, "minutes"), number(row, "earnings"));
    }

    private static long number(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
