package org.socialworkshop.ordering;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.inventory.Inventory;
import org.socialworkshop.inventory.LockOrder;
import org.socialworkshop.inventory.StockProblem;
import org.socialworkshop.ordering.Orders.Stage;
import org.socialworkshop.ordering.Orders.StoredLine;
import org.socialworkshop.ordering.Orders.StoredOrder;
import org.socialworkshop.ordering.domain.Order;
import org.socialworkshop.ordering.domain.OrderRuleBroken;
import org.socialworkshop.ordering.domain.OrderStatus;
import org.socialworkshop.payments.PaymentCaptured;
import org.socialworkshop.payments.Payments;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.outbox.Outbox;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moves orders along their lifecycle: paid (from the payments module's event), cancelled, prepared, fulfilled.
 * Every change locks the order row, applies the domain rule, and writes the result with its event and audit entry
 * in one transaction.
 */
@Service
public class OrderLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);

    private final Database db;
    private final Orders orders;
    private final Inventory inventory;
    private final Payments payments;
    private final Outbox outbox;
    private final AuditLog audit;

    OrderLifecycle(Database db, Orders orders, Inventory inventory, Payments payments, Outbox outbox, AuditLog audit) {
        this.db = db;
        this.orders = orders;
        this.inventory = inventory;
        this.payments = payments;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * Money arrived. A waiting order becomes paid and its reserved stock is sold; an order paid already is left
     * alone (the event came twice); an order cancelled meanwhile gets its money back automatically. A company's order
     * is paid in instalments (a deposit, then the balance): until what arrived covers its total it stays waiting, and
     * {@link OrderPaymentReceived} says each part arrived.
     */
    Mono<Void> paid(PaymentCaptured payment) {
        return db.inTransaction(() -> orders.lock(payment.orderId())
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn("Payment {} is for unknown order {}", payment.paymentId(), payment.orderId())))
                .flatMap(stored -> switch (stored.order().status()) {
                    case PENDING_PAYMENT -> stored.channel() == Channel.CORPORATE ? paidInPart(stored, payment) : markPaid(stored, payment);
                    case CANCELLED -> refundLatePayment(stored, payment);
                    default -> Mono.<Void>empty();
                }));
    }

    private Mono<Void> markPaid(StoredOrder stored, PaymentCaptured payment) {
        Order after = stored.order().markPaid(payment.amount());
        return orders.save(after)
                .thenMany(reserved(stored)
                        .concatMap(line -> inventory.confirm(line.reservation())
                                .onErrorResume(StockProblem.class, notHeld -> audit.record("order.stock-not-held",
                                        "order:" + after.id(), Map.of("sku", line.line().sku(), "quantity", line.line().quantity())))))
                .then(outbox.publish(new OrderPaid(after.id(), after.number().toString(), stored.channel(), after.total(),
                        payment.provider(), payment.reference())))
                .then(audit.record("system", "order.paid", "order:" + after.id(),
                        Map.of("provider", payment.provider(), "reference", payment.reference(), "amount", payment.amount().minor())));
    }

    private Mono<Void> paidInPart(StoredOrder stored, PaymentCaptured payment) {
        Order order = stored.order();
        return payments.paidSoFar(order.id(), order.total().currency()).flatMap(paid -> paid.minor() >= order.total().minor()
                ? markPaid(stored, new PaymentCaptured(payment.paymentId(), payment.orderId(), payment.provider(), order.total(),
                        payment.reference()))
                : outbox.publish(new OrderPaymentReceived(order.id(), order.number().toString(), stored.channel(), payment.paymentId(),
                                payment.amount(), paid, order.total(), payment.provider(), payment.reference()))
                        .then(audit.record("system", "order.paid-in-part", "order:" + order.id(), Map.of("provider", payment.provider(),
                                "reference", payment.reference(), "amount", payment.amount().minor(), "paidSoFar", paid.minor()))));
    }

    private Mono<Void> refundLatePayment(StoredOrder stored, PaymentCaptured payment) {
        log.warn("Order {} was paid after it was cancelled; refunding the payment", stored.order().number());
        return audit.record("system", "order.paid-after-cancel", "order:" + stored.order().id(),
                        Map.of("provider", payment.provider(), "reference", payment.reference(), "amount", payment.amount().minor()))
                .then(payments.refund(stored.order().id(), payment.amount(), "Paid after the order was cancelled",
                        "late-payment:" + payment.paymentId()))
                .then();
    }

    /** Cancels an order still waiting for payment, after making sure the provider will not take money for it. */
    Mono<Order> cancel(UUID orderId, String reason) {
        return payments.close(orderId)
                .then(db.inTransaction(() -> orders.lock(orderId)
                        .switchIfEmpty(Mono.error(OrderingProblem::unknownOrder))
                        .flatMap(stored -> {
                            if (stored.order().status() != OrderStatus.PENDING_PAYMENT) {
                                return Mono.just(stored.order());
                            }
                            Order after = stored.order().cancel();
                            return orders.save(after)
                                    .thenMany(reserved(stored)
                                            .concatMap(line -> inventory.release(line.reservation())
                                                    .onErrorResume(StockProblem.class, gone -> Mono.empty())))
                                    .then(outbox.publish(new OrderCancelled(orderId, after.number().toString(), reason)))
                                    .then(audit.record("order.cancelled", "order:" + orderId, Map.of("reason", reason)))
                                    .thenReturn(after);
                        })));
    }

    /** Staff mark progress: ready for pickup, shipped (with a tracking note), or fulfilled. */
    Mono<Void> advance(UUID orderId, String stage, @Nullable String note) {
        return db.inTransaction(() -> orders.lock(orderId)
                .switchIfEmpty(Mono.error(OrderingProblem::unknownOrder))
                .flatMap(stored -> {
                    Order order = stored.order();
                    boolean open = order.status() == OrderStatus.PAID || order.status() == OrderStatus.PARTIALLY_REFUNDED;
                    if (!"FULFILLED".equals(stage) && !open) {
                        return Mono.error(OrderingProblem.wrongStage("Only paid orders not yet handed over can be prepared."));
                    }
                    Mono<Void> change = switch (stage) {
                        case "READY_FOR_PICKUP" -> stored.fulfilment() == Orders.FulfilmentType.PICKUP
                                ? orders.setStage(orderId, Stage.READY_FOR_PICKUP, null)
                                : Mono.error(OrderingProblem.wrongStage("Only pickup orders can be ready for pickup."));
                        case "SHIPPED" -> stored.fulfilment() == Orders.FulfilmentType.DELIVERY
                                ? orders.setStage(orderId, Stage.SHIPPED, note)
                                : Mono.error(OrderingProblem.wrongStage("Only delivery orders are shipped."));
                        default -> orders.save(fulfil(order)).then(orders.setStage(orderId, null, note));
                    };
                    Mono<Long> announced = "FULFILLED".equals(stage) ? Mono.just(0L)
                            : outbox.publish(new OrderPrepared(orderId, order.number().toString(), "SHIPPED".equals(stage), note));
                    return change.then(announced).then(audit.record("order." + stage.toLowerCase(Locale.ROOT).replace('_', '-'),
                            "order:" + orderId, note == null ? Map.of() : Map.of("note", note)));
                }));
    }

    /** The order's lines holding stock, in the order their stock levels are locked. */
    private static Flux<StoredLine> reserved(StoredOrder stored) {
        return Flux.fromIterable(stored.lines()).filter(line -> line.reservation() != null && line.location() != null)
                .sort(LockOrder.byVariantAndLocation(line -> line.line().variantId(), StoredLine::location));
    }

    private static Order fulfil(Order order) {
        try {
            return order.fulfil();
        } catch (OrderRuleBroken broken) {
            throw OrderingProblem.of(broken);
        }
    }
}
