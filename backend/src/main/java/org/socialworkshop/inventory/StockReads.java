package org.socialworkshop.inventory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.AdminProduct;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.ProductId;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.catalog.VariantInfo;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Page;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** What coordinators read about stock: locations, levels, the journal, alerts, and levels rebuilt from it. */
@Service
class StockReads {

    private final Database db;
    private final Catalog catalog;

    StockReads(Database db, Catalog catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    record Location(String code, String name, List<String> channels) {
    }

    record Alert(long id, VariantId variantId, String location, long available, int threshold, OffsetDateTime raisedAt) {
    }

    Mono<List<Location>> locations(Language language) {
        return db.sql("SELECT code, name_zh, name_en, channels FROM stock_locations ORDER BY position")
                .map(row -> new Location(row.get("code", String.class),
                        language.pick(row.get("name_zh", String.class), row.get("name_en", String.class)),
                        List.of(row.get("channels", String[].class))))
                .list();
    }

    Mono<List<StockLevel>> levels(@Nullable ProductId product, @Nullable String location, Language language) {
        Mono<Optional<List<VariantId>>> variants = product == null ? Mono.just(Optional.empty())
                : catalog.find(product).map(found -> Optional.of(found.variants().stream().map(AdminProduct.Variant::id).toList()));
        return variants.flatMap(ids -> db.sql("""
                        SELECT variant_id, location, on_hand, reserved, low_stock_threshold FROM stock_levels
                        WHERE (CAST(:all AS boolean) OR variant_id = ANY(:ids))
                          AND (CAST(:location AS text) IS NULL OR location = :location)
                        ORDER BY variant_id, location LIMIT 1000""")
                        .bind("all", ids.isEmpty())
                        .bind("ids", ids.orElse(List.of()).stream().map(VariantId::value).toArray(UUID[]::new))
                        .bindNullable("location", location, String.class)
                        .map(row -> new Level(new VariantId(row.get("variant_id", UUID.class)), row.get("location", String.class),
                                row.get("on_hand", Long.class), row.get("reserved", Long.class),
                                row.get("low_stock_threshold", Integer.class)))
                        .list())
                .flatMap(levels -> catalog.variants(levels.stream().map(Level::variant).distinct().toList())
                        .map(info -> levels.stream().map(level -> level.named(info.get(level.variant()), language))
                                .sorted(java.util.Comparator.comparing(StockLevel::productName).thenComparing(StockLevel::sku)
                                        .thenComparing(StockLevel::location))
                                .toList()));
    }

    private record Level(VariantId variant, String location, long onHand, long reserved, int threshold) {

        StockLevel named(VariantInfo info, Language language) {
            return new StockLevel(variant, info.sku(), language.pick(info.productNameZh(), info.productNameEn()),
                    location, onHand, reserved, onHand - reserved, threshold);
        }
    }

    Mono<Page<StockMovement>> movements(@Nullable UUID variant, @Nullable String location, Page.Request page) {
        String filter = """
                 FROM stock_movements WHERE (CAST(:variant AS uuid) IS NULL OR variant_id = :variant)
                  AND (CAST(:location AS text) IS NULL OR location = :location)""";
        Mono<List<StockMovement>> items = db.sql("SELECT * " + filter + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .bindNullable("variant", variant, UUID.class).bindNullable("location", location, String.class)
                .bind("limit", page.size()).bind("offset", page.offset())
                .map(StockReads::movement).list();
        Mono<Long> total = db.sql("SELECT count(*) AS n " + filter)
                .bindNullable("variant", variant, UUID.class).bindNullable("location", location, String.class)
                .map(row -> row.get("n", Long.class)).one();
        return Mono.zip(items, total, (list, count) -> new Page<>(list, page.page(), page.size(), count));
    }

    Mono<List<Alert>> alerts() {
        return db.sql("SELECT * FROM stock_alerts ORDER BY raised_at DESC, id DESC LIMIT 100")
                .map(row -> new Alert(row.get("id", Long.class), new VariantId(row.get("variant_id", UUID.class)),
                        row.get("location", String.class), row.get("available", Long.class),
                        row.get("threshold", Integer.class), row.get("raised_at", OffsetDateTime.class)))
                .list();
    }

    /** Levels as the journal says they must be; equal to {@link #levels} unless something bypassed the journal. */
    Mono<Map<String, long[]>> rebuiltFromJournal(VariantId variant) {
        return db.sql("""
                        SELECT location, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved
                        FROM stock_movements WHERE variant_id = :variant GROUP BY location""")
                .bind("variant", variant.value())
                .map(row -> Map.entry(row.get("location", String.class),
                        new long[] {row.get("on_hand", Number.class).longValue(), row.get("reserved", Number.class).longValue()}))
                .list()
                .map(entries -> entries.stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static StockMovement movement(Readable row) {
        return new StockMovement(row.get("id", Long.class), StockChange.valueOf(row.get("kind", String.class)),
                new VariantId(row.get("variant_id", UUID.class)), row.get("location", String.class),
                row.get("on_hand_delta", Long.class), row.get("reserved_delta", Long.class),
                row.get("reason", String.class), row.get("reference", String.class), row.get("actor", String.class),
                row.get("at", OffsetDateTime.class));
    }
}
