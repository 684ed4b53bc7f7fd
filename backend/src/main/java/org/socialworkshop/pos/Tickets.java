package org.socialworkshop.pos;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.ordering.CounterOrders;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.ChangeFeed;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.database.Statement;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kitchen and bar tickets (docs/adr/0017, step 7). A counter sale of goods made at a station (canteen meals in the
 * kitchen, café drinks at the bar: {@code VariantInfo#station}) sends each station a ticket of its lines with their
 * options and notes, in the sale's transaction; the station marks it ready, which puts its pickup number on the
 * customers' "ready" screen, and collected, which hands the order over once all its tickets are. Screens follow the
 * changes as they are committed, on any instance ({@link ChangeFeed}).
 */
@Service
class Tickets {

    static final String CHANNEL = "pos_tickets_changed";

    private final Database db;
    private final JsonMapper json;
    private final CounterOrders orders;
    private final AuditLog audit;
    private final Sinks.Many<Boolean> changes = Sinks.many().multicast().directBestEffort();

    Tickets(Database db, JsonMapper json, CounterOrders orders, AuditLog audit, ChangeFeed feed) {
        this.db = db;
        this.json = json;
        this.orders = orders;
        this.audit = audit;
        feed.onChange(CHANNEL, () -> changes.tryEmitNext(true));
    }

    enum Station {
        KITCHEN, BAR
    }

    enum Status {
        NEW, READY, COLLECTED
    }

    /** What a station makes of one line: names in both languages, the chosen options, the note from the counter. */
    record Line(String name, String nameEn, String variant, String variantEn, int quantity, List<String> options, List<String> optionsEn,
            @Nullable String note) {
    }

    record Ticket(UUID id, Station station, String orderNumber, String registerId, @Nullable Integer pickupNumber, List<Line> lines,
            Status status, OffsetDateTime createdAt, @Nullable OffsetDateTime readyAt) {
    }

    /** A pickup number (or, without one, the order's number) ready to be collected, for the customers' screen. */
    record Ready(String number, String registerId, Station station, OffsetDateTime readyAt) {
    }

    /**
     * The tickets a sale sends: one per station that makes any of its lines, with those lines, their options and notes.
     * They are written by the statement that stores the sale ({@link Sales}), with {@link #WRITTEN} before it, in the
     * sale's transaction: a kitchen never misses a paid meal.
     */
    record Made(List<Station> stations, List<String> lines) {

        boolean any() {
            return !stations.isEmpty();
        }

        /** Binds what {@link #WRITTEN} inserts, for the order {@code :order} numbered {@code :number} at {@code :register}. */
        Statement bind(Statement statement) {
            return statement.bind("ticketIds", stations.stream().map(station -> UUID.randomUUID()).toArray(UUID[]::new))
                    .bind("stations", stations.stream().map(Station::name).toArray(String[]::new))
                    .bind("ticketLines", lines.toArray(String[]::new));
        }
    }

    /**
     * A common table expression inserting a sale's tickets ({@link Made#bind}), with {@code :order}, {@code :number},
     * {@code :register} and {@code :pickup} bound by the statement it opens. Only written when there are tickets: the
     * table's statement trigger tells every screen of each insert, even of none.
     */
    static final String WRITTEN = """
            WITH tickets AS (
                INSERT INTO pos_tickets (id, station, order_id, order_number, register_id, pickup_number, lines)
                SELECT t.id, t.station, :order, :number, :register, :pickup, CAST(t.lines AS jsonb)
                FROM unnest(CAST(:ticketIds AS uuid[]), CAST(:stations AS text[]), CAST(:ticketLines AS text[])) WITH ORDINALITY
                     AS t (id, station, lines, n)
                ORDER BY t.n)
            """;

    /** The tickets {@code sold} sends the stations, in the order the stations first come in its lines. */
    Made made(List<CounterPricing.Line> sold) {
        Map<Station, List<Line>> byStation = new LinkedHashMap<>();
        for (CounterPricing.Line line : sold) {
            String station = line.variant().station();
            if (station != null) {
                byStation.computeIfAbsent(Station.valueOf(station), made -> new ArrayList<>()).add(new Line(line.variant().productNameZh(),
                        line.variant().productNameEn(), line.variant().variantNameZh(), line.variant().variantNameEn(), line.quantity(),
                        line.options().stream().map(option -> option.nameZh()).toList(),
                        line.options().stream().map(option -> option.nameEn()).toList(), line.note()));
            }
        }
        return new Made(List.copyOf(byStation.keySet()), byStation.values().stream().map(json::writeValueAsString).toList());
    }

    /** The station's tickets not yet collected, oldest first. */
    Mono<List<Ticket>> open(Station station) {
        return db.sql("SELECT " + COLUMNS + " FROM pos_tickets WHERE station = :station AND status <> 'COLLECTED' ORDER BY created_at, id")
                .bind("station", station.name())
                .map(this::ticket)
                .list();
    }

    /** The station's open tickets now, and again after every change to any ticket, for as long as it is read. */
    Flux<List<Ticket>> watch(Station station) {
        return changes.asFlux().onBackpressureLatest().startWith(true).concatMap(changed -> open(station), 1);
    }

    /** The pickup numbers ready to be collected now, and again after every change. */
    Flux<List<Ready>> watchReady() {
        return changes.asFlux().onBackpressureLatest().startWith(true).concatMap(changed -> ready(), 1);
    }

    Mono<List<Ready>> ready() {
        return db.sql("""
                        SELECT coalesce(pickup_number::text, order_number) AS number, register_id, station, ready_at
                        FROM pos_tickets WHERE status = 'READY' ORDER BY ready_at DESC, id LIMIT 60""")
                .map(row -> new Ready(row.get("number", String.class), row.get("register_id", String.class),
                        Station.valueOf(row.get("station", String.class)), row.get("ready_at", OffsetDateTime.class)))
                .list();
    }

    /** Marks a new ticket ready; a ticket ready or collected already stays as it is. */
    Mono<Ticket> ready(UUID id) {
        return db.inTransaction(() -> db.sql("UPDATE pos_tickets SET status = 'READY', ready_at = now() WHERE id = :id AND status = 'NEW'")
                        .bind("id", id).update()
                        .flatMap(changed -> changed == 0 ? Mono.empty()
                                : audit.record("pos.ticket-ready", "ticket:" + id, Map.of())))
                .then(Mono.defer(() -> one(id)));
    }

    /**
     * Marks a ticket collected; once all the tickets of its order are, the order is handed over. The order's tickets
     * are locked first, so two stations collecting at once cannot both think the other still waits.
     */
    Mono<Ticket> collected(UUID id) {
        return db.inTransaction(() -> db.sql("""
                                SELECT id, order_id, status FROM pos_tickets
                                WHERE order_id = (SELECT order_id FROM pos_tickets WHERE id = :id) ORDER BY id FOR UPDATE""")
                        .bind("id", id)
                        .map(row -> new Locked(row.get("id", UUID.class), row.get("order_id", UUID.class), row.get("status", String.class)))
                        .list()
                        .flatMap(tickets -> {
                            Locked ticket = tickets.stream().filter(one -> one.id().equals(id)).findFirst().orElse(null);
                            if (ticket == null || ticket.status().equals(Status.COLLECTED.name())) {
                                return Mono.<Void>empty();
                            }
                            boolean last = tickets.stream().filter(one -> !one.id().equals(id))
                                    .allMatch(one -> one.status().equals(Status.COLLECTED.name()));
                            return db.sql("""
                                            UPDATE pos_tickets SET status = 'COLLECTED', collected_at = now(), ready_at = coalesce(ready_at, now())
                                            WHERE id = :id""")
                                    .bind("id", id).update()
                                    .then(audit.record("pos.ticket-collected", "ticket:" + id, Map.of()))
                                    .then(last ? orders.handedOver(ticket.orderId()) : Mono.empty());
                        }))
                .then(Mono.defer(() -> one(id)));
    }

    private record Locked(UUID id, UUID orderId, String status) {
    }

    private Mono<Ticket> one(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM pos_tickets WHERE id = :id").bind("id", id).map(this::ticket).one()
                .switchIfEmpty(Mono.error(PosProblem::unknownTicket));
    }

    private static final String COLUMNS = "id, station, order_number, register_id, pickup_number, lines::text AS lines, status, created_at, ready_at";

    private Ticket ticket(io.r2dbc.spi.Readable row) {
        return new Ticket(row.get("id", UUID.class), Station.valueOf(row.get("station", String.class)), row.get("order_number", String.class),
                row.get("register_id", String.class), row.get("pickup_number", Integer.class),
                json.readValue(row.get("lines", String.class), new TypeReference<List<Line>>() {
                }), Status.valueOf(row.get("status", String.class)), row.get("created_at", OffsetDateTime.class),
                row.get("ready_at", OffsetDateTime.class));
    }
}
