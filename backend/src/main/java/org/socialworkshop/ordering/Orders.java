package org.socialworkshop.ordering;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.ordering.domain.Order;
import org.socialworkshop.ordering.domain.OrderLine;
import org.socialworkshop.ordering.domain.OrderNumber;
import org.socialworkshop.ordering.domain.OrderStatus;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.database.SideWrite;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where orders are kept: new orders with their frozen lines, and the domain {@link Order} loaded (locked for
 * change) and saved back. The rules live in the domain; this class only moves rows.
 */
@Component
class Orders {

    private final Database db;
    private final JsonMapper json;

    Orders(Database db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * A line as stored, with what the domain line does not carry; a line sold at the counter may have chosen
     * {@code options} (stored as given, JSON), the reason of its discount, and a note for the kitchen or bar.
     */
    record StoredLine(OrderLine line, LineKind kind, @Nullable UUID productId, String nameZh, String nameEn, String variantZh,
            String variantEn, @Nullable UUID reservation, @Nullable String location, int refundedQuantity, @Nullable Object options,
            @Nullable String discountReason, @Nullable String note) {

        StoredLine(OrderLine line, LineKind kind, @Nullable UUID productId, String nameZh, String nameEn, String variantZh,
                String variantEn, @Nullable UUID reservation, @Nullable String location, int refundedQuantity) {
            this(line, kind, productId, nameZh, nameEn, variantZh, variantEn, reservation, location, refundedQuantity, null, null, null);
        }
    }

    enum LineKind {
        ITEM, DELIVERY, CHARGE
    }

    enum FulfilmentType {
        PICKUP, DELIVERY
    }

    enum Stage {
        READY_FOR_PICKUP, SHIPPED
    }

    /** Delivery address as the buyer gave it. */
    record Address(String recipient, String phone, String address, String city, @Nullable String postalCode) {
    }

    /**
     * An order to store: placed online (awaiting payment, from a cart) or sold at the counter (paid, with its tenders,
     * and handed over: {@code status} FULFILLED).
     */
    record NewOrder(UUID id, OrderNumber number, Channel channel, OrderStatus status, List<StoredLine> lines, @Nullable String email,
            @Nullable String phone, @Nullable String name, @Nullable String note, FulfilmentType fulfilment,
            @Nullable OffsetDateTime pickupSlot, @Nullable Address delivery, byte[] tokenHash, @Nullable UUID cartId,
            OffsetDateTime payBy, @Nullable String placedFrom, @Nullable Object tenders, @Nullable Language language) {
    }

    /** An order as loaded: the domain object and the facts around it. */
    record StoredOrder(Order order, List<StoredLine> lines, Channel channel, FulfilmentType fulfilment, @Nullable Stage stage,
            OffsetDateTime payBy, @Nullable String email) {
    }

    /**
     * Stores a new order with its lines and closes its cart (if it came from one), in one statement; call inside a
     * transaction. False, and nothing stored, when the cart was checked out meanwhile (a cart becomes one order only).
     */
    Mono<Boolean> insert(NewOrder order) {
        return insert(order, List.of());
    }

    /** As {@link #insert(NewOrder)}, making {@code along} in the same statement (an outbox event, an audit entry). */
    Mono<Boolean> insert(NewOrder order, List<SideWrite> along) {
        Order domain = Order.place(order.id(), order.number(), order.lines().stream().map(StoredLine::line).toList());
        Money total = domain.total();
        List<StoredLine> lines = order.lines();
        return db.sql("""
                        WITH closed AS (
                            UPDATE carts SET order_id = :id, updated_at = now() WHERE id = :cart AND order_id IS NULL RETURNING id
                        ), admitted AS (
                            SELECT 1 FROM closed UNION ALL SELECT 1 WHERE CAST(:cart AS uuid) IS NULL
                        ), head AS (
                            INSERT INTO orders (id, number, channel, status, currency, total_minor, email, phone, name, note,
                                                fulfilment_type, pickup_slot, delivery, access_token_hash, cart_id, pay_by, placed_from,
                                                tenders, paid_at, closed_at, lang)
                            SELECT :id, :number, :channel, :status, :currency, :total, :email, :phone, :name, :note,
                                   :fulfilment, :slot, CAST(:delivery AS jsonb), :token, :cart, :payBy, CAST(:placedFrom AS inet),
                                   CAST(:tenders AS jsonb), CASE WHEN :status <> 'PENDING_PAYMENT' THEN now() END,
                                   CASE WHEN :status = 'FULFILLED' THEN now() END, CAST(:lang AS text)
                            FROM admitted
                            RETURNING id
                        )
                        INSERT INTO order_lines (id, order_id, position, kind, variant_id, product_id, sku, name_zh, name_en,
                                                 variant_zh, variant_en, quantity, unit_price_minor, tax_rate, reservation_id, location,
                                                 discount_minor, discount_reason, options, note)
                        SELECT line.id, head.id, line.position - 1, line.kind, line.variant, line.product, line.sku, line.name_zh,
                               line.name_en, line.variant_zh, line.variant_en, line.quantity, line.price, line.rate,
                               line.reservation, line.location, line.discount, line.reason, CAST(line.options AS jsonb), line.note
                        FROM head, unnest(CAST(:lineIds AS uuid[]), CAST(:kinds AS text[]), CAST(:variants AS uuid[]),
                                          CAST(:products AS uuid[]), CAST(:skus AS text[]), CAST(:namesZh AS text[]),
                                          CAST(:namesEn AS text[]), CAST(:variantsZh AS text[]), CAST(:variantsEn AS text[]),
                                          CAST(:quantities AS int[]), CAST(:prices AS bigint[]), CAST(:rates AS numeric[]),
                                          CAST(:reservations AS uuid[]), CAST(:locations AS text[]), CAST(:discounts AS bigint[]),
                                          CAST(:reasons AS text[]), CAST(:options AS text[]), CAST(:notes AS text[]))
                             WITH ORDINALITY AS line(id, kind, variant, product, sku, name_zh, name_en, variant_zh, variant_en,
                                                     quantity, price, rate, reservation, location, discount, reason, options, note,
                                                     position)""", along)
                .bind("id", order.id()).bind("number", order.number().toString()).bind("channel", order.channel().name())
                .bind("status", order.status().name())
                .bindNullable("tenders", order.tenders() == null ? null : json.writeValueAsString(order.tenders()), String.class)
                .bind("currency", total.currency().getCurrencyCode()).bind("total", total.minor())
                .bindNullable("email", order.email(), String.class).bindNullable("phone", order.phone(), String.class)
                .bindNullable("name", order.name(), String.class).bindNullable("note", order.note(), String.class)
                .bind("fulfilment", order.fulfilment().name())
                .bindNullable("slot", order.pickupSlot(), OffsetDateTime.class)
                .bindNullable("delivery", order.delivery() == null ? null : json.writeValueAsString(order.delivery()), String.class)
                .bind("token", order.tokenHash()).bindNullable("cart", order.cartId(), UUID.class)
                .bind("payBy", order.payBy())
                .bindNullable("placedFrom", order.placedFrom(), String.class)
                .bindNullable("lang", order.language() == null ? null : order.language().tag(), String.class)
                .bind("lineIds", column(lines, line -> line.line().id(), UUID[]::new))
                .bind("kinds", column(lines, line -> line.kind().name(), String[]::new))
                .bind("variants", column(lines, line -> line.line().variantId(), UUID[]::new))
                .bind("products", column(lines, StoredLine::productId, UUID[]::new))
                .bind("skus", column(lines, line -> line.line().sku(), String[]::new))
                .bind("namesZh", column(lines, StoredLine::nameZh, String[]::new))
                .bind("namesEn", column(lines, StoredLine::nameEn, String[]::new))
                .bind("variantsZh", column(lines, StoredLine::variantZh, String[]::new))
                .bind("variantsEn", column(lines, StoredLine::variantEn, String[]::new))
                .bind("quantities", column(lines, line -> line.line().quantity(), Integer[]::new))
                .bind("prices", column(lines, line -> line.line().unitPrice().minor(), Long[]::new))
                .bind("rates", column(lines, line -> line.line().taxRate(), BigDecimal[]::new))
                .bind("reservations", column(lines, StoredLine::reservation, UUID[]::new))
                .bind("locations", column(lines, StoredLine::location, String[]::new))
                .bind("discounts", column(lines, line -> line.line().discount().minor(), Long[]::new))
                .bind("reasons", column(lines, StoredLine::discountReason, String[]::new))
                .bind("options", column(lines, line -> line.options() == null ? null : json.writeValueAsString(line.options()), String[]::new))
                .bind("notes", column(lines, StoredLine::note, String[]::new))
                .update()
                .map(inserted -> inserted > 0);
    }

    /** One field of every line, as an array parameter for {@code unnest}. */
    private static <T> T[] column(List<StoredLine> lines, Function<StoredLine, @Nullable T> field, IntFunction<T[]> array) {
        return lines.stream().map(field).toArray(array);
    }

    /** Loads an order and locks it until the transaction ends; empty when there is none. */
    Mono<StoredOrder> lock(UUID id) {
        return load(id, "FOR UPDATE");
    }

    Mono<StoredOrder> load(UUID id) {
        return load(id, "");
    }

    /** The order and its lines in one query; {@code FOR UPDATE OF o} locks the order's row, not its lines'. */
    private Mono<StoredOrder> load(UUID id, String lock) {
        return db.sql("""
                        SELECT o.number, o.channel, o.status, o.currency, o.refunded_minor, o.fulfilment_type, o.fulfilment_stage,
                               o.pay_by, o.email,
                               l.id, l.kind, l.variant_id, l.product_id, l.sku, l.name_zh, l.name_en, l.variant_zh, l.variant_en,
                               l.quantity, l.unit_price_minor, l.tax_rate, l.refunded_quantity, l.reservation_id, l.location,
                               l.discount_minor, l.discount_reason, l.note
                        FROM orders o JOIN order_lines l ON l.order_id = o.id
                        WHERE o.id = :id ORDER BY l.position""" + (lock.isEmpty() ? "" : " FOR UPDATE OF o"))
                .bind("id", id)
                .map(row -> Map.entry(Head.of(row), line(row)))
                .list()
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Mono.empty();
                    }
                    Head head = rows.get(0).getKey();
                    List<StoredLine> lines = rows.stream().map(Map.Entry::getValue).toList();
                    return Mono.just(new StoredOrder(restore(id, head.number(), head.status(), new Money(head.refunded(), head.currency()),
                            lines), lines, head.channel(), head.fulfilment(), head.stage(), head.payBy(), head.email()));
                });
    }

    /** The domain order from its stored facts. */
    static Order restore(UUID id, String number, OrderStatus status, Money refunded, List<StoredLine> lines) {
        Map<UUID, Integer> refundedUnits = lines.stream().collect(Collectors.toMap(line -> line.line().id(), StoredLine::refundedQuantity));
        return Order.restore(id, OrderNumber.parse(number), lines.stream().map(StoredLine::line).toList(), status, refunded, refundedUnits);
    }

    private record Head(String number, Channel channel, OrderStatus status, Currency currency, long refunded,
            FulfilmentType fulfilment, @Nullable Stage stage, OffsetDateTime payBy, @Nullable String email) {

        static Head of(Readable row) {
            String stage = row.get("fulfilment_stage", String.class);
            return new Head(row.get("number", String.class), Channel.valueOf(row.get("channel", String.class)),
                    OrderStatus.valueOf(row.get("status", String.class)), Currency.getInstance(row.get("currency", String.class).trim()),
                    row.get("refunded_minor", Long.class), FulfilmentType.valueOf(row.get("fulfilment_type", String.class)),
                    stage == null ? null : Stage.valueOf(stage), row.get("pay_by", OffsetDateTime.class),
                    row.get("email", String.class));
        }
    }

    /** A line from a row with the columns of {@code order_lines} (not its options) and the order's {@code currency}. */
    static StoredLine line(Readable row) {
        Currency currency = Currency.getInstance(row.get("currency", String.class).trim());
        OrderLine line = new OrderLine(row.get("id", UUID.class), row.get("variant_id", UUID.class), row.get("sku", String.class),
                row.get("name_zh", String.class), row.get("quantity", Integer.class),
                new Money(row.get("unit_price_minor", Long.class), currency), row.get("tax_rate", BigDecimal.class),
                new Money(row.get("discount_minor", Long.class), currency));
        return new StoredLine(line, LineKind.valueOf(row.get("kind", String.class)), row.get("product_id", UUID.class),
                row.get("name_zh", String.class), row.get("name_en", String.class), row.get("variant_zh", String.class),
                row.get("variant_en", String.class), row.get("reservation_id", UUID.class), row.get("location", String.class),
                row.get("refunded_quantity", Integer.class), null, row.get("discount_reason", String.class), row.get("note", String.class));
    }

    /** Writes back what the domain changed: status, money refunded, units refunded per line (one statement). */
    Mono<Void> save(Order order) {
        return db.sql("""
                        WITH lines AS (
                            UPDATE order_lines l SET refunded_quantity = u.units
                            FROM unnest(CAST(:lineIds AS uuid[]), CAST(:units AS int[])) AS u (id, units)
                            WHERE l.id = u.id AND l.order_id = :id AND l.refunded_quantity <> u.units)
                        UPDATE orders SET status = :status, refunded_minor = :refunded,
                               paid_at = CASE WHEN :status = 'PAID' AND paid_at IS NULL THEN now() ELSE paid_at END,
                               placed_from = CASE WHEN :status = 'PENDING_PAYMENT' THEN placed_from END,
                               closed_at = CASE WHEN :status IN ('FULFILLED', 'CANCELLED', 'REFUNDED') THEN coalesce(closed_at, now())
                                                ELSE closed_at END
                        WHERE id = :id""")
                .bind("lineIds", order.lines().stream().map(line -> line.id().toString()).toArray(String[]::new))
                .bind("units", order.lines().stream().map(line -> order.refundedUnits(line.id())).toArray(Integer[]::new))
                .bind("status", order.status().name()).bind("refunded", order.refunded().minor()).bind("id", order.id())
                .update()
                .then();
    }

    Mono<Void> setStage(UUID id, @Nullable Stage stage, @Nullable String trackingNote) {
        return db.sql("UPDATE orders SET fulfilment_stage = :stage, tracking_note = coalesce(:note, tracking_note) WHERE id = :id")
                .bindNullable("stage", stage == null ? null : stage.name(), String.class)
                .bindNullable("note", trackingNote, String.class)
                .bind("id", id)
                .update().then();
    }

    /** Whether {@code token} is this order's access token (compared by hash, in the database). */
    Mono<Boolean> tokenMatches(UUID id, @Nullable String token) {
        if (!plausibleToken(token)) {
            return Mono.just(false);
        }
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM orders WHERE id = :id AND access_token_hash = :hash)
                            OR EXISTS (SELECT 1 FROM order_links WHERE order_id = :id AND token_hash = :hash) AS ok""")
                .bind("id", id).bind("hash", hash(token))
                .map(row -> row.get("ok", Boolean.class))
                .one();
    }

    /** A token worth hashing and looking up; anything else matches no order. */
    static boolean plausibleToken(@Nullable String token) {
        return token != null && !token.isBlank() && token.length() <= 100;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
