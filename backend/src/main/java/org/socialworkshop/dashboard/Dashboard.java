package org.socialworkshop.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads the dashboard's figures in one statement. It reads other modules' tables directly: a read-only report over
 * the one database, where a call into six modules would cost six round trips for six numbers (docs/adr/0029). Each
 * figure uses the same rule as the list it links to; parked deliveries are the outbox's parked rows, the list of
 * {@code GET /api/admin/outbox?status=PARKED}.
 */
@Component
class Dashboard {

    private static final String FIGURES = """
            SELECT
              (SELECT count(*) FROM orders
                WHERE channel = 'ONLINE' AND fulfilment_type = 'PICKUP' AND status IN ('PAID', 'PARTIALLY_REFUNDED')
                  AND pickup_slot >= :dayStart AND pickup_slot < :dayEnd) AS pickups_due,
              (SELECT count(*) FROM orders
                WHERE channel = 'ONLINE' AND fulfilment_type = 'DELIVERY' AND status IN ('PAID', 'PARTIALLY_REFUNDED')
                  AND fulfilment_stage IS DISTINCT FROM 'SHIPPED') AS orders_to_ship,
              (SELECT count(*) FROM stock_levels l
                 JOIN product_variants v ON v.id = l.variant_id
                 JOIN products p ON p.id = v.product_id
                WHERE p.status = 'ACTIVE' AND v.status = 'ACTIVE' AND p.stock_tracked
                  AND l.on_hand - l.reserved <= l.low_stock_threshold) AS low_stock,
              (SELECT count(*) FROM work_records WHERE status IN ('REPORTED', 'RECORDED')) AS work_to_check,
              (SELECT count(*) FROM orders o
                WHERE o.channel = 'CORPORATE' AND o.status NOT IN ('CANCELLED', 'REFUNDED', 'FULFILLED')
                  AND EXISTS (SELECT 1 FROM order_lines ol
                               WHERE ol.order_id = o.id AND ol.kind = 'ITEM'
                                 AND ol.quantity > (SELECT coalesce(sum(dl.pieces), 0) FROM delivery_lines dl
                                                     WHERE dl.order_line_id = ol.id))) AS deliveries_waiting,
              (SELECT count(*) FROM outbox WHERE status = 'PARKED') AS parked_deliveries,
              (SELECT coalesce(sum(amount_fen), 0)::bigint FROM payouts
                WHERE paid_on >= :monthStart AND paid_on < :nextMonth) AS paid_out,
              (SELECT count(*) FROM payouts WHERE paid_on >= :monthStart AND paid_on < :nextMonth) AS payouts""";

    private final Database db;
    private final Clock clock;

    Dashboard(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Mono<Figures> today() {
        ZoneId zone = clock.getZone();
        LocalDate day = LocalDate.now(clock);
        YearMonth month = YearMonth.from(day);
        return db.sql(FIGURES)
                .bind("dayStart", day.atStartOfDay(zone).toOffsetDateTime())
                .bind("dayEnd", day.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .bind("monthStart", month.atDay(1))
                .bind("nextMonth", month.plusMonths(1).atDay(1))
                .map(row -> new Figures(day, month, zone.getId(), count(row.get("pickups_due", Long.class)),
                        count(row.get("orders_to_ship", Long.class)), count(row.get("low_stock", Long.class)),
                        count(row.get("work_to_check", Long.class)), count(row.get("deliveries_waiting", Long.class)),
                        count(row.get("parked_deliveries", Long.class)),
                        Money.fen(count(row.get("paid_out", Long.class))), count(row.get("payouts", Long.class))))
                .one();
    }

    private static long count(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
