package org.socialworkshop.ordering;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.catalog.VariantInfo;
import org.socialworkshop.ordering.Orders.FulfilmentType;
import org.socialworkshop.ordering.Orders.LineKind;
import org.socialworkshop.ordering.Orders.StoredLine;
import org.socialworkshop.ordering.domain.Order;
import org.socialworkshop.ordering.domain.OrderLine;
import org.socialworkshop.ordering.domain.OrderNumber;
import org.socialworkshop.platform.audit.AuditLog;
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

    private final Orders orders;
    private final Outbox outbox;
    private final AuditLog audit;

    CounterOrders(Orders orders, Outbox outbox, AuditLog audit) {
        this.orders = orders;
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
     * How a counter sale was paid: {@code CASH} with what was {@code given} and the {@code change} handed back.
     * Card and wallet tenders join with later steps of the POS.
     */
    public record Tender(String type, Money amount, @Nullable Money given, @Nullable Money change) {
    }

    /**
     * Stores the sale as an order of the POS channel, paid in full by {@code tenders} and fulfilled, numbered after the
     * register and the number of its receipt; call inside the sale's transaction. The tenders must add up to the total
     * (a rule of the order: it is paid exactly). Completes with the order's number.
     */
    public Mono<String> record(UUID orderId, String register, long receiptNumber, List<Sold> sold, List<Tender> tenders) {
        OrderNumber number = OrderNumber.atRegister(register, receiptNumber);
        List<StoredLine> lines = sold.stream().map(CounterOrders::line).toList();
        Order placed = Order.place(orderId, number, lines.stream().map(StoredLine::line).toList());
        Money paid = tenders.stream().map(Tender::amount).reduce(Money::plus).orElseGet(() -> Money.zero(placed.total().currency()));
        Order fulfilled = placed.markPaid(paid).fulfil();
        OffsetDateTime now = OffsetDateTime.now();
        Orders.NewOrder order = new Orders.NewOrder(orderId, number, Channel.POS, fulfilled.status(), lines, null, null, null, null,
                FulfilmentType.PICKUP, null, null, Orders.hash(UUID.randomUUID().toString()), null, now, null, tenders);
        return orders.insert(order)
                .then(outbox.publish(new OrderPaid(orderId, number.toString(), Channel.POS, fulfilled.total(), "counter",
                        tenders.stream().map(Tender::type).distinct().reduce((a, b) -> a + "+" + b).orElse(""))))
                .then(audit.record("order.sold-at-counter", "order:" + orderId, Map.of("number", number.toString(),
                        "total", fulfilled.total().minor())))
                .thenReturn(number.toString());
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
