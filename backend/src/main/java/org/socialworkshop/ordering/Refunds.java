package org.socialworkshop.ordering;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.inventory.Inventory;
import org.socialworkshop.inventory.LockOrder;
import org.socialworkshop.ordering.Orders.StoredLine;
import org.socialworkshop.ordering.Orders.StoredOrder;
import org.socialworkshop.ordering.domain.Order;
import org.socialworkshop.ordering.domain.OrderRuleBroken;
import org.socialworkshop.payments.PaymentRefundedExternally;
import org.socialworkshop.payments.PaymentStatus;
import org.socialworkshop.payments.Payments;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.outbox.Outbox;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff refunds of paid orders: all that is left, chosen units of lines, or an amount; through the payment
 * provider, or recorded as paid back in cash or by bank transfer; optionally returning the units to stock.
 *
 * <p>Never more than was paid, also when staff refund at the same moment: the order row is locked while the
 * refund is checked against what was paid minus every refund already made <em>or in flight</em>. A provider
 * refund is recorded as pending first, sent with a key of its own, and applied to the order when the provider
 * has accepted it; if the provider refuses it, it is marked failed and the order is unchanged.
 */
@Service
public class Refunds {

    private static final TypeReference<Map<UUID, Integer>> UNITS = new TypeReference<>() {
    };

    private final Database db;
    private final Orders orders;
    private final Inventory inventory;
    private final Payments payments;
    private final Outbox outbox;
    private final AuditLog audit;
    private final JsonMapper json;

    Refunds(Database db, Orders orders, Inventory inventory, Payments payments, Outbox outbox, AuditLog audit, JsonMapper json) {
        this.db = db;
        this.orders = orders;
        this.inventory = inventory;
        this.payments = payments;
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
    }

    public enum Method {
        /** Back through the payment provider the buyer paid with. */
        ORIGINAL,
        CASH,
        BANK_TRANSFER,
        /** Made at the provider directly (the Stripe dashboard) and learnt from its events. */
        AT_PROVIDER
    }

    /** What part of the order: everything left, chosen units, or an amount. */
    enum Scope {
        REST, LINES, AMOUNT
    }

    /**
     * A refund as asked: an amount, or units of lines (none of either: everything left); {@code restock} puts the
     * refunded units back in stock, or, when {@code restockOnly} is given, only those of the lines it names (a return at
     * the counter decides line by line).
     */
    public record Request(@Nullable Money amount, Map<UUID, Integer> lines, boolean restock, String reason, Method method,
            @Nullable Set<UUID> restockOnly) {

        public Request(@Nullable Money amount, Map<UUID, Integer> lines, boolean restock, String reason, Method method) {
            this(amount, lines, restock, reason, method, null);
        }
    }

    public record Result(UUID refundId, Money amount, Method method, String status, boolean restocked, Map<UUID, Integer> lines) {
    }

    /**
     * What can still be refunded of an order's lines (refunds in flight counted as made), per line id, with none left
     * when the order is not paid (any more); the lines whose units can go back to stock (a counted item, from a known
     * location); and whether it was paid through a payment provider, whose refunds go back through it.
     */
    public record Refundable(UUID orderId, boolean paid, Map<UUID, Integer> left, Set<UUID> restockable, boolean paidAtProvider) {

        public int left(UUID lineId) {
            return paid ? left.getOrDefault(lineId, 0) : 0;
        }
    }

    /**
     * The refund as stored while it is pending: what to apply to the order once the money is on its way;
     * {@code restocked} the units that go back to stock, per line.
     */
    private record Planned(UUID id, Scope scope, Money amount, Map<UUID, Integer> units, Map<UUID, Integer> restocked, Method method) {
    }

    /** What can still be refunded of the order; empty when there is no such order. */
    public Mono<Refundable> refundable(UUID orderId) {
        return orders.load(orderId).flatMap(this::refundable);
    }

