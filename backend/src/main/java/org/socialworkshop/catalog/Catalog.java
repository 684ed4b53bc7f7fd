package org.socialworkshop.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.makers.MakerId;
import org.socialworkshop.makers.Makers;
import org.socialworkshop.media.ImageId;
import org.socialworkshop.media.Images;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.cache.ReadCache;
import org.socialworkshop.platform.cache.ReadCaches;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.database.Statement;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.shared.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The catalog's facade for changes: creating and replacing products with their variants, makers and images.
 * Nothing is ever deleted: a dropped variant or a withdrawn product is archived, because orders and receipts
 * keep pointing at what was sold.
 */
@Service
public class Catalog {

    /** Notified at the commit of any change to what the catalog shows but stock (V9). */
    static final String CHANGED = "catalog_changed";
    /** Notified at the commit of any change to stock levels (V15): sales, holds, receipts of goods. */
    static final String STOCK_CHANGED = "stock_changed";
    private static final long VARIANTS_KEPT = 10_000;

    private final Database db;
    private final Makers makers;
    private final Images images;
    private final AuditLog audit;
    private final ReadCache<VariantId, VariantInfo> variants;
    private final ReadCache<ProductId, List<MakerId>> productMakers;

    Catalog(Database db, Makers makers, Images images, AuditLog audit, ReadCaches caches) {
        this.db = db;
        this.makers = makers;
        this.images = images;
        this.audit = audit;
        // Names, prices and tax of what is in carts and checkouts; stock is not part of them, so sales leave them kept.
        this.variants = caches.create("catalog.variants", VARIANTS_KEPT, CHANGED);
        this.productMakers = caches.create("catalog.product-makers", VARIANTS_KEPT, CHANGED);
    }

    public Mono<AdminProduct> create(ProductDraft draft) {
        ProductId id = new ProductId(UUID.randomUUID());
        return check(id, draft).then(db.inTransaction(() -> columns(draft, """
                        INSERT INTO products (id, category, name_zh, name_en, description_zh, description_en,
                                              tax_category, channels, stock_tracked, status)
                        VALUES (:id, :category, :nameZh, :nameEn, :descriptionZh, :descriptionEn, :tax, :channels,
                                :tracked, :status)""")
                .bind("id", id.value())
                .update()
                .then(writeParts(id, draft))
                .then(audit.record("product.created", "product:" + id.value(), Map.of("nameZh", draft.nameZh())))
                .then(find(id)))).onErrorMap(DuplicateKeyException.class, Catalog::raced);
    }

    /**
     * Replaces a product. A variant without an id but with the SKU of one of this product's variants updates
     * that variant, so a coordinator re-sending what they read never trips over their own SKUs.
     */
    public Mono<AdminProduct> update(ProductId id, ProductDraft submitted) {
        return find(id).map(existing -> submitted.matchingVariantsBySku(existing))
                .flatMap(draft -> check(id, draft).then(replace(id, draft)));
    }

    private Mono<AdminProduct> replace(ProductId id, ProductDraft draft) {
        return db.inTransaction(() -> columns(draft, """
                        UPDATE products SET category = :category, name_zh = :nameZh, name_en = :nameEn,
                            description_zh = :descriptionZh, description_en = :descriptionEn, tax_category = :tax,
                            channels = :channels, stock_tracked = :tracked, status = :status, updated_at = now()
                        WHERE id = :id""")
                .bind("id", id.value())
                .update()
                .then(db.sql("UPDATE product_variants SET status = 'ARCHIVED' WHERE product_id = :id AND NOT (id = ANY(:kept))")
                        .bind("id", id.value())
                        .bind("kept", draft.variants().stream().map(ProductDraft.VariantDraft::id)
                                .filter(Objects::nonNull).toArray(UUID[]::new))
                        .update())
                .then(db.sql("DELETE FROM product_makers WHERE product_id = :id").bind("id", id.value()).update())
                .then(db.sql("DELETE FROM product_modifier_groups WHERE product_id = :id").bind("id", id.value()).update())
                .then(db.sql("DELETE FROM product_images WHERE product_id = :id").bind("id", id.value()).update())
                .then(writeParts(id, draft))
                .then(audit.record("product.updated", "product:" + id.value(), Map.of("status", draft.statusOrActive())))
                .then(find(id))).onErrorMap(DuplicateKeyException.class, Catalog::raced);
    }

