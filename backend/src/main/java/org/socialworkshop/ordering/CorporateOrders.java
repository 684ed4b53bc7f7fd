package org.socialworkshop.ordering;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.catalog.VariantInfo;
import org.socialworkshop.ordering.Orders.FulfilmentType;
import org.socialworkshop.ordering.Orders.LineKind;
import org.socialworkshop.ordering.Orders.StoredLine;
import org.socialworkshop.ordering.domain.OrderLine;
import org.socialworkshop.ordering.domain.OrderNumber;
import org.socialworkshop.ordering.domain.OrderStatus;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Orders placed by companies through an accepted quote (issue 13, step 3): the quote's goods at the quoted unit
 * prices, its charges (customisations, set-ups, lines the coordinator wrote) and its delivery, as an order of the
 * {@code CORPORATE} channel waiting for payment on the company's terms. Made to order: no stock is reserved (production,
 * step 5, makes the goods). Call inside the transaction that accepts the quote.
 */
@Service
public class CorporateOrders {

    private static final BigDecimal DELIVERY_TAX_RATE = new BigDecimal("0.09");
    private static final ZoneId WORKSHOP = ZoneId.of("Asia/Shanghai");

    private final Database db;
    private final Orders orders;
    private final AuditLog audit;
    private final Clock clock;

    CorporateOrders(Database db, Orders orders, AuditLog audit, Clock clock) {
        this.db = db;
        this.orders = orders;
        this.audit = audit;
        this.clock = clock;
    }

    /** Units of a variant at the quoted unit price. */
    public record Goods(VariantInfo variant, int quantity, Money unitPrice) {
    }

    /** A line that names no product: a customisation, a set-up, or one the coordinator wrote; taxed at {@code taxRate}. */
    public record Charge(String nameZh, String nameEn, int quantity, Money unitPrice, BigDecimal taxRate) {
    }

    /** Who ordered: the company's name, the buyer's e-mail, the purchase-order number, the quote. */
    public record Buyer(String company, String email, String phone, String poNumber, String quote) {
    }

    /** The order placed: its id and number. */
    public record Placed(UUID orderId, String number, Money total) {
    }

    /**
     * Places the order, numbered as online orders are ({@code WS-2026-000123}), waiting for payment until
     * {@code payBy}. The buyer's e-mail is kept in the order's note, not as its e-mail: the online shop's brake on unpaid
     * orders per e-mail is not for orders on terms.
     */
    public Mono<Placed> place(List<Goods> goods, List<Charge> charges, Money delivery, Buyer buyer, OffsetDateTime payBy) {
        UUID orderId = UUID.randomUUID();
        int year = LocalDate.now(clock.withZone(WORKSHOP)).getYear();
        List<StoredLine> lines = new ArrayList<>();
        for (Goods item : goods) {
            VariantInfo info = item.variant();
            lines.add(new StoredLine(new OrderLine(UUID.randomUUID(), info.id().value(), info.sku(), info.productNameZh(), item.quantity(),
                    item.unitPrice(), info.taxRate()), LineKind.ITEM, info.productId().value(), info.productNameZh(), info.productNameEn(),
                    info.variantNameZh(), info.variantNameEn(), null, null, 0));
        }
        for (Charge charge : charges) {
            lines.add(new StoredLine(new OrderLine(UUID.randomUUID(), null, "CHARGE", charge.nameZh(), charge.quantity(), charge.unitPrice(),
                    charge.taxRate()), LineKind.CHARGE, null, charge.nameZh(), charge.nameEn(), "", "", null, null, 0));
        }
        if (delivery.minor() > 0) {
            lines.add(new StoredLine(new OrderLine(UUID.randomUUID(), null, "DELIVERY", "配送费", 1, delivery, DELIVERY_TAX_RATE),
                    LineKind.DELIVERY, null, "配送费", "Delivery", "", "", null, null, 0));
        }
        return db.sql("SELECT next_order_number(:year) AS number").bind("year", year).map(row -> row.get("number", Long.class)).one()
                .flatMap(sequence -> {
                    OrderNumber number = new OrderNumber(year, sequence);
                    Orders.NewOrder order = new Orders.NewOrder(orderId, number, Channel.CORPORATE, OrderStatus.PENDING_PAYMENT, lines,
                            null, cut(buyer.phone(), 32), cut(buyer.company(), 100),
                            cut("PO " + buyer.poNumber() + " · " + buyer.quote() + " · " + buyer.email(), 1000),
                            FulfilmentType.DELIVERY, null, null, Orders.hash(UUID.randomUUID().toString()), null, payBy, null, null, null);
                    return orders.insert(order)
                            .then(audit.record("order.placed-by-company", "order:" + orderId, Map.of("number", number.toString(),
                                    "quote", buyer.quote(), "po", buyer.poNumber())))
                            .thenReturn(new Placed(orderId, number.toString(), lines.stream()
                                    .map(line -> line.line().amount())
                                    .reduce(Money::plus).orElseThrow()));
                });
    }

