package org.socialworkshop.inventory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.catalog.StockLevels;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.platform.outbox.Outbox;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The inventory module's facade. Every change is one journal row plus one conditional update of the level,
 * in one transaction: the update only happens if on-hand and reserved stay within bounds, so concurrent sales
 * can never take stock below zero, and the journal always sums to the level.
 */
@Service
public class Inventory implements StockLevels {

    private final Database db;
    private final Catalog catalog;
    private final Outbox outbox;

    Inventory(Database db, Catalog catalog, Outbox outbox) {
        this.db = db;
        this.catalog = catalog;
        this.outbox = outbox;
    }

    public Mono<StockMovement> receive(VariantId variant, String location, long quantity, @Nullable String note) {
        return db.inTransaction(() -> move(variant, location, StockChange.RECEIVED, quantity, note, null));
    }

    public Mono<StockMovement> adjust(VariantId variant, String location, long delta, String reason) {
        return db.inTransaction(() -> move(variant, location, StockChange.ADJUSTED, delta, reason, null));
    }

    public Mono<List<StockMovement>> transfer(VariantId variant, String from, String to, long quantity) {
        String reference = "transfer:" + UUID.randomUUID();
        return db.inTransaction(() -> move(variant, from, StockChange.TRANSFERRED_OUT, quantity, null, reference)
                .zipWith(move(variant, to, StockChange.TRANSFERRED_IN, quantity, null, reference), List::of));
    }

    /** Units sold earlier come back (a refund with restocking); {@code reference} names the refund. */
    public Mono<StockMovement> returnToStock(VariantId variant, String location, long quantity, String reference) {
        return db.inTransaction(() -> move(variant, location, StockChange.RETURNED, quantity, null, reference));
    }

    /** Units of one variant wanted from the stock a channel sells from. */
    public record Wanted(VariantId variant, long quantity) {
    }

    /** Sets units aside for {@code reference}; see {@link #reserveAll}. */
    public Mono<Reservation> reserve(VariantId variant, Channel channel, long quantity, String reference, Duration hold) {
        return reserveAll(List.of(new Wanted(variant, quantity)), channel, reference, hold).map(reserved -> reserved.get(0));
    }

