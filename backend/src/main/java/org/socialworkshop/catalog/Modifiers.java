package org.socialworkshop.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Modifiers: groups of choices a product is sold with at the counter (size, sweetness, add-ons), each group saying how
 * many of its options may or must be chosen, each option what it adds to the price (docs/api/catalog.md). A group is
 * offered on the products that name it ({@link ProductDraft#modifierGroups()}). Options are never deleted, only made
 * inactive, so sales keep what they were sold with.
 */
@Service
public class Modifiers {

    private final Database db;
    private final AuditLog audit;

    Modifiers(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** A group with its options (inactive ones only where asked for). */
    public record Group(String code, String nameZh, String nameEn, int minChoices, int maxChoices, List<Option> options) {

        Group withOptions(List<Option> more) {
            return new Group(code, nameZh, nameEn, minChoices, maxChoices, more);
        }

        Group plus(Group other) {
            List<Option> all = new ArrayList<>(options);
            all.addAll(other.options());
            return withOptions(List.copyOf(all));
        }
    }

    public record Option(UUID id, String nameZh, String nameEn, Money price, boolean active) {
    }

    /** A group as a coordinator writes it; options with an {@code id} are that option changed, without one new. */
    public record GroupDraft(@NotBlank @Size(max = 40) String nameZh, @NotBlank @Size(max = 40) String nameEn,
            @Min(0) @Max(20) int minChoices, @Min(1) @Max(20) int maxChoices,
            @NotEmpty @Size(max = 30) List<@NotNull @Valid OptionDraft> options) {
    }

    public record OptionDraft(@Nullable UUID id, @NotBlank @Size(max = 40) String nameZh, @NotBlank @Size(max = 40) String nameEn,
            @Min(-1_000_000) @Max(1_000_000) long priceDelta, @Nullable Boolean active) {
    }

    /** Every group, by code, with all its options. */
    public Mono<List<Group>> all() {
        return groups(null, true).map(byCode -> List.copyOf(byCode.values()));
    }

    /** Creates or replaces the group {@code code}; options left out of the draft become inactive. */
    public Mono<Group> save(String code, GroupDraft draft) {
        if (draft.minChoices() > draft.maxChoices()) {
            throw InvalidInput.field("minChoices", "must not be more than maxChoices");
        }
        return db.inTransaction(() -> db.sql("""
                                INSERT INTO modifier_groups (code, name_zh, name_en, min_choices, max_choices)
                                VALUES (:code, :zh, :en, :min, :max)
                                ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
                                    min_choices = excluded.min_choices, max_choices = excluded.max_choices""")
                        .bind("code", code).bind("zh", draft.nameZh().trim()).bind("en", draft.nameEn().trim())
                        .bind("min", draft.minChoices()).bind("max", draft.maxChoices())
                        .update()
                        .then(db.sql("UPDATE modifier_options SET active = false WHERE group_code = :code").bind("code", code).update())
                        .thenMany(Flux.range(0, draft.options().size()).concatMap(position -> {
                            OptionDraft option = draft.options().get(position);
                            return db.sql("""
                                            INSERT INTO modifier_options (id, group_code, name_zh, name_en, price_delta, position, active)
                                            VALUES (:id, :code, :zh, :en, :delta, :position, :active)
                                            ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
                                                price_delta = excluded.price_delta, position = excluded.position, active = excluded.active
                                            WHERE modifier_options.group_code = excluded.group_code""")
                                    .bind("id", option.id() == null ? UUID.randomUUID() : option.id()).bind("code", code)
                                    .bind("zh", option.nameZh().trim()).bind("en", option.nameEn().trim())
                                    .bind("delta", option.priceDelta()).bind("position", position)
                                    .bind("active", option.active() == null || option.active())
                                    .update();
                        }))
                        .then(audit.record("catalog.modifier-group-saved", "modifier-group:" + code, Map.of("options", draft.options().size()))))
                .then(Mono.defer(() -> groups(code, true).map(byCode -> byCode.get(code))));
    }

    /**
     * The groups offered on each product, in the product's order, with their active options; one query, as every
     * counter sale asks.
     */
    public Mono<Map<ProductId, List<Group>>> ofProducts(Collection<ProductId> products) {
        return db.sql("""
                        SELECT p.product_id, g.code, g.name_zh, g.name_en, g.min_choices, g.max_choices,
                               o.id, o.name_zh AS option_zh, o.name_en AS option_en, o.price_delta, o.active
                        FROM product_modifier_groups p JOIN modifier_groups g ON g.code = p.group_code
                        LEFT JOIN modifier_options o ON o.group_code = g.code AND o.active
                        WHERE p.product_id = ANY(:ids)
                        ORDER BY p.product_id, p.position, p.group_code, o.position, o.id""")
                .bind("ids", products.stream().map(ProductId::value).toArray(UUID[]::new))
                .map(row -> Map.entry(new ProductId(row.get("product_id", UUID.class)), group(row)))
                .list()
                .map(rows -> {
                    Map<ProductId, Map<String, Group>> byProduct = new LinkedHashMap<>();
                    rows.forEach(row -> byProduct.computeIfAbsent(row.getKey(), product -> new LinkedHashMap<>())
                            .merge(row.getValue().code(), row.getValue(), Group::plus));
                    Map<ProductId, List<Group>> offered = new LinkedHashMap<>();
                    byProduct.forEach((product, groups) -> offered.put(product, List.copyOf(groups.values())));
                    return offered;
                });
    }

    private Mono<Map<String, Group>> groups(@Nullable String only, boolean inactiveToo) {
        return db.sql("""
                        SELECT g.code, g.name_zh, g.name_en, g.min_choices, g.max_choices,
                               o.id, o.name_zh AS option_zh, o.name_en AS option_en, o.price_delta, o.active
                        FROM modifier_groups g LEFT JOIN modifier_options o ON o.group_code = g.code AND (o.active OR :inactive)
                        WHERE CAST(:only AS text) IS NULL OR g.code = :only
                        ORDER BY g.code, o.position, o.id""")
                .bindNullable("only", only, String.class).bind("inactive", inactiveToo)
                .map(Modifiers::group)
                .list()
                .map(rows -> {
                    Map<String, Group> groups = new LinkedHashMap<>();
                    rows.forEach(row -> groups.merge(row.code(), row, Group::plus));
                    return groups;
                });
    }

    /** A group as one row of a join with its options: with that row's option, if any. */
    private static Group group(Readable row) {
        return new Group(row.get("code", String.class), row.get("name_zh", String.class), row.get("name_en", String.class),
                row.get("min_choices", Integer.class), row.get("max_choices", Integer.class),
                row.get("id", UUID.class) == null ? List.of() : List.of(new Option(row.get("id", UUID.class), row.get("option_zh", String.class),
                        row.get("option_en", String.class), Money.fen(row.get("price_delta", Long.class)), row.get("active", Boolean.class))));
    }
}
