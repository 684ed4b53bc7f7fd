package org.socialworkshop.corporate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.ordering.CorporateOrders;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.platform.web.Problems;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Deliveries of companies' orders (issue 13, item 6): a coordinator records each delivery (to one of the company's
 * locations, some pieces of each line of goods, never beyond what was ordered), numbered DN-2026-0001 without gaps,
 * with its delivery note; the order is handed over (FULFILLED) when the last piece is delivered and it is paid,
 * whichever comes last ({@link DeliveredAndPaid}). A buyer reads their own company's orders' deliveries only.
 */
@Service
public class Deliveries {

    private static final ZoneId WORKSHOP = ZoneId.of("Asia/Shanghai");
    /** A note is often printed before the van leaves; a delivery is dated at most this many days ahead. */
    static final int MAX_DAYS_AHEAD = 30;

    private final Database db;
    private final Companies companies;
    private final CorporateOrders orders;
    private final AuditLog audit;
    private final Clock clock;

    Deliveries(Database db, Companies companies, CorporateOrders orders, AuditLog audit, Clock clock) {
        this.db = db;
        this.companies = companies;
        this.orders = orders;
        this.audit = audit;
        this.clock = clock;
    }

    /** Pieces of one line of goods in a delivery. */
    public record Pieces(UUID lineId, int pieces) {
    }

    /** A delivery as a coordinator records it; {@code receivedBy} when the note comes back signed (or later). */
    public record NewDelivery(UUID locationId, LocalDate deliveredOn, @Nullable String carrier, @Nullable String tracking,
            @Nullable String note, @Nullable String receivedBy, List<Pieces> lines) {
    }

    /** A line of the order's goods: ordered, delivered so far, still to deliver. */
    public record Line(UUID lineId, String sku, String nameZh, String nameEn, String variantZh, String variantEn, int ordered,
            int delivered, int outstanding) {
    }

    /** A line of a delivery: its pieces, and what had been delivered of the line with it, of what was ordered. */
    public record DeliveredLine(UUID lineId, String sku, String nameZh, String nameEn, String variantZh, String variantEn, int pieces,
            int deliveredSoFar, int ordered) {
    }

    /** One delivery of an order, the order's {@code sequence}th, to {@code location} as it was when delivered to. */
    public record Delivery(UUID id, String number, int sequence, Company.Location location, LocalDate deliveredOn,
            @Nullable String carrier, @Nullable String tracking, @Nullable String note, @Nullable String receivedBy,
            @Nullable OffsetDateTime receivedAt, List<DeliveredLine> lines, OffsetDateTime recordedAt) {
    }

    /** An order's goods, what is left to deliver of them, and its deliveries, first first. */
    public record OrderDeliveries(UUID orderId, String orderNumber, String poNumber, UUID companyId, String companyName, String status,
            boolean delivered, List<Line> lines, List<Delivery> deliveries) {
    }

    /** The company's order a delivery is for, as the quote that placed it names it. */
    private record Head(UUID orderId, UUID companyId, String companyName, String poNumber) {
    }

    /** A company's order's deliveries, for coordinators: 404 when no accepted quote placed the order. */
    public Mono<OrderDeliveries> ofOrder(UUID orderId) {
        return head(orderId, false).flatMap(this::read);
    }

    /** The deliveries of an order of the signed-in buyer's company; any other order is not found. */
    public Mono<OrderDeliveries> ofBuyer(UUID orderId) {
        return buyersHead(orderId).flatMap(this::read);
    }

    /** One delivery of a company's order, for coordinators; its note is printed from it. */
    public Mono<Delivery> one(UUID orderId, UUID deliveryId) {
        return ofOrder(orderId).flatMap(found -> only(found, deliveryId)).map(Map.Entry::getValue);
    }

    /** The order and one of its deliveries, for its note: for coordinators, or ({@code buyer}) for the order's company's buyers. */
    Mono<Map.Entry<OrderDeliveries, Delivery>> forNote(UUID orderId, UUID deliveryId, boolean buyer) {
        return (buyer ? ofBuyer(orderId) : ofOrder(orderId)).flatMap(found -> only(found, deliveryId));
    }

    private static Mono<Map.Entry<OrderDeliveries, Delivery>> only(OrderDeliveries found, UUID deliveryId) {
        return Mono.justOrEmpty(found.deliveries().stream().filter(delivery -> delivery.id().equals(deliveryId)).findFirst())
                .map(delivery -> Map.entry(found, delivery))
                .switchIfEmpty(Mono.error(CorporateProblem::unknownDelivery));
    }

