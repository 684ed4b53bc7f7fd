package org.socialworkshop.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.socialworkshop.makers.MakerId;
import org.socialworkshop.media.ImageId;
import org.socialworkshop.shared.Money;

/** A product with everything a coordinator edits, in both languages. */
public record AdminProduct(ProductId id, String category, String nameZh, String nameEn, String descriptionZh,
        String descriptionEn, TaxCategory taxCategory, Set<Channel> channels, boolean stockTracked,
        ProductStatus status, List<MakerId> makerIds, List<ImageId> imageIds, List<Variant> variants,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, List<String> modifierGroups) {

    public record Variant(VariantId id, String sku, String nameZh, String nameEn, Money price, ProductStatus status) {
    }
}