    /**
     * Sets units of several variants aside for {@code reference} (e.g. an order), all or none, each at the location
     * serving {@code channel} that has the most available (the first such in {@link LockOrder}). One statement locks
     * the levels in lock order, chooses, reserves, journals and records: a checkout holds the levels from that
     * statement to its commit, where a statement to lock, another to reserve and the order number between held them
     * for three round trips more.
     */
    public Mono<List<Reservation>> reserveAll(List<Wanted> wanted, Channel channel, String reference, Duration hold) {
        if (wanted.isEmpty()) {
            return Mono.just(List.of());
        }
        List<UUID> ids = wanted.stream().map(item -> UUID.randomUUID()).toList();
        return db.inTransaction(() -> CurrentUser.name().flatMap(actor -> db.sql("""
                        WITH wanted AS (
                            SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:variants AS uuid[]), CAST(:quantities AS bigint[]))
                                AS w (id, variant_id, quantity)),
                        locked AS MATERIALIZED (
                            SELECT l.variant_id, l.location, l.on_hand - l.reserved AS available
                            FROM stock_levels l JOIN stock_locations s ON s.code = l.location
                            WHERE l.variant_id = ANY(CAST(:variants AS uuid[])) AND :channel = ANY(s.channels)
                            ORDER BY l.variant_id, l.location COLLATE "C"
                            FOR UPDATE OF l),
                        chosen AS (
                            SELECT DISTINCT ON (w.id) w.id, w.variant_id, k.location, w.quantity
                            FROM wanted w JOIN locked k ON k.variant_id = w.variant_id AND k.available >= w.quantity
                            ORDER BY w.id, k.available DESC, k.location COLLATE "C"),
                        moved AS (
                            UPDATE stock_levels l SET reserved = l.reserved + c.quantity
                            FROM chosen c
                            WHERE l.variant_id = c.variant_id AND l.location = c.location AND l.reserved + c.quantity <= l.on_hand
                            RETURNING c.id, l.variant_id, l.location, c.quantity, l.on_hand, l.reserved, l.low_stock_threshold),
                        journal AS (
                            INSERT INTO stock_movements (variant_id, location, kind, on_hand_delta, reserved_delta, reference, actor)
                            SELECT variant_id, location, 'RESERVED', 0, quantity, :reference, :actor FROM moved
                            ORDER BY variant_id, location COLLATE "C"),
                        held AS (
                            INSERT INTO stock_reservations (id, variant_id, location, quantity, reference, expires_at)
                            SELECT id, variant_id, location, quantity, :reference, now() + :seconds * interval '1 second' FROM moved
                            RETURNING id, expires_at)
                        SELECT m.id, m.location, m.on_hand, m.reserved, m.low_stock_threshold, h.expires_at
                        FROM moved m JOIN held h ON h.id = m.id""")
                .bind("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .bind("variants", wanted.stream().map(item -> item.variant().value().toString()).toArray(String[]::new))
                .bind("quantities", wanted.stream().map(Wanted::quantity).toArray(Long[]::new))
                .bind("channel", channel.name())
                .bind("reference", reference).bind("actor", actor).bind("seconds", hold.toSeconds())
                .map(row -> new HeldRow(row.get("id", UUID.class), row.get("location", String.class), new long[] {
                        row.get("on_hand", Long.class), row.get("reserved", Long.class), row.get("low_stock_threshold", Integer.class)},
                        row.get("expires_at", OffsetDateTime.class)))
                .list())
                .flatMap(rows -> {
                    if (rows.size() != wanted.size()) {
                        // Some variant had no level with enough available: the transaction rolls back what was reserved.
                        return Mono.error(StockProblem.insufficient(channel.name().toLowerCase(Locale.ROOT) + " stock"));
                    }
                    Map<UUID, HeldRow> byId = rows.stream().collect(Collectors.toMap(HeldRow::id, row -> row));
                    return Flux.range(0, wanted.size())
                            .concatMap(index -> {
                                Wanted item = wanted.get(index);
                                HeldRow row = byId.get(ids.get(index));
                                return warnIfLow(item.variant(), row.location(), row.after(), -item.quantity())
                                        .thenReturn(new Reservation(row.id(), item.variant(), row.location(), item.quantity(),
                                                reference, row.expiresAt()));
                            })
                            .collectList();
                }));
    }

    private record HeldRow(UUID id, String location, long[] after, OffsetDateTime expiresAt) {
    }

    /** Why the journal shows more units than were on record before a counter sale. */
    static final String SOLD_BEYOND_RECORD = "sold at the counter beyond the recorded stock";

    /**
     * Units sold at a POS register leave at once (no reservation: the buyer holds them), from the location serving
     * the POS with the most available. The counter sells what is in the hand, also offline, so a sale is never refused
     * for stock: where the records hold fewer units than were sold, an adjustment first brings them up to it, with
     * {@link #SOLD_BEYOND_RECORD} as its reason, for the next count to look into. Call inside the sale's transaction;
     * completes with the location each variant left.
     */
    public Mono<Map<VariantId, String>> sellAtCounter(List<Wanted> sold, String reference) {
        if (sold.isEmpty()) {
            return Mono.just(Map.of());
        }
        return counterSale(sold, reference).flatMap(moved -> {
            if (moved.size() == sold.stream().map(Wanted::variant).distinct().count()) {
                return Mono.just(moved);
            }
            // A variant never stocked at the counter: it gets a level there (at 0), and the sale goes again.
            return counterLevels(sold.stream().map(Wanted::variant).filter(variant -> !moved.containsKey(variant)).toList())
                    .then(counterSale(sold.stream().filter(item -> !moved.containsKey(item.variant())).toList(), reference))
                    .map(more -> {
                        Map<VariantId, String> all = new HashMap<>(moved);
                        all.putAll(more);
                        return all;
                    });
        });
    }

    private Mono<Map<VariantId, String>> counterSale(List<Wanted> sold, String reference) {
        return CurrentUser.name().flatMap(actor -> db.sql("""
                        WITH wanted AS (
                            SELECT variant_id, sum(quantity)::bigint AS quantity
                            FROM unnest(CAST(:variants AS uuid[]), CAST(:quantities AS bigint[])) AS w (variant_id, quantity)
                            GROUP BY variant_id),
                        locked AS MATERIALIZED (
                            SELECT l.variant_id, l.location, l.on_hand - l.reserved AS available
                            FROM stock_levels l JOIN stock_locations s ON s.code = l.location
                            WHERE l.variant_id = ANY(CAST(:variants AS uuid[])) AND 'POS' = ANY(s.channels)
                            ORDER BY l.variant_id, l.location COLLATE "C"
                            FOR UPDATE OF l),
                        chosen AS (
                            SELECT DISTINCT ON (w.variant_id) w.variant_id, k.location, w.quantity,
                                   greatest(0, w.quantity - k.available) AS short
                            FROM wanted w JOIN locked k ON k.variant_id = w.variant_id
                            ORDER BY w.variant_id, k.available DESC, k.location COLLATE "C"),
                        moved AS (
                            UPDATE stock_levels l SET on_hand = l.on_hand + c.short - c.quantity
                            FROM chosen c
                            WHERE l.variant_id = c.variant_id AND l.location = c.location
                            RETURNING l.variant_id, l.location, c.quantity, c.short, l.on_hand, l.reserved, l.low_stock_threshold),
                        journal AS (
                            INSERT INTO stock_movements (variant_id, location, kind, on_hand_delta, reserved_delta, reason, reference, actor)
                            SELECT variant_id, location, kind, delta, 0, reason, :reference, :actor
                            FROM (SELECT variant_id, location, 'ADJUSTED' AS kind, short AS delta, CAST(:beyond AS text) AS reason, 1 AS step
                                  FROM moved WHERE short > 0
                                  UNION ALL
                                  SELECT variant_id, location, 'SOLD', -quantity, NULL, 2 FROM moved) m
                            ORDER BY variant_id, step)
                        SELECT variant_id, location, quantity, short, on_hand, reserved, low_stock_threshold FROM moved""")
                .bind("variants", sold.stream().map(item -> item.variant().value()).toArray(UUID[]::new))
                .bind("quantities", sold.stream().map(Wanted::quantity).toArray(Long[]::new))
                .bind("reference", reference).bind("actor", actor).bind("beyond", SOLD_BEYOND_RECORD)
                .map(row -> new CounterRow(new VariantId(row.get("variant_id", UUID.class)), row.get("location", String.class),
                        row.get("quantity", Long.class), new long[] {row.get("on_hand", Long.class), row.get("reserved", Long.class),
                                row.get("low_stock_threshold", Integer.class)}))
                .stream()
                .concatMap(row -> warnIfLow(row.variant(), row.location(), row.after(), -row.quantity()).thenReturn(row))
                .collectMap(CounterRow::variant, CounterRow::location));
    }

    private record CounterRow(VariantId variant, String location, long quantity, long[] after) {
    }

    /** A level at the first location serving the POS for each variant that has none at any such location. */
    private Mono<Void> counterLevels(List<VariantId> variants) {
        return db.sql("""
                        INSERT INTO stock_levels (variant_id, location)
                        SELECT v, (SELECT code FROM stock_locations WHERE 'POS' = ANY(channels) ORDER BY position, code LIMIT 1)
                        FROM unnest(CAST(:variants AS uuid[])) AS v
                        ON CONFLICT DO NOTHING""")
                .bind("variants", variants.stream().map(VariantId::value).toArray(UUID[]::new))
                .update()
                .then();
    }

    /** The reserved units are sold: they leave on-hand stock. */
    public Mono<Void> confirm(UUID reservation) {
        return db.inTransaction(() -> settle(reservation, "CONFIRMED", StockChange.SOLD, null));
    }

    /** The reserved units return to what can be sold. */
    public Mono<Void> release(UUID reservation) {
        return db.inTransaction(() -> settle(reservation, "RELEASED", StockChange.RELEASED, "released"));
    }

    /** Releases reservations past their time; safe on several instances at once. */
    public Mono<Long> expireDue() {
        return db.inTransaction(() -> db.sql("""
                        UPDATE stock_reservations SET status = 'EXPIRED'
                        WHERE id IN (SELECT id FROM stock_reservations WHERE status = 'HELD' AND expires_at < now()
                                     ORDER BY expires_at LIMIT 200 FOR UPDATE SKIP LOCKED)
                        RETURNING id, variant_id, location, quantity, reference""")
                .map(row -> new Reservation(row.get("id", UUID.class), new VariantId(row.get("variant_id", UUID.class)),
                        row.get("location", String.class), row.get("quantity", Long.class),
                        row.get("reference", String.class), OffsetDateTime.now()))
                .list()
                .flatMapMany(Flux::fromIterable)
                .sort(LockOrder.byVariantAndLocation(expired -> expired.variantId().value(), Reservation::location))
                .concatMap(expired -> move(expired.variantId(), expired.location(), StockChange.RELEASED,
                        expired.quantity(), "expired", expired.reference()))
                .count());
    }

    /** This variant's levels at every location where it has any. */
    public Mono<List<StockLevel>> levelsOf(VariantId variant) {
        return db.sql("SELECT location, on_hand, reserved, low_stock_threshold FROM stock_levels WHERE variant_id = :id ORDER BY location")
                .bind("id", variant.value())
                .map(row -> new StockLevel(variant, "", "", row.get("location", String.class), row.get("on_hand", Long.class),
                        row.get("reserved", Long.class), row.get("on_hand", Long.class) - row.get("reserved", Long.class),
                        row.get("low_stock_threshold", Integer.class)))
                .list();
    }

    /** Sets the level at or below which a {@link StockRunningLow} event is raised. */
    public Mono<Void> setThreshold(VariantId variant, String location, int threshold) {
        return db.inTransaction(() -> requireTracked(variant).then(requireLocation(location)).then(db.sql("""
                        INSERT INTO stock_levels (variant_id, location, low_stock_threshold) VALUES (:variant, :location, :threshold)
                        ON CONFLICT (variant_id, location) DO UPDATE SET low_stock_threshold = excluded.low_stock_threshold""")
                .bind("variant", variant.value()).bind("location", location).bind("threshold", threshold)
                .update()).then());
    }

    @Override
    public Mono<Map<VariantId, Long>> available(Collection<VariantId> variants, Channel channel) {
        return db.sql("""
                        SELECT l.variant_id, sum(l.on_hand - l.reserved) AS available
                        FROM stock_levels l JOIN stock_locations s ON s.code = l.location
                        WHERE l.variant_id = ANY(:ids) AND :channel = ANY(s.channels)
                        GROUP BY l.variant_id""")
                .bind("ids", variants.stream().map(VariantId::value).toArray(UUID[]::new))
                .bind("channel", channel.name())
                .map(row -> Map.entry(new VariantId(row.get("variant_id", UUID.class)), row.get("available", Number.class).longValue()))
                .list()
                .map(entries -> entries.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private Mono<Void> settle(UUID reservation, String status, StockChange change, @Nullable String reason) {
        return db.sql("""
                        UPDATE stock_reservations SET status = :status WHERE id = :id AND status = 'HELD'
                        RETURNING variant_id, location, quantity, reference""")
                .bind("status", status).bind("id", reservation)
                .map(row -> new Reservation(reservation, new VariantId(row.get("variant_id", UUID.class)),
                        row.get("location", String.class), row.get("quantity", Long.class),
                        row.get("reference", String.class), OffsetDateTime.now()))
                .one()
                .switchIfEmpty(Mono.error(StockProblem::reservationNotHeld))
                .flatMap(held -> move(held.variantId(), held.location(), change, held.quantity(), reason, held.reference()))
                .then();
    }

    /** One journal row and the matching conditional update; call inside a transaction. */
    Mono<StockMovement> move(VariantId variant, String location, StockChange change, long quantity,
            @Nullable String reason, @Nullable String reference) {
        long onHand = change.onHandDelta(quantity);
        long reserved = change.reservedDelta(quantity);
        return requireTracked(variant).then(requireLocation(location))
                .then(onHand > 0 ? firstLevel(variant, location) : Mono.empty())
                .then(db.sql("""
                                UPDATE stock_levels SET on_hand = on_hand + :onHand, reserved = reserved + :reserved
                                WHERE variant_id = :variant AND location = :location
                                  AND on_hand + :onHand >= 0 AND reserved + :reserved >= 0
                                  AND reserved + :reserved <= on_hand + :onHand
                                RETURNING on_hand, reserved, low_stock_threshold""")
                        .bind("onHand", onHand).bind("reserved", reserved)
                        .bind("variant", variant.value()).bind("location", location)
                        .map(row -> new long[] {row.get("on_hand", Long.class), row.get("reserved", Long.class),
                                row.get("low_stock_threshold", Integer.class)})
                        .one())
                .switchIfEmpty(Mono.error(() -> StockProblem.insufficient(location)))
                .flatMap(after -> warnIfLow(variant, location, after, onHand - reserved)
                        .then(journal(variant, location, change, onHand, reserved, reason, reference)));
    }

    /**
     * Makes the level a movement adding stock starts from. Only those need one: a movement taking or setting aside
     * stock where there is no level finds nothing to take anyway. So reservations and sales, the busy path, go
     * straight to the conditional update instead of first waiting in this insert for whoever holds the level.
     */
    private Mono<Void> firstLevel(VariantId variant, String location) {
        return db.sql("INSERT INTO stock_levels (variant_id, location) VALUES (:variant, :location) ON CONFLICT DO NOTHING")
                .bind("variant", variant.value()).bind("location", location).update().then();
    }

    private Mono<Void> warnIfLow(VariantId variant, String location, long[] after, long availableDelta) {
        long available = after[0] - after[1];
        int threshold = (int) after[2];
        boolean crossed = available <= threshold && available - availableDelta > threshold;
        return crossed
                ? outbox.publish(new StockRunningLow(variant.value(), location, available, threshold)).then()
                : Mono.empty();
    }

    private Mono<StockMovement> journal(VariantId variant, String location, StockChange change, long onHand,
            long reserved, @Nullable String reason, @Nullable String reference) {
        return CurrentUser.name().flatMap(actor -> db.sql("""
                        INSERT INTO stock_movements (variant_id, location, kind, on_hand_delta, reserved_delta, reason,
                                                     reference, actor)
                        VALUES (:variant, :location, :kind, :onHand, :reserved, :reason, :reference, :actor)
                        RETURNING id, at""")
                .bind("variant", variant.value()).bind("location", location).bind("kind", change.name())
                .bind("onHand", onHand).bind("reserved", reserved)
                .bindNullable("reason", reason, String.class).bindNullable("reference", reference, String.class)
                .bind("actor", actor)
                .map(row -> new StockMovement(row.get("id", Long.class), change, variant, location, onHand, reserved,
                        reason, reference, actor, row.get("at", OffsetDateTime.class)))
                .one());
    }

    private Mono<Void> requireTracked(VariantId variant) {
        return catalog.variants(List.of(variant)).flatMap(found -> {
            if (!found.containsKey(variant)) {
                return Mono.error(StockProblem.unknownVariant());
            }
            return found.get(variant).stockTracked() ? Mono.<Void>empty() : Mono.error(StockProblem.notTracked());
        });
    }

    private Mono<Void> requireLocation(String location) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM stock_locations WHERE code = :code) AS found")
                .bind("code", location).map(row -> row.get("found", Boolean.class)).one()
                .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(StockProblem.unknownLocation(location)));
    }
}