    /**
     * Records a delivery of a company's order: to one of its company's delivery locations (400 otherwise), of some
     * pieces of its lines of goods, none beyond what is left to deliver (422 {@code over-delivery}); an order cancelled
     * or refunded in full → 409. Numbered in the year's series without a gap. The last piece of a paid order hands it
     * over. Deliveries of one order are recorded one at a time (the order's quote is locked).
     */
    public Mono<Delivery> record(UUID orderId, NewDelivery delivery) {
        Map<UUID, Integer> pieces = pieces(delivery.lines());
        LocalDate today = LocalDate.now(clock.withZone(WORKSHOP));
        if (pieces.isEmpty()) {
            return Mono.error(InvalidInput.field("lines", "A delivery carries at least one piece."));
        }
        if (delivery.deliveredOn().isBefore(today.minusYears(1)) || delivery.deliveredOn().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            return Mono.error(InvalidInput.field("deliveredOn", "A delivery is dated within the last year or the next "
                    + MAX_DAYS_AHEAD + " days."));
        }
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> head(orderId, true)
                .flatMap(head -> open(orderId)
                        .then(location(head.companyId(), delivery.locationId()))
                        .then(counted(orderId))
                        .flatMap(counted -> {
                            List<Problems.FieldError> unknown = unknownLines(counted, delivery.lines());
                            if (!unknown.isEmpty()) {
                                return Mono.error(InvalidInput.fields(unknown));
                            }
                            List<DeliveredPieces.Over> over = counted.over(pieces);
                            if (!over.isEmpty()) {
                                return Mono.error(CorporateProblem.overDelivery(over));
                            }
                            return store(head, delivery, pieces, actor)
                                    .flatMap(stored -> (counted.plus(pieces).complete() ? orders.fulfilDelivered(orderId) : Mono.just(false))
                                            .thenReturn(stored));
                        }))
                .flatMap(id -> ofOrder(orderId).flatMap(found -> only(found, id)).map(Map.Entry::getValue))));
    }

    /** Records who received a delivery (the name on the signed note), or corrects it. */
    public Mono<Delivery> received(UUID orderId, UUID deliveryId, String receivedBy) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("""
                                UPDATE deliveries SET received_by = :name, received_at = coalesce(received_at, now())
                                WHERE id = :id AND order_id = :order""")
                        .bind("name", receivedBy.strip()).bind("id", deliveryId).bind("order", orderId).update()
                        .flatMap(updated -> updated == 1 ? audit.record(actor, "corporate.delivery-received", "delivery:" + deliveryId,
                                Map.of("receivedBy", receivedBy.strip())) : Mono.error(CorporateProblem.unknownDelivery()))))
                .then(Mono.defer(() -> one(orderId, deliveryId)));
    }

    /**
     * The order was paid: if its goods are all delivered, it is handed over now. Runs in the outbox's transaction, after
     * the lock of the order's quote, so a delivery recorded at the same moment is either seen here or sees the payment.
     */
    Mono<Void> paid(UUID orderId) {
        return db.sql("SELECT id FROM quotes WHERE order_id = :order FOR UPDATE").bind("order", orderId).map(row -> row.get("id", UUID.class))
                .one()
                .flatMap(quote -> counted(orderId))
                .filter(DeliveredPieces::complete)
                .flatMap(complete -> orders.fulfilDelivered(orderId))
                .then();
    }

    private Mono<Head> head(UUID orderId, boolean lock) {
        return db.sql("""
                        SELECT q.order_id, q.company_id, q.po_number, c.legal_name FROM quotes q JOIN companies c ON c.id = q.company_id
                        WHERE q.order_id = :order""" + (lock ? " FOR UPDATE OF q" : ""))
                .bind("order", orderId)
                .map(row -> new Head(row.get("order_id", UUID.class), row.get("company_id", UUID.class), row.get("legal_name", String.class),
                        row.get("po_number", String.class)))
                .one()
                .switchIfEmpty(Mono.error(CorporateProblem::unknownOrder));
    }

    private Mono<Head> buyersHead(UUID orderId) {
        return companies.buyersCompany().flatMap(company -> head(orderId, false)
                .onErrorResume(CorporateProblem.class, notFound -> Mono.empty())
                .filter(head -> head.companyId().equals(company))
                .switchIfEmpty(Mono.error(CorporateProblem::unknownOrder)));
    }

    /** Refused for an order cancelled, or refunded in full: nothing more goes out for it. */
    private Mono<Void> open(UUID orderId) {
        return orders.states(List.of(orderId)).flatMap(states -> {
            CorporateOrders.State state = states.get(orderId);
            if (state == null) {
                return Mono.error(CorporateProblem.unknownOrder());
            }
            return "CANCELLED".equals(state.status()) || "REFUNDED".equals(state.status()) ? Mono.error(CorporateProblem.orderClosed())
                    : Mono.empty();
        });
    }

    private Mono<Void> location(UUID company, UUID location) {
        return db.sql("SELECT id FROM company_locations WHERE id = :id AND company_id = :company AND removed_at IS NULL")
                .bind("id", location).bind("company", company).map(row -> row.get("id", UUID.class)).one()
                .switchIfEmpty(Mono.error(() -> InvalidInput.field("locationId", "Not one of the company's delivery locations.")))
                .then();
    }

    /** What was ordered and what has been delivered of each line of the order's goods. */
    private Mono<DeliveredPieces> counted(UUID orderId) {
        return orders.items(orderId).zipWith(db.sql("""
                                SELECT l.order_line_id, sum(l.pieces)::int AS pieces FROM delivery_lines l JOIN deliveries d ON d.id = l.delivery_id
                                WHERE d.order_id = :order GROUP BY l.order_line_id""")
                        .bind("order", orderId)
                        .map(row -> Map.entry(row.get("order_line_id", UUID.class), row.get("pieces", Integer.class))).list(),
                (items, delivered) -> {
                    Map<UUID, Integer> ordered = new LinkedHashMap<>();
                    items.forEach(item -> ordered.put(item.lineId(), item.quantity()));
                    Map<UUID, Integer> sofar = new LinkedHashMap<>();
                    delivered.forEach(entry -> sofar.put(entry.getKey(), entry.getValue()));
                    return DeliveredPieces.none(ordered).plus(sofar);
                });
    }

    /** Lines that are not the order's goods, or named twice: each a field error at its place in {@code lines}. */
    private static List<Problems.FieldError> unknownLines(DeliveredPieces counted, List<Pieces> lines) {
        List<Problems.FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            UUID line = lines.get(i).lineId();
            if (!counted.orders(line)) {
                errors.add(new Problems.FieldError("lines[" + i + "].lineId", "Not a line of this order's goods."));
            } else if (!seen.add(line)) {
                errors.add(new Problems.FieldError("lines[" + i + "].lineId", "This line is named twice."));
            }
        }
        return errors;
    }

    /** The pieces of each line, lines of no pieces left out. */
    private static Map<UUID, Integer> pieces(List<Pieces> lines) {
        Map<UUID, Integer> pieces = new LinkedHashMap<>();
        lines.stream().filter(line -> line.pieces() > 0).forEach(line -> pieces.merge(line.lineId(), line.pieces(), Integer::sum));
        return pieces;
    }

    /** Stores the delivery with the year's next number and the order's next sequence; its id. */
    private Mono<UUID> store(Head head, NewDelivery delivery, Map<UUID, Integer> pieces, String actor) {
        UUID id = UUID.randomUUID();
        int year = LocalDate.now(clock.withZone(WORKSHOP)).getYear();
        return db.sql("""
                        INSERT INTO delivery_note_numbers (year, last) VALUES (:year, 1)
                        ON CONFLICT (year) DO UPDATE SET last = delivery_note_numbers.last + 1 RETURNING last""")
                .bind("year", year).map(row -> row.get("last", Integer.class)).one()
                .map(last -> String.format("DN-%d-%04d", year, last))
                .flatMap(number -> db.sql("""
                                WITH stored AS (
                                    INSERT INTO deliveries (id, number, order_id, sequence, company_id, location_id, delivered_on, carrier,
                                                            tracking, note, received_by, received_at, recorded_by)
                                    SELECT :id, :number, :order, coalesce(max(sequence), 0) + 1, :company, :location, :on, :carrier,
                                           :tracking, :note, CAST(:receivedBy AS text), CASE WHEN CAST(:receivedBy AS text) IS NOT NULL THEN now() END, :by
                                    FROM deliveries WHERE order_id = :order
                                    RETURNING id)
                                INSERT INTO delivery_lines (delivery_id, order_line_id, pieces)
                                SELECT stored.id, line.id, line.pieces FROM stored,
                                       unnest(CAST(:lines AS uuid[]), CAST(:pieces AS int[])) AS line (id, pieces)""")
                        .bind("id", id).bind("number", number).bind("order", head.orderId()).bind("company", head.companyId())
                        .bind("location", delivery.locationId()).bind("on", delivery.deliveredOn())
                        .bindNullable("carrier", blankless(delivery.carrier()), String.class)
                        .bindNullable("tracking", blankless(delivery.tracking()), String.class)
                        .bindNullable("note", blankless(delivery.note()), String.class)
                        .bindNullable("receivedBy", blankless(delivery.receivedBy()), String.class)
                        .bind("by", actor)
                        .bind("lines", pieces.keySet().toArray(UUID[]::new)).bind("pieces", pieces.values().toArray(Integer[]::new))
                        .update()
                        .then(audit.record(actor, "corporate.delivery-recorded", "order:" + head.orderId(), Map.of("number", number,
                                "pieces", pieces.values().stream().mapToInt(Integer::intValue).sum()))))
                .thenReturn(id);
    }

    /** The order's goods with what is left of them, and its deliveries each with its lines' running totals. */
    private Mono<OrderDeliveries> read(Head head) {
        Mono<List<Map.Entry<UUID, Pieces>>> lines = db.sql("""
                        SELECT l.delivery_id, l.order_line_id, l.pieces FROM delivery_lines l JOIN deliveries d ON d.id = l.delivery_id
                        WHERE d.order_id = :order""")
                .bind("order", head.orderId())
                .map(row -> Map.entry(row.get("delivery_id", UUID.class), new Pieces(row.get("order_line_id", UUID.class),
                        row.get("pieces", Integer.class))))
                .list();
        Mono<List<Delivery>> deliveries = db.sql("""
                        SELECT d.*, l.label, l.recipient, l.phone, l.address FROM deliveries d JOIN company_locations l ON l.id = d.location_id
                        WHERE d.order_id = :order ORDER BY d.sequence""")
                .bind("order", head.orderId()).map(Deliveries::delivery).list();
        return Mono.zip(orders.items(head.orderId()), orders.states(List.of(head.orderId())), deliveries, lines)
                .flatMap(found -> {
                    CorporateOrders.State state = found.getT2().get(head.orderId());
                    if (state == null) {
                        return Mono.error(CorporateProblem.unknownOrder());
                    }
                    return Mono.just(assemble(head, state, found.getT1(), found.getT3(), found.getT4()));
                });
    }

    private static OrderDeliveries assemble(Head head, CorporateOrders.State state, List<CorporateOrders.Item> items,
            List<Delivery> stored, List<Map.Entry<UUID, Pieces>> lines) {
        Map<UUID, Integer> ordered = new LinkedHashMap<>();
        items.forEach(item -> ordered.put(item.lineId(), item.quantity()));
        DeliveredPieces counted = DeliveredPieces.none(ordered);
        List<Delivery> deliveries = new ArrayList<>();
        for (Delivery delivery : stored) {
            Map<UUID, Integer> pieces = new LinkedHashMap<>();
            lines.stream().filter(line -> line.getKey().equals(delivery.id()))
                    .forEach(line -> pieces.put(line.getValue().lineId(), line.getValue().pieces()));
            counted = counted.plus(pieces);
            List<DeliveredLine> delivered = new ArrayList<>();
            for (CorporateOrders.Item item : items) {
                Integer count = pieces.get(item.lineId());
                if (count != null) {
                    delivered.add(new DeliveredLine(item.lineId(), item.sku(), item.nameZh(), item.nameEn(), item.variantZh(), item.variantEn(),
                            count, counted.delivered(item.lineId()), item.quantity()));
                }
            }
            deliveries.add(new Delivery(delivery.id(), delivery.number(), delivery.sequence(), delivery.location(), delivery.deliveredOn(),
                    delivery.carrier(), delivery.tracking(), delivery.note(), delivery.receivedBy(), delivery.receivedAt(), delivered,
                    delivery.recordedAt()));
        }
        DeliveredPieces all = counted;
        List<Line> goods = items.stream().map(item -> new Line(item.lineId(), item.sku(), item.nameZh(), item.nameEn(), item.variantZh(),
                item.variantEn(), item.quantity(), all.delivered(item.lineId()), Math.max(0, all.outstanding(item.lineId())))).toList();
        return new OrderDeliveries(head.orderId(), state.number(), head.poNumber(), head.companyId(), head.companyName(), state.status(),
                all.complete(), goods, deliveries);
    }

    private static Delivery delivery(Readable row) {
        return new Delivery(row.get("id", UUID.class), row.get("number", String.class), row.get("sequence", Integer.class),
                new Company.Location(row.get("location_id", UUID.class), row.get("label", String.class), row.get("recipient", String.class),
                        row.get("phone", String.class), row.get("address", String.class)),
                row.get("delivered_on", LocalDate.class), row.get("carrier", String.class), row.get("tracking", String.class),
                row.get("note", String.class), row.get("received_by", String.class), row.get("received_at", OffsetDateTime.class), List.of(),
                row.get("recorded_at", OffsetDateTime.class));
    }

    private static @Nullable String blankless(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
