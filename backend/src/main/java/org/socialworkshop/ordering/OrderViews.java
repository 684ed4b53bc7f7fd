package org.socialworkshop.ordering;

import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.ordering.domain.Order;
import org.socialworkshop.ordering.domain.OrderStatus;
import org.socialworkshop.payments.PaymentAttempt;
import org.socialworkshop.payments.Payments;
import org.socialworkshop.platform.audit.AuditEntry;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Money;
import org.socialworkshop.shared.Page;
import org.socialworkshop.shop.ShopIdentity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Reads of orders for buyers and staff. */
@Component
class OrderViews {

    private final Database db;
    private final Orders orders;
    private final Payments payments;
    private final AuditLog audit;
    private final JsonMapper json;
    private final ShopIdentity shop;
    private final ObjectProvider<ReceiptLinks> receipts;

    OrderViews(Database db, Orders orders, Payments payments, AuditLog audit, JsonMapper json, ShopIdentity shop,
            ObjectProvider<ReceiptLinks> receipts) {
        this.receipts = receipts;
        this.db = db;
        this.orders = orders;
        this.payments = payments;
        this.audit = audit;
        this.json = json;
        this.shop = shop;
    }

    /** A row in the staff's list of orders. */
    record Summary(UUID orderId, String orderNumber, OrderStatus status, Orders.@Nullable Stage fulfilmentStage,
            Orders.FulfilmentType fulfilmentType, @Nullable OffsetDateTime pickupSlot, @Nullable String email,
            @Nullable String name, Money total, OffsetDateTime createdAt, @Nullable OffsetDateTime paidAt) {
    }

    private record Head(String number, OrderStatus status, Orders.@Nullable Stage stage, @Nullable String trackingNote,
            OffsetDateTime createdAt, @Nullable OffsetDateTime paidAt, OffsetDateTime payBy, Orders.FulfilmentType type,
            @Nullable OffsetDateTime slot, Orders.@Nullable Address delivery, @Nullable String email, @Nullable String phone,
            @Nullable String name, @Nullable String note, Money refunded) {
    }

    private record Found(Head head, List<Orders.StoredLine> lines) {
    }

    /** The order for its buyer, or with {@code staff} also contact details and history; empty if unknown. */
    Mono<OrderView> view(UUID id, Language language, boolean staff) {
        return view(id, null, language, staff);
    }

    /** The order for whoever holds its access token; empty if unknown or the token is not the order's. */
    Mono<OrderView> viewWithToken(UUID id, @Nullable String token, Language language) {
        return Orders.plausibleToken(token) ? view(id, Orders.hash(token), language, false) : Mono.empty();
    }

    /**
     * The order with its lines in one query (with the token's check, if given), the latest payment attempt, and, once
     * the order has been paid, its refunds and receipts: a buyer's page polling an unpaid order costs two statements.
     */
    private Mono<OrderView> view(UUID id, byte @Nullable [] tokenHash, Language language, boolean staff) {
        return found(id, tokenHash).flatMap(found -> {
            Head head = found.head();
            boolean everPaid = head.paidAt() != null;
            ReceiptLinks links = receipts.getIfAvailable();
            Mono<List<OrderView.Receipt>> receiptsOf = links == null || !everPaid ? Mono.just(List.of()) : links.of(id);
            return Mono.zip(everPaid ? refunds(id, staff) : Mono.just(List.<OrderView.Refund>of()),
                            payments.latest(id).map(List::of).defaultIfEmpty(List.of()),
                            staff ? audit.about("order:" + id) : Mono.just(List.<AuditEntry>of()), receiptsOf, shop.current())
                    .map(parts -> {
                        Order order = Orders.restore(id, head.number(), head.status(), head.refunded(), found.lines());
                        List<OrderView.Line> lines = found.lines().stream().map(line -> new OrderView.Line(line.line().id(),
                                line.kind(), line.productId(), line.line().sku(), language.pick(line.nameZh(), line.nameEn()),
                                language.pick(line.variantZh(), line.variantEn()), line.line().quantity(), line.line().unitPrice(),
                                line.line().amount(), line.line().taxRate(), line.refundedQuantity())).toList();
                        List<OrderView.Tax> taxes = order.taxes().stream()
                                .map(tax -> new OrderView.Tax(tax.rate(), tax.gross(), tax.tax())).toList();
                        OrderView.Payment payment = parts.getT2().stream().findFirst().map(attempt -> payment(attempt, head)).orElse(null);
                        OrderView.Fulfilment fulfilment = new OrderView.Fulfilment(head.type(), head.slot(), head.delivery(),
                                head.type() == Orders.FulfilmentType.PICKUP
                                        ? Checkout.pickupAddress(parts.getT5(), language) : null);
                        OrderView.Staff staffPart = staff
                                ? new OrderView.Staff(head.email(), head.phone(), head.name(), head.note(), parts.getT3()) : null;
                        return new OrderView(id, head.number(), head.status(), head.stage(), head.trackingNote(), head.createdAt(),
                                head.paidAt(), head.payBy(), fulfilment, lines, taxes, order.total(), order.refunded(), payment,
                                parts.getT1(), parts.getT4(), staffPart);
                    });
        });
    }

    private static OrderView.Payment payment(PaymentAttempt attempt, Head head) {
        boolean payable = head.status() == OrderStatus.PENDING_PAYMENT && head.payBy().isAfter(OffsetDateTime.now());
        return new OrderView.Payment(attempt.provider(), attempt.status().name(), payable);
    }