    public Mono<AdminProduct> find(ProductId id) {
        return ProductRows.adminProduct(db, id).switchIfEmpty(Mono.error(() -> CatalogProblem.productNotFound(id)));
    }

    /** The statement with the product's own columns bound from the draft. */
    private Statement columns(ProductDraft draft, String sql) {
        return db.sql(sql)
                .bind("category", draft.category())
                .bind("nameZh", draft.nameZh().trim()).bind("nameEn", draft.nameEn().trim())
                .bind("descriptionZh", text(draft.descriptionZh())).bind("descriptionEn", text(draft.descriptionEn()))
                .bind("tax", draft.taxCategory().name())
                .bind("channels", draft.channels().stream().map(Enum::name).sorted().toArray(String[]::new))
                .bind("tracked", draft.stockTracked())
                .bind("status", draft.statusOrActive().name());
    }

    /** Facts about variants for other modules (stock, orders); unknown ids are left out. */
    public Mono<Map<VariantId, VariantInfo>> variants(Collection<VariantId> ids) {
        return variants.getAll(ids, this::readVariants);
    }

    private Mono<Map<VariantId, VariantInfo>> readVariants(Collection<VariantId> ids) {
        return db.sql("""
                        SELECT v.id, v.product_id, v.sku, v.name_zh AS variant_zh, v.name_en AS variant_en, v.price_minor,
                               v.currency, v.status AS variant_status, p.name_zh, p.name_en, p.stock_tracked, p.channels,
                               p.status AS product_status, p.tax_category, t.rate, c.station,
                               (SELECT image_id FROM product_images WHERE product_id = p.id ORDER BY position LIMIT 1) AS image_id
                        FROM product_variants v JOIN products p ON p.id = v.product_id
                             JOIN tax_categories t ON t.code = p.tax_category JOIN categories c ON c.code = p.category
                        WHERE v.id = ANY(:ids)""")
                .bind("ids", ids.stream().map(VariantId::value).toArray(UUID[]::new))
                .map(row -> {
                    UUID image = row.get("image_id", UUID.class);
                    return new VariantInfo(new VariantId(row.get("id", UUID.class)),
                            new ProductId(row.get("product_id", UUID.class)), row.get("sku", String.class),
                            row.get("name_zh", String.class), row.get("name_en", String.class),
                            row.get("variant_zh", String.class), row.get("variant_en", String.class),
                            row.get("stock_tracked", Boolean.class),
                            new Money(row.get("price_minor", Long.class), Currency.getInstance(row.get("currency", String.class))),
                            row.get("rate", BigDecimal.class), TaxCategory.CATERING.name().equals(row.get("tax_category", String.class)),
                            Arrays.stream(row.get("channels", String[].class)).map(Channel::valueOf).collect(Collectors.toSet()),
                            "ACTIVE".equals(row.get("product_status", String.class))
                                    && "ACTIVE".equals(row.get("variant_status", String.class)),
                            image == null ? null : new ImageId(image), row.get("station", String.class));
                })
                .list()
                .map(found -> found.stream().collect(Collectors.toMap(VariantInfo::id, info -> info)));
    }

    /** A category in both languages. */
    public record Named(String code, String nameZh, String nameEn) {
    }

