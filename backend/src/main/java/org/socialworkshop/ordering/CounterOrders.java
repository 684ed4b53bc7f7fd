package org.socialworkshop.ordering;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.catalog.VariantInfo;
import org.socialworkshop.ordering.Orders.FulfilmentType;
import org.socialworkshop.ordering.Orders.LineKind;
import org.socialworkshop.ordering.Orders.StoredLine;
import org.socialworkshop.ordering.domain.Order;
import org.socialworkshop.ordering.domain.OrderLine;
import org.socialworkshop.ordering.domain.OrderNumber;
import org.socialworkshop.ordering.domain.OrderStatus;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.database.SideWrite;
import org.socialworkshop.platform.outbox.Outbox;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Orders sold at a POS register: paid there and handed over at once, so they are stored paid and fulfilled, with how
 * they were paid, and announced as paid (revenue shares follow; the receipt is the tablet's, stored with the sale).
 * The order model is the one of every channel; the number is the register's and its receipt's (ADR 0017).
 */
@Service
public class CounterOrders {

    private final Database db;
    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final Outbox outbox;
    private final AuditLog audit;

    private final OrderingSettings settings;
    private final Clock clock;

    CounterOrders(Database db, Orders orders, OrderLifecycle lifecycle, Outbox outbox, AuditLog audit, OrderingSettings settings,
            Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.db = db;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * Units of a variant sold at a unit price (the catalog's or a price list's now with the chosen options, or for a
     * sale made offline the one the tablet showed), from the stock location they left (none when stock is not counted);
     * the options as chosen (stored as given), a discount with its reason, a note for the kitchen or bar.
     */
    public record Sold(VariantInfo variant, int quantity, Money unitPrice, @Nullable String location, @Nullable Object options,
            @Nullable Money discount, @Nullable String discountReason, @Nullable String note) {
    }

    /**
     * How a counter sale was paid: {@code CASH} with what was {@code given} and the {@code change} handed back, or
     * {@code CARD}, {@code WECHAT_PAY}, {@code ALIPAY} with the provider's {@code reference} of the payment.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tender(String type, Money amount, @Nullable Money given, @Nullable Money change, @Nullable String reference) {
    }

    /**
     * Stores the sale as an order of the POS channel, paid in full by {@code tenders}, numbered after the register and
     * the number of its receipt; fulfilled at once when it was {@code handedOver} (else when its tickets are collected,
     * {@link #handedOver(UUID)}). Call inside the sale's transaction. The tenders must add up to the total (a rule of
     * the order: it is paid exactly). Completes with the order's number.
     */
    public Mono<String> record(UUID orderId, String register, long receiptNumber, List<Sold> sold, List<Tender> tenders,
            boolean handedOver) {
        OrderNumber number = OrderNumber.atRegister(register, receiptNumber);
        List<StoredLine> lines = sold.stream().map(CounterOrders::line).toList();
        Order placed = Order.place(orderId, number, lines.stream().map(StoredLine::line).toList());
        Money paid = tenders.stream().map(Tender::amount).reduce(Money::plus).orElseGet(() -> Money.zero(placed.total().currency()));
        Order fulfilled = handedOver ? placed.markPaid(paid).fulfil() : placed.markPaid(paid);
        OffsetDateTime now = OffsetDateTime.now();
        Orders.NewOrder order = new Orders.NewOrder(orderId, number, Channel.POS, fulfilled.status(), lines, null, null, null, null,
                FulfilmentType.PICKUP, null, null, Orders.hash(UUID.randomUUID().toString()), null, now, null, tenders, null);
        // the order, the event that it was paid and the audit entry in one statement: a round trip each is what the sale's
        // transaction spent most of its time on
        Optional<SideWrite> announced = outbox.publishing(new OrderPaid(orderId, number.toString(), Channel.POS, fulfilled.total(), "counter",
                tenders.stream().map(Tender::type).distinct().reduce((a, b) -> a + "+" + b).orElse("")));
        return audit.entry("order.sold-at-counter", "order:" + orderId, Map.of("number", number.toString(), "total", fulfilled.total().minor()))
                .flatMap(entry -> orders.insert(order, Stream.concat(announced.stream(), Stream.of(entry)).toList()))
                .thenReturn(number.toString());
    }

    /** The order was handed over (its tickets collected, or picked up at the counter); nothing when it was already. */
    public Mono<Void> handedOver(UUID orderId) {
        return db.sql("SELECT status FROM orders WHERE id = :id").bind("id", orderId)
                .map(row -> row.get("status", String.class)).one()
                .switchIfEmpty(Mono.error(OrderingProblem::unknownOrder))
                .flatMap(status -> OrderStatus.valueOf(status) == OrderStatus.FULFILLED ? Mono.<Void>empty()
                        : lifecycle.advance(orderId, "FULFILLED", null));
    }

    /** A line of an order sold at the counter, for the figures of its shift. */
    public record SoldLine(UUID orderId, @Nullable UUID productId, String nameZh, String nameEn, int quantity, Money unitPrice,
            Money discount, Money amount, BigDecimal taxRate, int refundedQuantity) {
    }

    /** The lines of these orders, in order. */
    public Mono<List<SoldLine>> lines(Collection<UUID> orderIds) {
        return db.sql("""
                        SELECT l.order_id, l.product_id, l.name_zh, l.name_en, l.quantity, l.unit_price_minor, l.discount_minor,
                               l.tax_rate, l.refunded_quantity, o.currency
                        FROM order_lines l JOIN orders o ON o.id = l.order_id
                        WHERE l.order_id = ANY(:ids) ORDER BY o.created_at, l.order_id, l.position""")
                .bind("ids", orderIds.toArray(UUID[]::new))
                .map(row -> {
                    Currency currency = Currency.getInstance(row.get("currency", String.class).trim());
                    Money unit = new Money(row.get("unit_price_minor", Long.class), currency);
                    Money discount = new Money(row.get("discount_minor", Long.class), currency);
                    int quantity = row.get("quantity", Integer.class);
                    return new SoldLine(row.get("order_id", UUID.class), row.get("product_id", UUID.class), row.get("name_zh", String.class),
                            row.get("name_en", String.class), quantity, unit, discount, unit.times(quantity).minus(discount),
                            row.get("tax_rate", BigDecimal.class), row.get("refunded_quantity", Integer.class));
                })
                .list();
    }

    /** An order placed online to be picked up, as the counter sees it when the buyer comes. */
    public record Pickup(UUID orderId, String number, @Nullable String name, @Nullable OffsetDateTime slot, boolean ready,
            List<String> items) {
    }

    /**
     * Orders placed online, paid and not yet handed over, to be picked up today (in the shop's time zone) or at any
     * time; or, with {@code number}, that order only (searched by its number, as the buyer shows it or its page's QR
     * code says).
     */
    public Mono<List<Pickup>> pickups(@Nullable String number) {
        ZoneId zone = settings.timeZone();
        LocalDate day = LocalDate.now(clock.withZone(zone));
        return db.sql("""
                        SELECT o.id, o.number, o.name, o.pickup_slot, o.fulfilment_stage,
                               array_agg(l.name_zh || CASE WHEN l.variant_zh <> '' THEN '（' || l.variant_zh || '）' ELSE '' END
                                         || ' × ' || l.quantity ORDER BY l.position) AS items
                        FROM orders o JOIN order_lines l ON l.order_id = o.id AND l.kind = 'ITEM'
                        WHERE o.channel <> 'POS' AND o.fulfilment_type = 'PICKUP' AND o.status IN ('PAID', 'PARTIALLY_REFUNDED')
                          AND (CAST(:number AS text) IS NULL AND (o.pickup_slot IS NULL OR (o.pickup_slot AT TIME ZONE :zone)::date = :day)
                               OR upper(o.number) = upper(:number))
                        GROUP BY o.id ORDER BY o.pickup_slot NULLS LAST, o.number
                        LIMIT 200""")
                .bindNullable("number", number, String.class).bind("day", day).bind("zone", zone.getId())
                .map(row -> new Pickup(row.get("id", UUID.class), row.get("number", String.class), row.get("name", String.class),
                        row.get("pickup_slot", OffsetDateTime.class), "READY_FOR_PICKUP".equals(row.get("fulfilment_stage", String.class)),
                        List.of(row.get("items", String[].class))))
                .list();
    }

    /** The number of the order sold at {@code register} with its receipt {@code receiptNumber}. */
    public static String number(String register, long receiptNumber) {
        return OrderNumber.atRegister(register, receiptNumber).toString();
    }

    private static StoredLine line(Sold sold) {
        VariantInfo info = sold.variant();
        Money discount = sold.discount() == null ? Money.zero(sold.unitPrice().currency()) : sold.discount();
        return new StoredLine(new OrderLine(UUID.randomUUID(), info.id().value(), info.sku(), info.productNameZh(), sold.quantity(),
                sold.unitPrice(), info.taxRate(), discount), LineKind.ITEM, info.productId().value(), info.productNameZh(),
                info.productNameEn(), info.variantNameZh(), info.variantNameEn(), null, sold.location(), 0, sold.options(),
                sold.discountReason(), sold.note());
    }
}