    /**
     * Where a company's order stands: its number, status (as the order model names it: PENDING_PAYMENT, PAID, …), total,
     * when it is to be paid by and when it was paid.
     */
    public record State(UUID orderId, String number, String status, Money total, OffsetDateTime payBy,
            @Nullable OffsetDateTime paidAt) {

        public boolean awaitingPayment() {
            return OrderStatus.PENDING_PAYMENT.name().equals(status);
        }
    }

    /** The states of these orders of the corporate channel (others, and unknown ids, are left out). */
    public Mono<Map<UUID, State>> states(Collection<UUID> orderIds) {
        return db.sql("""
                        SELECT id, number, status, total_minor, currency, pay_by, paid_at FROM orders
                        WHERE id = ANY(:ids) AND channel = 'CORPORATE'""")
                .bind("ids", orderIds.toArray(UUID[]::new))
                .map(row -> new State(row.get("id", UUID.class), row.get("number", String.class),
                        row.get("status", String.class),
                        new Money(row.get("total_minor", Long.class), java.util.Currency.getInstance(row.get("currency", String.class).trim())),
                        row.get("pay_by", OffsetDateTime.class), row.get("paid_at", OffsetDateTime.class)))
                .list()
                .map(states -> states.stream().collect(java.util.stream.Collectors.toMap(State::orderId, state -> state)));
    }

    /**
     * A line of goods of a company's order, as frozen when it was placed: the units of a variant ordered, named as the
     * order names them (product and variant are null only when the catalog lost them).
     */
    public record Item(UUID lineId, @Nullable UUID productId, @Nullable UUID variantId, String sku, String nameZh, String nameEn,
            String variantZh, String variantEn, int quantity) {
    }

    /** The goods of a company's order (its lines of products, not its charges or delivery), in the order's order; empty for any other order. */
    public Mono<List<Item>> items(UUID orderId) {
        return db.sql("""
                        SELECT l.id, l.product_id, l.variant_id, l.sku, l.name_zh, l.name_en, l.variant_zh, l.variant_en, l.quantity
                        FROM order_lines l JOIN orders o ON o.id = l.order_id
                        WHERE o.id = :id AND o.channel = 'CORPORATE' AND l.kind = 'ITEM' ORDER BY l.position""")
                .bind("id", orderId)
                .map(row -> new Item(row.get("id", UUID.class), row.get("product_id", UUID.class), row.get("variant_id", UUID.class),
                        row.get("sku", String.class), row.get("name_zh", String.class), row.get("name_en", String.class),
                        row.get("variant_zh", String.class), row.get("variant_en", String.class), row.get("quantity", Integer.class)))
                .list();
    }

    /**
     * Hands over a company's order that is paid and delivered in full (the caller knows it is delivered): PAID, or partly
     * refunded, becomes FULFILLED; an order not paid yet, fulfilled already, refunded or cancelled is left as it is, so a
     * second call changes nothing. Locks the order's row until the caller's transaction ends. True when it moved.
     */
    public Mono<Boolean> fulfilDelivered(UUID orderId) {
        return orders.lock(orderId)
                .filter(stored -> stored.channel() == Channel.CORPORATE)
                .filter(stored -> stored.order().status() == OrderStatus.PAID || stored.order().status() == OrderStatus.PARTIALLY_REFUNDED)
                .flatMap(stored -> orders.save(stored.order().fulfil())
                        .then(orders.setStage(orderId, null, null))
                        .then(audit.record("order.fulfilled", "order:" + orderId, Map.of("by", "delivered-and-paid")))
                        .thenReturn(true))
                .defaultIfEmpty(false);
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