    /** The category of each product, in both languages; unknown products are left out. */
    public Mono<Map<ProductId, Named>> categoriesOf(Collection<ProductId> products) {
        return db.sql("""
                        SELECT p.id, c.code, c.name_zh, c.name_en FROM products p JOIN categories c ON c.code = p.category
                        WHERE p.id = ANY(:ids)""")
                .bind("ids", products.stream().map(ProductId::value).distinct().toArray(UUID[]::new))
                .map(row -> Map.entry(new ProductId(row.get("id", UUID.class)), new Named(row.get("code", String.class),
                        row.get("name_zh", String.class), row.get("name_en", String.class))))
                .list()
                .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** A category, both languages, with the variants sold on a channel in it. */
    public record Shelf(String code, String nameZh, String nameEn, List<VariantInfo> variants) {
    }

    /**
     * Every active variant sold on {@code channel}, by category (in the shop's order), product and variant: what a
     * counter tablet lays out. The variants' facts come through the same cache as {@link #variants}.
     */
    public Mono<List<Shelf>> shelves(Channel channel) {
        record Placed(String code, String nameZh, String nameEn, VariantId variant) {
        }
        return db.sql("""
                        SELECT c.code, c.name_zh, c.name_en, v.id
                        FROM product_variants v JOIN products p ON p.id = v.product_id JOIN categories c ON c.code = p.category
                        WHERE p.status = 'ACTIVE' AND v.status = 'ACTIVE' AND :channel = ANY(p.channels)
                        ORDER BY c.position, c.code, p.name_en, p.id, v.position, v.sku""")
                .bind("channel", channel.name())
                .map(row -> new Placed(row.get("code", String.class), row.get("name_zh", String.class), row.get("name_en", String.class),
                        new VariantId(row.get("id", UUID.class))))
                .list()
                .flatMap(placed -> variants(placed.stream().map(Placed::variant).toList()).map(infos -> {
                    Map<String, Shelf> shelves = new LinkedHashMap<>();
                    for (Placed one : placed) {
                        VariantInfo info = infos.get(one.variant());
                        if (info != null && info.sellableOn(channel)) {
                            shelves.computeIfAbsent(one.code(), code -> new Shelf(code, one.nameZh(), one.nameEn(), new ArrayList<>()))
                                    .variants().add(info);
                        }
                    }
                    return shelves.values().stream().map(shelf -> new Shelf(shelf.code(), shelf.nameZh(), shelf.nameEn(),
                            List.copyOf(shelf.variants()))).toList();
                }));
    }

    /**
     * The prices (in minor units) each variant had at some time between {@code from} and {@code to}: the one it had at
     * {@code from} and every one it was given until {@code to}. The database keeps every price a variant has had (V21).
     */
    public Mono<Map<VariantId, Set<Long>>> pricesBetween(Collection<VariantId> ids, Instant from, Instant to) {
        return db.sql("""
                        SELECT variant_id, price_minor
                        FROM (SELECT variant_id, price_minor, valid_from,
                                     lead(valid_from) OVER (PARTITION BY variant_id ORDER BY valid_from) AS until
                              FROM variant_prices WHERE variant_id = ANY(:ids)) p
                        WHERE valid_from <= :to AND (until IS NULL OR until > :from)""")
                .bind("ids", ids.stream().map(VariantId::value).toArray(UUID[]::new))
                .bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                .map(row -> Map.entry(new VariantId(row.get("variant_id", UUID.class)), row.get("price_minor", Long.class)))
                .list()
                .map(rows -> rows.stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toSet()))));
    }

    /** Replaces a product's pictures, in this order, leaving everything else about it as it is. */
    public Mono<Void> showImages(ProductId id, List<ImageId> pictures) {
        List<UUID> imageIds = pictures.stream().map(ImageId::value).distinct().toList();
        return db.inTransaction(() -> db.sql("DELETE FROM product_images WHERE product_id = :id").bind("id", id.value()).update()
                .then(insertImages(id, imageIds, List.of()))
                .then(audit.record("product.images-set", "product:" + id.value(), Map.of("images", imageIds.size()))));
    }

    /** Credits a maker on a product (their finished pieces went into its stock); nothing if already credited. */
    public Mono<Void> creditMaker(ProductId product, MakerId maker) {
        return db.sql("INSERT INTO product_makers (product_id, maker_id) VALUES (:product, :maker) ON CONFLICT DO NOTHING")
                .bind("product", product.value()).bind("maker", maker.value())
                .update().then();
    }

    /**
     * Who made each product (maker ids, whatever their consent; ask the makers module how to credit them); products
     * without makers are left out. Kept until the catalog changes: every receipt and counter sale asks.
     */
    public Mono<Map<ProductId, List<MakerId>>> makersOf(Collection<ProductId> products) {
        return productMakers.getAll(products, this::readMakers).map(byProduct -> {
            Map<ProductId, List<MakerId>> made = new LinkedHashMap<>();
            products.stream().distinct().filter(product -> !byProduct.getOrDefault(product, List.of()).isEmpty())
                    .forEach(product -> made.put(product, byProduct.get(product)));
            return made;
        });
    }

    /** The makers of each of {@code products}, none for a product that has none (so that it is kept too). */
    private Mono<Map<ProductId, List<MakerId>>> readMakers(Collection<ProductId> products) {
        return db.sql("SELECT product_id, maker_id FROM product_makers WHERE product_id = ANY(:ids) ORDER BY product_id, maker_id")
                .bind("ids", products.stream().map(ProductId::value).toArray(UUID[]::new))
                .map(row -> Map.entry(new ProductId(row.get("product_id", UUID.class)), new MakerId(row.get("maker_id", UUID.class))))
                .list()
                .map(rows -> {
                    Map<ProductId, List<MakerId>> byProduct = new LinkedHashMap<>();
                    products.forEach(product -> byProduct.put(product, new ArrayList<>()));
                    rows.forEach(row -> byProduct.get(row.getKey()).add(row.getValue()));
                    byProduct.replaceAll((product, makers) -> List.copyOf(makers));
                    return byProduct;
                });
    }

    /** The variant a buyer gets when choosing a product without naming one: its first active variant. */
    public Mono<VariantId> defaultVariant(ProductId product) {
        return db.sql("SELECT id FROM product_variants WHERE product_id = :id AND status = 'ACTIVE' ORDER BY position, sku LIMIT 1")
                .bind("id", product.value())
                .map(row -> new VariantId(row.get("id", UUID.class)))
                .first();
    }

    /** Variant ids by SKU (case-insensitive); unknown SKUs are left out. */
    public Mono<Map<String, VariantId>> variantIdsBySku(Collection<String> skus) {
        return db.sql("SELECT id, sku FROM product_variants WHERE lower(sku) = ANY(:skus)")
                .bind("skus", skus.stream().map(sku -> sku.toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .map(row -> Map.entry(row.get("sku", String.class), new VariantId(row.get("id", UUID.class))))
                .list()
                .map(found -> found.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private Mono<Void> writeParts(ProductId id, ProductDraft draft) {
        List<ProductDraft.VariantDraft> variants = draft.variants();
        Flux<Long> variantRows = Flux.range(0, variants.size()).concatMap(position -> upsertVariant(id, variants.get(position), position));
        Flux<Long> makerRows = Flux.fromIterable(new LinkedHashSet<>(draft.makers())).concatMap(maker -> db.sql(
                        "INSERT INTO product_makers (product_id, maker_id) VALUES (:id, :maker)")
                .bind("id", id.value()).bind("maker", maker).update());
        List<String> groups = List.copyOf(new LinkedHashSet<>(draft.modifiers()));
        Flux<Long> groupRows = Flux.range(0, groups.size()).concatMap(position -> db.sql(
                        "INSERT INTO product_modifier_groups (product_id, group_code, position) VALUES (:id, :group, :position)")
                .bind("id", id.value()).bind("group", groups.get(position)).bind("position", position).update());
        return variantRows.thenMany(makerRows).thenMany(groupRows)
                .then(insertImages(id, List.copyOf(new LinkedHashSet<>(draft.images())), draft.alts()));
    }

    private Mono<Void> insertImages(ProductId id, List<UUID> imageIds, List<ProductDraft.ImageAlt> alts) {
        return Flux.range(0, imageIds.size()).concatMap(position -> {
                    ProductDraft.ImageAlt alt = alts.stream().filter(said -> said.imageId().equals(imageIds.get(position)))
                            .findFirst().orElse(null);
                    return db.sql("""
                                    INSERT INTO product_images (product_id, image_id, position, alt_zh, alt_en)
                                    VALUES (:id, :image, :position, :altZh, :altEn)""")
                            .bind("id", id.value()).bind("image", imageIds.get(position)).bind("position", position)
                            .bindNullable("altZh", alt == null ? null : blankToNull(alt.altZh()), String.class)
                            .bindNullable("altEn", alt == null ? null : blankToNull(alt.altEn()), String.class)
                            .update();
                })
                .then();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Mono<Long> upsertVariant(ProductId product, ProductDraft.VariantDraft variant, int position) {
        UUID id = variant.id() == null ? UUID.randomUUID() : variant.id();
        return db.sql("""
                        INSERT INTO product_variants (id, product_id, sku, name_zh, name_en, price_minor, position, status)
                        VALUES (:id, :product, :sku, :nameZh, :nameEn, :price, :position, :status)
                        ON CONFLICT (id) DO UPDATE SET sku = excluded.sku, name_zh = excluded.name_zh,
                            name_en = excluded.name_en, price_minor = excluded.price_minor,
                            position = excluded.position, status = excluded.status
                        WHERE product_variants.product_id = excluded.product_id""")
                .bind("id", id).bind("product", product.value())
                .bind("sku", variant.sku().trim())
                .bind("nameZh", text(variant.nameZh())).bind("nameEn", text(variant.nameEn()))
                .bind("price", variant.price().amount())
                .bind("position", position)
                .bind("status", variant.status() == null ? ProductStatus.ACTIVE.name() : variant.status().name())
                .update();
    }

    /** Checks the draft against stored data: category, makers, images, variant ids and SKUs. */
    private Mono<Void> check(ProductId id, ProductDraft draft) {
        List<String> skus = draft.variants().stream().map(v -> v.sku().trim().toLowerCase(Locale.ROOT)).toList();
        if (new HashSet<>(skus).size() != skus.size()) {
            return Mono.error(InvalidInput.field("variants", "each variant needs its own SKU"));
        }
        Mono<Void> category = db.sql("SELECT EXISTS (SELECT 1 FROM categories WHERE code = :code) AS found")
                .bind("code", draft.category()).map(row -> row.get("found", Boolean.class)).one()
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> InvalidInput.field("category", "there is no such category")))
                .then();
        Mono<Void> makerIds = makers.existing(draft.makers().stream().map(MakerId::new).toList())
                .filter(found -> found.size() == new HashSet<>(draft.makers()).size())
                .switchIfEmpty(Mono.error(() -> InvalidInput.field("makerIds", "some of these makers do not exist")))
                .then();
        Mono<Void> imageIds = images.existing(draft.images().stream().map(ImageId::new).toList())
                .filter(found -> found.size() == new HashSet<>(draft.images()).size())
                .switchIfEmpty(Mono.error(() -> InvalidInput.field("imageIds", "some of these images have not been uploaded")))
                .then(draft.alts().stream().allMatch(alt -> draft.images().contains(alt.imageId())) ? Mono.empty()
                        : Mono.error(() -> InvalidInput.field("imageAlts", "says what a photo shows that is not among imageIds")));
        UUID[] ownVariants = draft.variants().stream().map(ProductDraft.VariantDraft::id)
                .filter(Objects::nonNull).toArray(UUID[]::new);
        Mono<Void> variantIds = db.sql("SELECT count(*) AS n FROM product_variants WHERE id = ANY(:ids) AND product_id = :product")
                .bind("ids", ownVariants).bind("product", id.value())
                .map(row -> row.get("n", Long.class)).one()
                .filter(count -> count == ownVariants.length)
                .switchIfEmpty(Mono.error(() -> InvalidInput.field("variants.id", "a variant id does not belong to this product")))
                .then();
        Mono<Void> skuClashes = db.sql("SELECT sku FROM product_variants WHERE lower(sku) = ANY(:skus) AND product_id <> :product")
                .bind("skus", skus.toArray(String[]::new)).bind("product", id.value())
                .map(row -> row.get("sku", String.class)).list()
                .flatMap(taken -> taken.isEmpty() ? Mono.<Void>empty() : Mono.error(CatalogProblem.skuTaken(fieldsOf(skus, taken))));
        return category.then(makerIds).then(imageIds).then(variantIds).then(skuClashes);
    }

    private static Map<String, String> fieldsOf(List<String> skus, List<String> taken) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < skus.size(); i++) {
            for (String sku : taken) {
                if (sku.toLowerCase(Locale.ROOT).equals(skus.get(i))) {
                    fields.put("variants[" + i + "].sku", sku);
                }
            }
        }
        return fields;
    }

    /** Another request took a SKU between our check and our insert. */
    private static CatalogProblem raced(DuplicateKeyException clash) {
        return CatalogProblem.skuTaken(Map.of("variants", "one of this product's SKUs"));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.trim();
    }
}