    private Mono<Found> found(UUID id, byte @Nullable [] tokenHash) {
        return db.sql("""
                        SELECT o.number, o.status, o.fulfilment_stage, o.tracking_note, o.created_at, o.paid_at, o.pay_by,
                               o.fulfilment_type, o.pickup_slot, o.delivery::text AS delivery, o.email, o.phone, o.name AS buyer_name,
                               o.note, o.refunded_minor, o.currency,
                               l.id, l.kind, l.variant_id, l.product_id, l.sku, l.name_zh, l.name_en, l.variant_zh, l.variant_en,
                               l.quantity, l.unit_price_minor, l.tax_rate, l.refunded_quantity, l.reservation_id, l.location,
                               l.discount_minor, l.discount_reason, l.note
                        FROM orders o JOIN order_lines l ON l.order_id = o.id
                        WHERE o.id = :id AND (CAST(:token AS bytea) IS NULL OR o.access_token_hash = :token
                            OR EXISTS (SELECT 1 FROM order_links k WHERE k.order_id = o.id AND k.token_hash = :token))
                        ORDER BY l.position""")
                .bind("id", id)
                .bindNullable("token", tokenHash, byte[].class)
                .map(row -> new Found(head(row), List.of(Orders.line(row))))
                .list()
                .flatMap(rows -> rows.isEmpty() ? Mono.empty()
                        : Mono.just(new Found(rows.get(0).head(), rows.stream().flatMap(row -> row.lines().stream()).toList())));
    }

    private Head head(Readable row) {
        String stage = row.get("fulfilment_stage", String.class);
        String delivery = row.get("delivery", String.class);
        return new Head(row.get("number", String.class), OrderStatus.valueOf(row.get("status", String.class)),
                stage == null ? null : Orders.Stage.valueOf(stage), row.get("tracking_note", String.class),
                row.get("created_at", OffsetDateTime.class), row.get("paid_at", OffsetDateTime.class),
                row.get("pay_by", OffsetDateTime.class), Orders.FulfilmentType.valueOf(row.get("fulfilment_type", String.class)),
                row.get("pickup_slot", OffsetDateTime.class), delivery == null ? null : json.readValue(delivery, Orders.Address.class),
                row.get("email", String.class), row.get("phone", String.class), row.get("buyer_name", String.class),
                row.get("note", String.class),
                new Money(row.get("refunded_minor", Long.class), Currency.getInstance(row.get("currency", String.class).trim())));
    }

    /** Refunds of the order; the reason staff wrote is for staff only. */
    private Mono<List<OrderView.Refund>> refunds(UUID id, boolean staff) {
        return db.sql("""
                        SELECT r.id, r.amount_minor, o.currency, r.method, r.status, r.restock, r.reason, r.created_at
                        FROM order_refunds r JOIN orders o ON o.id = r.order_id WHERE r.order_id = :id ORDER BY r.created_at""")
                .bind("id", id)
                .map(row -> new OrderView.Refund(row.get("id", UUID.class),
                        new Money(row.get("amount_minor", Long.class), Currency.getInstance(row.get("currency", String.class).trim())),
                        row.get("method", String.class), row.get("status", String.class), row.get("restock", Boolean.class),
                        staff ? row.get("reason", String.class) : null, row.get("created_at", OffsetDateTime.class)))
                .list();
    }

    /** Staff's list, newest first; {@code q} matches number, e-mail, name or phone by substring. */
    Mono<Page<Summary>> search(@Nullable OrderStatus status, @Nullable String q, Page.Request page) {
        String where = " WHERE (CAST(:status AS text) IS NULL OR status = :status) AND (CAST(:q AS text) IS NULL OR search_text LIKE :q)";
        String pattern = q == null || q.isBlank() ? null : "%" + q.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String statusName = status == null ? null : status.name();
        Mono<Long> total = db.sql("SELECT count(*) AS n FROM orders" + where)
                .bindNullable("status", statusName, String.class).bindNullable("q", pattern, String.class)
                .map(row -> row.get("n", Long.class)).one();
        Mono<List<Summary>> items = db.sql("""
                        SELECT id, number, status, fulfilment_stage, fulfilment_type, pickup_slot, email, name, total_minor, currency,
                               created_at, paid_at FROM orders""" + where + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .bindNullable("status", statusName, String.class).bindNullable("q", pattern, String.class)
                .bind("limit", page.size()).bind("offset", page.offset())
                .map(row -> {
                    String stage = row.get("fulfilment_stage", String.class);
                    return new Summary(row.get("id", UUID.class), row.get("number", String.class),
                            OrderStatus.valueOf(row.get("status", String.class)), stage == null ? null : Orders.Stage.valueOf(stage),
                            Orders.FulfilmentType.valueOf(row.get("fulfilment_type", String.class)),
                            row.get("pickup_slot", OffsetDateTime.class), row.get("email", String.class), row.get("name", String.class),
                            new Money(row.get("total_minor", Long.class), Currency.getInstance(row.get("currency", String.class).trim())),
                            row.get("created_at", OffsetDateTime.class), row.get("paid_at", OffsetDateTime.class));
                })
                .list();
        return Mono.zip(items, total, (list, count) -> new Page<>(list, page.page(), page.size(), count));
    }
}
