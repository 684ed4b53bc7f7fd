package org.socialworkshop.piecework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.database.Database;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What production reads: the operations of products, pieces checked for an order, its plan, and makers' recent output. */
@Component
class ProductionReads {

    private final Database db;

    ProductionReads(Database db) {
        this.db = db;
    }

    /** An active piece operation of a product (of one variant only when {@code variantId} is set). */
    record Operation(UUID id, UUID productId, @Nullable UUID variantId, String nameZh, String nameEn, String productNameZh,
            String productNameEn) {
    }

    /** Pieces of an operation by a maker: checked for an order, planned, or accepted lately. */
    record Pieces(UUID operationId, UUID makerId, String makerName, int pieces, String makerNameLatin) {
    }

    /** A maker by their Chinese display name and their name in Latin script. */
    record Maker(UUID id, String name, String nameLatin) {
    }

    Mono<List<Operation>> operations(Set<UUID> products) {
        return db.sql("""
                        SELECT o.id, o.product_id, o.variant_id, o.name_zh, o.name_en, p.name_zh AS product_zh, p.name_en AS product_en
                        FROM piece_operations o JOIN products p ON p.id = o.product_id
                        WHERE o.product_id = ANY(:products) AND o.active
                        ORDER BY p.name_zh, o.product_id, o.created_at, o.id""")
                .bind("products", products.toArray(UUID[]::new))
                .map(row -> new Operation(row.get("id", UUID.class), row.get("product_id", UUID.class), row.get("variant_id", UUID.class),
                        row.get("name_zh", String.class), row.get("name_en", String.class), row.get("product_zh", String.class),
                        row.get("product_en", String.class)))
                .list();
    }

    /** Accepted pieces checked for the order, per operation and maker. */
    Mono<List<Pieces>> checked(UUID order) {
        return db.sql("""
                        SELECT w.operation_id, w.maker_id, m.display_name, coalesce(m.display_name_latin, m.display_name) AS latin, sum(w.accepted)::integer AS pieces
                        FROM work_records w JOIN makers m ON m.id = w.maker_id
                        WHERE w.order_id = :order AND w.status = 'CHECKED'
                        GROUP BY w.operation_id, w.maker_id, m.display_name, m.display_name_latin""")
                .bind("order", order).map(ProductionReads::pieces).list();
    }

    Mono<List<Pieces>> plan(UUID order) {
        return db.sql("""
                        SELECT p.operation_id, p.maker_id, m.display_name, coalesce(m.display_name_latin, m.display_name) AS latin, p.pieces
                        FROM production_plans p JOIN makers m ON m.id = p.maker_id
                        WHERE p.order_id = :order ORDER BY m.display_name, p.maker_id""")
                .bind("order", order).map(ProductionReads::pieces).list();
    }

    /** Accepted pieces of these operations checked from {@code from} to {@code to}, per operation and maker; most first. */
    Mono<List<Pieces>> output(Collection<UUID> operations, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT w.operation_id, w.maker_id, m.display_name, coalesce(m.display_name_latin, m.display_name) AS latin, sum(w.accepted)::integer AS pieces
                        FROM work_records w JOIN makers m ON m.id = w.maker_id
                        WHERE w.operation_id = ANY(:operations) AND w.status = 'CHECKED' AND w.work_date BETWEEN :from AND :to
                        GROUP BY w.operation_id, w.maker_id, m.display_name, m.display_name_latin HAVING sum(w.accepted) > 0
                        ORDER BY pieces DESC, m.display_name, w.maker_id""")
                .bind("operations", operations.toArray(UUID[]::new)).bind("from", from).bind("to", to)
                .map(ProductionReads::pieces).list();
    }

    /** Every maker by name, for choosing who makes what. */
    Mono<List<Maker>> makers() {
        return db.sql("SELECT id, display_name, coalesce(display_name_latin, display_name) AS latin FROM makers ORDER BY display_name, id LIMIT 1000")
                .map(row -> new Maker(row.get("id", UUID.class), row.get("display_name", String.class), row.get("latin", String.class))).list();
    }

    /** Which of these makers exist. */
    Mono<Set<UUID>> existing(Collection<UUID> makers) {
        return db.sql("SELECT id FROM makers WHERE id = ANY(:ids)").bind("ids", makers.toArray(UUID[]::new))
                .map(row -> row.get("id", UUID.class)).list().map(Set::copyOf);
    }

    /** Pieces grouped by operation, then maker, in the order read. */
    static Map<UUID, Map<UUID, Pieces>> byOperation(List<Pieces> all) {
        Map<UUID, Map<UUID, Pieces>> grouped = new LinkedHashMap<>();
        all.forEach(pieces -> grouped.computeIfAbsent(pieces.operationId(), key -> new LinkedHashMap<>()).put(pieces.makerId(), pieces));
        return grouped;
    }

    static List<Pieces> of(Map<UUID, Map<UUID, Pieces>> grouped, UUID operation) {
        return new ArrayList<>(grouped.getOrDefault(operation, Map.of()).values());
    }

    private static Pieces pieces(io.r2dbc.spi.Readable row) {
        return new Pieces(row.get("operation_id", UUID.class), row.get("maker_id", UUID.class), row.get("display_name", String.class),
                row.get("pieces", Integer.class), row.get("latin", String.class));
    }
}
