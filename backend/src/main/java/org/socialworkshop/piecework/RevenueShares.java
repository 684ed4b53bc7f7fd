package org.socialworkshop.piecework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.socialworkshop.ordering.OrderPaid;
import org.socialworkshop.ordering.OrderRecords;
import org.socialworkshop.ordering.OrderRefunded;
import org.socialworkshop.ordering.SoldOrder;
import org.socialworkshop.piecework.domain.Account;
import org.socialworkshop.piecework.domain.LedgerEntry;
import org.socialworkshop.piecework.domain.Reason;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.outbox.OutboxHandler;
import org.socialworkshop.shared.Money;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Consignment products pay their maker a share of the net (tax-excluded) price when the sale is paid; a refund
 * books the matching reversal: by the refunded units, or in proportion to an amount refunded. Each booking has
 * its own idempotency key, so repeated events book once.
 */
@Configuration(proxyBeanMethods = false)
class RevenueShares {

    private final Database db;
    private final Ledger ledger;
    private final OrderRecords orders;
    private final WorkshopTime time;

    RevenueShares(Database db, Ledger ledger, OrderRecords orders, WorkshopTime time) {
        this.db = db;
        this.ledger = ledger;
        this.orders = orders;
        this.time = time;
    }

    @Bean
    OutboxHandler<OrderPaid> saleShareHandler() {
        return OutboxHandler.of("piecework.sale-share", OrderPaid.class, this::paid);
    }

    @Bean
    OutboxHandler<OrderRefunded> refundShareHandler() {
        return OutboxHandler.of("piecework.refund-share", OrderRefunded.class, this::refunded);
    }

    /** A consignment: whose product it is and their share. */
    record Consignment(UUID maker, BigDecimal share) {
    }

    /** Sets (or replaces) the consignment terms of a product. */
    Mono<Void> consign(UUID product, UUID maker, BigDecimal share) {
        return db.sql("""
                        INSERT INTO consignments (product_id, maker_id, share) VALUES (:product, :maker, :share)
                        ON CONFLICT (product_id) DO UPDATE SET maker_id = excluded.maker_id, share = excluded.share""")
                .bind("product", product).bind("maker", maker).bind("share", share)
                .update().then();
    }

    Mono<Void> paid(OrderPaid paid) {
        return sold(paid.orderId()).flatMapMany(sold -> Flux.fromIterable(sold.order().lines())
                        .filter(line -> line.productId() != null && sold.terms().containsKey(line.productId()))
                        .concatMap(line -> {
                            Consignment terms = sold.terms().get(line.productId());
                            long share = share(net(line, line.quantity()), terms.share());
                            return share == 0 ? Mono.empty() : ledger.book(LedgerEntry.toMaker(Reason.SALE_SHARE, "order:" + paid.orderId(),
                                    time.today(), "share:" + paid.orderId() + ":" + line.lineId(), terms.maker(), Account.REVENUE_SHARE, share,
                                    paid.orderNumber() + " " + line.nameZh() + " × " + line.quantity()));
                        }))
                .then();
    }

    Mono<Void> refunded(OrderRefunded refunded) {
        return sold(refunded.orderId()).flatMapMany(sold -> Flux.fromIterable(sold.order().lines())
                        .filter(line -> line.productId() != null && sold.terms().containsKey(line.productId()))
                        .concatMap(line -> {
                            Consignment terms = sold.terms().get(line.productId());
                            long net = refunded.units().isEmpty()
                                    ? proportion(net(line, line.quantity()), refunded.amount().minor(), sold.order().total().minor())
                                    : net(line, refunded.units().getOrDefault(line.lineId(), 0));
                            long share = share(net, terms.share());
                            return share == 0 ? Mono.empty() : ledger.book(LedgerEntry.toMaker(Reason.REFUND_SHARE, "refund:" + refunded.refundId(),
                                    time.today(), "share-refund:" + refunded.refundId() + ":" + line.lineId(), terms.maker(),
                                    Account.REVENUE_SHARE, -share, refunded.orderNumber() + " refund " + line.nameZh()));
                        }))
                .then();
    }

    private record Sold(SoldOrder order, Map<UUID, Consignment> terms) {
    }

    private Mono<Sold> sold(UUID orderId) {
        return orders.sold(orderId).flatMap(order -> {
            List<UUID> products = order.lines().stream().map(SoldOrder.Line::productId).filter(Objects::nonNull).distinct().toList();
            return db.sql("SELECT product_id, maker_id, share FROM consignments WHERE product_id = ANY(:ids)")
                    .bind("ids", products.toArray(UUID[]::new))
                    .map(row -> Map.entry(row.get("product_id", UUID.class),
                            new Consignment(row.get("maker_id", UUID.class), row.get("share", BigDecimal.class))))
                    .list()
                    .map(rows -> new Sold(order, rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        });
    }

    /** The tax-excluded amount of {@code units} of a line. */
    /** What {@code units} of the line brought in before tax, after any discount given on it. */
    private static long net(SoldOrder.Line line, int units) {
        Money gross = line.amountOf(units);
        return gross.minor() - gross.includedTax(line.taxRate()).minor();
    }

    private static long proportion(long amount, long part, long whole) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(part)).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static long share(long net, BigDecimal share) {
        return BigDecimal.valueOf(net).multiply(share).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