    /**
     * As {@link #refundable(UUID)}, with the order's row locked until the caller's transaction ends: a refund made in
     * that transaction is checked against exactly this.
     */
    public Mono<Refundable> lockRefundable(UUID orderId) {
        return orders.lock(orderId).flatMap(this::refundable);
    }

    private Mono<Refundable> refundable(StoredOrder stored) {
        return Mono.zip(withPending(stored), payments.latest(stored.order().id())
                        .map(payment -> payment.status() == PaymentStatus.SUCCEEDED).defaultIfEmpty(false))
                .map(found -> new Refundable(stored.order().id(), found.getT1().status().isPaid(), found.getT1().unitsLeft(),
                        stored.lines().stream().filter(line -> line.location() != null && line.line().variantId() != null)
                                .map(line -> line.line().id()).collect(Collectors.toSet()),
                        found.getT2()));
    }

    public Mono<Result> refund(UUID orderId, Request request) {
        return refund(orderId, UUID.randomUUID(), request);
    }

    /**
     * Refunds with the id the caller gave the refund (a counter return stores its refund receipt under it, in the same
     * transaction). Cash and bank transfers are made at once, inside the caller's transaction if there is one.
     */
    public Mono<Result> refund(UUID orderId, UUID refundId, Request request) {
        boolean immediate = request.method() != Method.ORIGINAL;
        Mono<Void> throughProvider = immediate ? Mono.empty() : payments.ofOrder(orderId)
                .filter(paid -> paid.stream().anyMatch(payment -> payment.status() == PaymentStatus.SUCCEEDED
                        && ("bank".equals(payment.provider()) || "INVOICE".equals(payment.method()))))
                .flatMap(transfer -> Mono.<Void>error(OrderingProblem.paidByTransfer()));
        return throughProvider.then(record(orderId, refundId, request, immediate))
                .flatMap(planned -> immediate ? Mono.just(result(planned, "SUCCEEDED")) : sendToProvider(orderId, planned, request.reason()));
    }

    /**
     * Records a refund whose money the caller gives back through the provider itself ({@link Method#ORIGINAL}, a return at
     * the counter to the tender the sale was paid with): pending, counted against what is left of the order from now on,
     * inside the caller's transaction; the caller then {@link #settle settles} it once the provider has taken it, or
     * {@link #release releases} it when the provider refused it.
     */
    public Mono<Result> hold(UUID orderId, UUID refundId, Request request) {
        if (request.method() != Method.ORIGINAL) {
            throw new IllegalArgumentException("Only a refund through the provider is held, not " + request.method());
        }
        return record(orderId, refundId, request, false).map(planned -> result(planned, "PENDING"));
    }

