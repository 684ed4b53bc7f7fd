package org.socialworkshop.catalog;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.socialworkshop.makers.MakerId;
import org.socialworkshop.media.ImageId;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Money;
import reactor.core.publisher.Mono;

/** Reads products for coordinators, in both languages. */
final class ProductRows {

    private ProductRows() {
    }

    static Mono<AdminProduct> adminProduct(Database db, ProductId id) {
        Mono<List<AdminProduct.Variant>> variants = db.sql("""
                        SELECT id, sku, name_zh, name_en, price_minor, currency, status FROM product_variants
                        WHERE product_id = :id ORDER BY position, sku""")
                .bind("id", id.value())
                .map(ProductRows::variant)
                .list();
        return db.sql("""
                        SELECT p.*,
                          ARRAY(SELECT maker_id FROM product_makers WHERE product_id = p.id ORDER BY maker_id) AS maker_ids,
                          ARRAY(SELECT image_id FROM product_images WHERE product_id = p.id ORDER BY position) AS image_ids,
                          ARRAY(SELECT coalesce(alt_zh, '') FROM product_images WHERE product_id = p.id ORDER BY position) AS alts_zh,
                          ARRAY(SELECT coalesce(alt_en, '') FROM product_images WHERE product_id = p.id ORDER BY position) AS alts_en,
                          ARRAY(SELECT group_code FROM product_modifier_groups WHERE product_id = p.id ORDER BY position) AS modifier_groups
                        FROM products p WHERE p.id = :id""")
                .bind("id", id.value())
                .map(ProductRows::header)
                .one()
                .zipWith(variants, (header, list) -> header.with(list));
    }

    /** The product's own columns, waiting for its variants. */
    private record Header(ProductId id, String category, String nameZh, String nameEn, String descriptionZh,
            String descriptionEn, TaxCategory taxCategory, Set<Channel> channels, boolean stockTracked,
            ProductStatus status, List<MakerId> makerIds, List<ImageId> imageIds, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, List<String> modifierGroups, List<ProductDraft.ImageAlt> imageAlts) {

        AdminProduct with(List<AdminProduct.Variant> variants) {
            return new AdminProduct(id, category, nameZh, nameEn, descriptionZh, descriptionEn, taxCategory, channels,
                    stockTracked, status, makerIds, imageIds, variants, createdAt, updatedAt, modifierGroups, imageAlts);
        }
    }

    private static Header header(Readable row) {
        UUID[] images = row.get("image_ids", UUID[].class);
        String[] altsZh = row.get("alts_zh", String[].class);
        String[] altsEn = row.get("alts_en", String[].class);
        List<ProductDraft.ImageAlt> alts = java.util.stream.IntStream.range(0, images.length)
                .filter(i -> !altsZh[i].isEmpty() || !altsEn[i].isEmpty())
                .mapToObj(i -> new ProductDraft.ImageAlt(images[i], altsZh[i].isEmpty() ? null : altsZh[i], altsEn[i].isEmpty() ? null : altsEn[i]))
                .toList();
        return new Header(new ProductId(row.get("id", UUID.class)), row.get("category", String.class),
                row.get("name_zh", String.class), row.get("name_en", String.class),
                row.get("description_zh", String.class), row.get("description_en", String.class),
                TaxCategory.valueOf(row.get("tax_category", String.class)), channels(row.get("channels", String[].class)),
                row.get("stock_tracked", Boolean.class), ProductStatus.valueOf(row.get("status", String.class)),
                Arrays.stream(row.get("maker_ids", UUID[].class)).map(MakerId::new).toList(),
                Arrays.stream(row.get("image_ids", UUID[].class)).map(ImageId::new).toList(),
                row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class),
                List.of(row.get("modifier_groups", String[].class)), alts);
    }

    static AdminProduct.Variant variant(Readable row) {
        return new AdminProduct.Variant(new VariantId(row.get("id", UUID.class)), row.get("sku", String.class),
                row.get("name_zh", String.class), row.get("name_en", String.class),
                new Money(row.get("price_minor", Long.class), java.util.Currency.getInstance(row.get("currency", String.class).trim())),
                ProductStatus.valueOf(row.get("status", String.class)));
    }

    static Set<Channel> channels(String[] values) {
        return Arrays.stream(values).map(Channel::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
    }
}
