package org.socialworkshop.catalog;

import java.util.Collection;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.makers.MakerCredit;
import org.socialworkshop.makers.MakerId;
import org.socialworkshop.makers.Makers;
import org.socialworkshop.media.ImageId;
import org.socialworkshop.media.ImageLinks;
import org.socialworkshop.media.Images;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Money;
import org.socialworkshop.shared.Page;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** What buyers read: active products on a channel, in their language, with availability and public maker names. */
@Service
public class ProductQueries {

    private static final String LISTED = """
            FROM products p
            JOIN categories c ON c.code = p.category
            JOIN LATERAL (SELECT min(price_minor) AS min_price, max(price_minor) AS max_price, array_agg(id ORDER BY position) AS variant_ids
                          FROM product_variants WHERE product_id = p.id AND status = 'ACTIVE') v ON v.min_price IS NOT NULL
            WHERE p.status = 'ACTIVE' AND :channel = ANY(p.channels)
              AND (CAST(:category AS text) IS NULL OR p.category = :category)
              AND p.search_text LIKE ALL (CAST(:patterns AS text[]))
              AND (CAST(:minPrice AS bigint) IS NULL OR v.min_price >= :minPrice)
              AND (CAST(:maxPrice AS bigint) IS NULL OR v.min_price <= :maxPrice)""";

    private final Database db;
    private final Makers makers;
    private final StockLevels stock;
    private final Images images;

    ProductQueries(Database db, Makers makers, StockLevels stock, Images images) {
        this.db = db;
        this.makers = makers;
        this.stock = stock;
        this.images = images;
    }

    /** The shop's list orders: the shelves' own order (by category, then name), price either way, newest first, by name. */
    public enum Sort {
        SHELF, PRICE_ASC, PRICE_DESC, NEWEST, NAME;

        /** The ORDER BY of this order, in the buyer's language for names (the product id ends every order). */
        String orderBy(Language language) {
            String name = language == Language.EN ? "lower(p.name_en)" : "p.name_zh";
            return switch (this) {
                case SHELF -> "c.position, p.name_zh";
                case PRICE_ASC -> "v.min_price, " + name;
                case PRICE_DESC -> "v.min_price DESC, " + name;
                case NEWEST -> "p.created_at DESC";
                case NAME -> name;
            };
        }
    }

    /**
     * What a list shows: products matching {@code query}'s words, of {@code category}, whose lowest price is within
     * {@code minPrice}..{@code maxPrice} (fen, either open), in {@code sort}'s order.
     */
    public record Listing(@Nullable String query, @Nullable String category, Sort sort, @Nullable Long minPrice, @Nullable Long maxPrice) {
    }

    /**
     * A page of products; the query matches Chinese or English names and descriptions by substring, each of its words
     * ("tea cup", "青花 杯") somewhere in them.
     */
    public Mono<Page<ProductSummary>> list(Channel channel, Listing listing, Page.Request page, Language language) {
        String[] patterns = patterns(listing.query());
        String category = listing.category();
        Mono<List<Row>> rows = db.sql("""
                        SELECT p.id, p.name_zh, p.name_en, p.category, p.stock_tracked, v.min_price, v.max_price, v.variant_ids,
                               ARRAY(SELECT maker_id FROM product_makers WHERE product_id = p.id ORDER BY maker_id) AS maker_ids,
                               (SELECT image_id FROM product_images WHERE product_id = p.id ORDER BY position LIMIT 1) AS image_id
                        """ + LISTED + "\nORDER BY " + listing.sort().orderBy(language) + ", p.id LIMIT :limit OFFSET :offset")
                .bind("channel", channel.name())
                .bindNullable("category", category, String.class)
                .bind("patterns", patterns)
                .bindNullable("minPrice", listing.minPrice(), Long.class)
                .bindNullable("maxPrice", listing.maxPrice(), Long.class)
                .bind("limit", page.size())
                .bind("offset", page.offset())
                .map(ProductQueries::row)
                .list();
        Mono<Long> total = db.sql("SELECT count(*) AS n " + LISTED)
                .bind("channel", channel.name())
                .bindNullable("category", category, String.class)
                .bind("patterns", patterns)
                .bindNullable("minPrice", listing.minPrice(), Long.class)
                .bindNullable("maxPrice", listing.maxPrice(), Long.class)
                .map(row -> row.get("n", Long.class))
                .one();
        return rows.flatMap(found -> summaries(found, channel, language))
                .zipWith(total, (items, count) -> new Page<>(items, page.page(), page.size(), count));
    }

    private Mono<List<ProductSummary>> summaries(List<Row> rows, Channel channel, Language language) {
        List<MakerId> makerIds = rows.stream().flatMap(row -> row.makers().stream()).distinct().toList();
        List<VariantId> tracked = rows.stream().filter(Row::stockTracked).flatMap(row -> row.variants().stream()).toList();
        List<ImageId> imageIds = rows.stream().map(Row::imageId).filter(Objects::nonNull).toList();
        return Mono.zip(makers.credits(makerIds, language), available(tracked, channel), images.links(imageIds, ""))
                .map(found -> rows.stream()
                        .map(row -> summary(row, found.getT1(), found.getT2(), found.getT3(), language)).toList());
    }

    private static ProductSummary summary(Row row, Map<MakerId, MakerCredit> credits, Map<VariantId, Long> available,
            List<ImageLinks> images, Language language) {
        String name = language.pick(row.nameZh(), row.nameEn());
        Long units = row.stockTracked()
                ? row.variants().stream().mapToLong(variant -> available.getOrDefault(variant, 0L)).sum()
                : null;
        List<String> makerNames = row.makers().stream().map(credits::get).filter(Objects::nonNull)
                .filter(credit -> !credit.anonymous()).map(MakerCredit::displayName).toList();
        ImageLinks image = images.stream().filter(links -> links.id().equals(row.imageId())).findFirst()
                .map(links -> links.withAlt(name)).orElse(null);
        return new ProductSummary(row.id(), name, row.category(), Money.fen(row.minPrice()), row.maxPrice() != row.minPrice(),
                row.variants().size(), units, makerNames, image);
    }

    Mono<Map<VariantId, Long>> available(Collection<VariantId> variants, Channel channel) {
        return variants.isEmpty() ? Mono.just(Map.of()) : stock.available(variants, channel);
    }

    /** One listed product's columns. */
    private record Row(ProductId id, String nameZh, String nameEn, String category, boolean stockTracked,
            long minPrice, long maxPrice, List<VariantId> variants, List<MakerId> makers, @Nullable ImageId imageId) {
    }

    private static Row row(Readable row) {
        UUID image = row.get("image_id", UUID.class);
        return new Row(new ProductId(row.get("id", UUID.class)), row.get("name_zh", String.class),
                row.get("name_en", String.class), row.get("category", String.class),
                row.get("stock_tracked", Boolean.class), row.get("min_price", Long.class), row.get("max_price", Long.class),
                Arrays.stream(row.get("variant_ids", UUID[].class)).map(VariantId::new).toList(),
                Arrays.stream(row.get("maker_ids", UUID[].class)).map(MakerId::new).toList(),
                image == null ? null : new ImageId(image));
    }

    /** LIKE patterns for the words of a search, each to be found (one matching everything for none). */
    static String[] patterns(@Nullable String query) {
        String[] patterns = Arrays.stream((query == null ? "" : query).strip().toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(word -> !word.isEmpty()).limit(10).map(word -> "%" + escapeLike(word) + "%").toArray(String[]::new);
        return patterns.length == 0 ? new String[] {"%"} : patterns;
    }

    /** User input goes into LIKE as data: its own wildcards are escaped. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