    private Mono<Planned> record(UUID orderId, UUID refundId, Request request, boolean immediate) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> orders.lock(orderId)
                .switchIfEmpty(Mono.error(OrderingProblem::unknownOrder))
                .flatMap(stored -> withPending(stored).flatMap(current -> {
                    Planned planned = plan(refundId, current, request);
                    Mono<Void> insert = db.sql("""
                                    INSERT INTO order_refunds (id, order_id, amount_minor, method, status, lines, restock, reason, actor)
                                    VALUES (:id, :order, :amount, :method, :status, CAST(:lines AS jsonb), :restock, :reason, :actor)""")
                            .bind("id", refundId).bind("order", orderId).bind("amount", planned.amount().minor())
                            .bind("method", request.method().name()).bind("status", immediate ? "SUCCEEDED" : "PENDING")
                            .bind("lines", json.writeValueAsString(Map.of("scope", planned.scope(), "units", planned.units(),
                                    "restocked", planned.restocked())))
                            .bind("restock", !planned.restocked().isEmpty()).bind("reason", request.reason()).bind("actor", actor)
                            .update().then();
                    return insert.then(immediate ? apply(stored, planned) : Mono.empty()).thenReturn(planned);
                }))));
    }

    private Mono<Result> sendToProvider(UUID orderId, Planned planned, String reason) {
        return payments.refund(orderId, planned.amount(), reason, "order-refund:" + planned.id())
                .flatMap(answer -> switch (answer.status()) {
                    case SUCCEEDED, PENDING -> settle(orderId, planned.id()).thenReturn(result(planned, "SUCCEEDED"));
                    case FAILED -> release(planned.id()).thenReturn(result(planned, "FAILED"));
                })
                .onErrorResume(failure -> release(planned.id()).then(Mono.error(failure)));
    }

    /** Applies a pending refund the provider accepted; inside the caller's transaction if there is one. */
    public Mono<Void> settle(UUID orderId, UUID refundId) {
        return db.inTransaction(() -> orders.lock(orderId).flatMap(stored -> db.sql("""
                                UPDATE order_refunds SET status = 'SUCCEEDED', settled_at = now() WHERE id = :id AND status = 'PENDING'
                                RETURNING amount_minor, method, lines::text AS lines, restock""")
                        .bind("id", refundId)
                        .map(row -> planned(refundId, stored, row.get("amount_minor", Long.class), row.get("method", String.class),
                                row.get("lines", String.class), row.get("restock", Boolean.class)))
                        .first()
                        .flatMap(planned -> apply(stored, planned))));
    }

    /** Marks a pending refund the provider refused as failed: the order is as it was before it. */
    public Mono<Void> release(UUID refundId) {
        return db.inTransaction(() -> db.sql("UPDATE order_refunds SET status = 'FAILED', settled_at = now() WHERE id = :id AND status = 'PENDING'")
                .bind("id", refundId).update()
                .then(audit.record("order.refund-failed", "refund:" + refundId, Map.of())));
    }

    /** A refund made at the provider directly: applied once, by the key the payments module gives it. */
    Mono<Void> recordExternal(PaymentRefundedExternally refunded) {
        UUID refundId = UUID.randomUUID();
        return db.inTransaction(() -> orders.lock(refunded.orderId()).flatMap(stored -> db.sql("""
                                INSERT INTO order_refunds (id, order_id, amount_minor, method, status, lines, restock, reason, actor,
                                                           source_key, settled_at)
                                VALUES (:id, :order, :amount, 'AT_PROVIDER', 'SUCCEEDED', CAST(:lines AS jsonb), false,
                                        'Refunded at the payment provider', 'system', :key, now())
                                ON CONFLICT (source_key) DO NOTHING""")
                        .bind("id", refundId).bind("order", refunded.orderId()).bind("amount", refunded.amount().minor())
                        .bind("lines", json.writeValueAsString(Map.of("scope", Scope.AMOUNT, "units", Map.of())))
                        .bind("key", refunded.key())
                        .update()
                        .filter(inserted -> inserted > 0)
                        .flatMap(inserted -> apply(stored, new Planned(refundId, Scope.AMOUNT, refunded.amount(), Map.of(), Map.of(),
                                Method.AT_PROVIDER)))));
    }

    /** Applies a refund to the order: status and amounts, units back in stock, event and audit. */
    private Mono<Void> apply(StoredOrder stored, Planned planned) {
        Order after = ruled(() -> switch (planned.scope()) {
            case REST -> stored.order().refund(planned.amount(), planned.units());
            case LINES -> stored.order().refundLines(planned.units());
            case AMOUNT -> stored.order().refund(planned.amount());
        });
        Flux<?> restock = Flux.fromIterable(stored.lines())
                .filter(line -> line.location() != null && line.line().variantId() != null
                        && planned.restocked().getOrDefault(line.line().id(), 0) > 0)
                .sort(LockOrder.byVariantAndLocation(line -> line.line().variantId(), StoredLine::location))
                .concatMap(line -> inventory.returnToStock(new VariantId(line.line().variantId()), line.location(),
                        planned.restocked().get(line.line().id()), "refund:" + planned.id()));
        return orders.save(after)
                .thenMany(restock)
                .then(outbox.publish(new OrderRefunded(after.id(), after.number().toString(), planned.id(), planned.amount(),
                        planned.method().name(), planned.units())))
                .then(audit.record("order.refunded", "order:" + after.id(), Map.of("refund", planned.id().toString(),
                        "amount", planned.amount().minor(), "method", planned.method().name(), "restock", !planned.restocked().isEmpty())));
    }

    /** The order as if every pending refund had gone through: what a new refund is checked against. */
    private Mono<Order> withPending(StoredOrder stored) {
        return db.sql("""
                        SELECT id, amount_minor, method, lines::text AS lines, restock FROM order_refunds
                        WHERE order_id = :id AND status = 'PENDING' ORDER BY created_at""")
                .bind("id", stored.order().id())
                .map(row -> planned(row.get("id", UUID.class), stored, row.get("amount_minor", Long.class),
                        row.get("method", String.class), row.get("lines", String.class), row.get("restock", Boolean.class)))
                .list()
                .map(pending -> {
                    Order order = stored.order();
                    for (Planned planned : pending) {
                        Order before = order;
                        order = ruled(() -> switch (planned.scope()) {
                            case REST -> before.refund(planned.amount(), planned.units());
                            case LINES -> before.refundLines(planned.units());
                            case AMOUNT -> before.refund(planned.amount());
                        });
                    }
                    return order;
                });
    }

    private Planned plan(UUID refundId, Order current, Request request) {
        if (!current.status().isPaid()) {
            throw OrderingProblem.notPaid();
        }
        if (request.amount() != null) {
            Order after = ruled(() -> current.refund(request.amount()));
            return new Planned(refundId, Scope.AMOUNT, after.refunded().minus(current.refunded()), Map.of(), Map.of(), request.method());
        }
        if (!request.lines().isEmpty()) {
            Order after = ruled(() -> current.refundLines(request.lines()));
            return new Planned(refundId, Scope.LINES, after.refunded().minus(current.refunded()), request.lines(),
                    restocked(request, request.lines()), request.method());
        }
        Order after = ruled(current::refundRest);
        return new Planned(refundId, Scope.REST, after.refunded().minus(current.refunded()), current.unitsLeft(),
                restocked(request, current.unitsLeft()), request.method());
    }

    /** The units of {@code units} that go back to stock as {@code request} asks. */
    private static Map<UUID, Integer> restocked(Request request, Map<UUID, Integer> units) {
        if (request.restockOnly() != null) {
            Map<UUID, Integer> chosen = new HashMap<>(units);
            chosen.keySet().retainAll(request.restockOnly());
            return chosen;
        }
        return request.restock() ? units : Map.of();
    }

    /** A refund as stored; one stored before refunds were restocked line by line restocks all its units, or none. */
    private Planned planned(UUID id, StoredOrder stored, long amount, String method, String lines, boolean restock) {
        var parsed = json.readTree(lines);
        Scope scope = Scope.valueOf(parsed.get("scope").asString());
        Map<UUID, Integer> units = new HashMap<>(json.convertValue(parsed.get("units"), UNITS));
        Map<UUID, Integer> restocked = parsed.has("restocked") ? new HashMap<>(json.convertValue(parsed.get("restocked"), UNITS))
                : restock ? units : Map.of();
        return new Planned(id, scope, new Money(amount, stored.order().total().currency()), units, restocked, Method.valueOf(method));
    }

    private static Result result(Planned planned, String status) {
        return new Result(planned.id(), planned.amount(), planned.method(), status, !planned.restocked().isEmpty(), planned.units());
    }

    private static Order ruled(Supplier<Order> rule) {
        try {
            return rule.get();
        } catch (OrderRuleBroken broken) {
            throw OrderingProblem.of(broken);
        }
    }
}
