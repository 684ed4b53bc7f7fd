package org.socialworkshop.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Money;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Price lists: other prices for some variants, which a cashier chooses for a whole sale, e.g. the subsidised canteen
 * meals for elderly or disabled diners (docs/api/catalog.md). A variant without a price on the list sells at its own
 * price. Nothing about the diner is asked or kept: the list is the only trace.
 */
@Service
public class PriceLists {

    private final Database db;
    private final AuditLog audit;

    PriceLists(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public record PriceList(String code, String nameZh, String nameEn, boolean active, Map<VariantId, Money> prices) {
    }

    public record Draft(@NotBlank @Size(max = 40) String nameZh, @NotBlank @Size(max = 40) String nameEn, @Nullable Boolean active,
            @NotNull @Size(max = 500) List<@NotNull @Valid Price> prices) {
    }

    public record Price(@NotNull UUID variantId, @Min(1) @Max(10_000_000) long amount) {
    }

    /** Every list (or only the active ones), by code, with its prices. */
    public Mono<List<PriceList>> all(boolean activeOnly) {
        return db.sql("""
                        SELECT l.code, l.name_zh, l.name_en, l.active, p.variant_id, p.price_minor
                        FROM price_lists l LEFT JOIN price_list_prices p ON p.price_list = l.code
                        WHERE l.active OR NOT :activeOnly
                        ORDER BY l.position, l.code""")
                .bind("activeOnly", activeOnly)
                .map(row -> new Row(new PriceList(row.get("code", String.class), row.get("name_zh", String.class),
                        row.get("name_en", String.class), row.get("active", Boolean.class), Map.of()),
                        row.get("variant_id", UUID.class), row.get("price_minor", Long.class)))
                .list()
                .map(rows -> {
                    Map<String, PriceList> lists = new LinkedHashMap<>();
                    Map<String, Map<VariantId, Money>> prices = new LinkedHashMap<>();
                    for (Row row : rows) {
                        lists.putIfAbsent(row.list().code(), row.list());
                        Map<VariantId, Money> listed = prices.computeIfAbsent(row.list().code(), code -> new LinkedHashMap<>());
                        if (row.variant() != null && row.price() != null) {
                            listed.put(new VariantId(row.variant()), Money.fen(row.price()));
                        }
                    }
                    return lists.values().stream().map(list -> new PriceList(list.code(), list.nameZh(), list.nameEn(), list.active(),
                            Map.copyOf(prices.get(list.code())))).toList();
                });
    }

    private record Row(PriceList list, @Nullable UUID variant, @Nullable Long price) {
    }

    /** The list {@code code}, active, if there is one. */
    public Mono<PriceList> active(String code) {
        return all(true).flatMap(lists -> Mono.justOrEmpty(lists.stream().filter(list -> list.code().equals(code)).findFirst()));
    }

    /** Creates or replaces the list {@code code} with these prices. */
    public Mono<PriceList> save(String code, Draft draft) {
        return db.inTransaction(() -> db.sql("""
                                INSERT INTO price_lists (code, name_zh, name_en, active) VALUES (:code, :zh, :en, :active)
                                ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
                                    active = excluded.active""")
                        .bind("code", code).bind("zh", draft.nameZh().trim()).bind("en", draft.nameEn().trim())
                        .bind("active", draft.active() == null || draft.active())
                        .update()
                        .then(db.sql("DELETE FROM price_list_prices WHERE price_list = :code").bind("code", code).update())
                        .thenMany(Flux.fromIterable(draft.prices()).concatMap(price -> db.sql("""
                                        INSERT INTO price_list_prices (price_list, variant_id, price_minor) VALUES (:code, :variant, :price)
                                        ON CONFLICT (price_list, variant_id) DO UPDATE SET price_minor = excluded.price_minor""")
                                .bind("code", code).bind("variant", price.variantId()).bind("price", price.amount())
                                .update()))
                        .then(audit.record("catalog.price-list-saved", "price-list:" + code, Map.of("prices", draft.prices().size()))))
                .onErrorMap(DataIntegrityViolationException.class, unknown -> CatalogProblem.unknownVariants())
                .then(Mono.defer(() -> all(false).map(lists -> lists.stream().filter(list -> list.code().equals(code)).findFirst()
                        .orElseThrow())));
    }
}
