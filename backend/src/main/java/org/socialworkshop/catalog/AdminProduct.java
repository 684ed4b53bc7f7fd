package org.socialworkshop.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.socialworkshop.makers.MakerId;
import org.socialworkshop.media.ImageId;
import org.socialworkshop.shared.Money;

/**
 * A product with everything a coordinator edits, in both languages; {@code imageAlts} say what the photos show, for
 * those of {@code imageIds} that have it said.
 */
public record AdminProduct(ProductId id, String category, String nameZh, String nameEn, String descriptionZh,
        String descriptionEn, TaxCategory taxCategory, Set<Channel> channels, boolean stockTracked,
        ProductStatus status, List<MakerId> makerIds, List<ImageId> imageIds, List<Variant> variants,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, List<String> modifierGroups, List<ProductDraft.ImageAlt> imageAlts) {

    /** What photo {@code image} shows in {@code language}, or "" when nobody has said. */
    String alt(ImageId image, org.socialworkshop.shared.Language language) {
        return imageAlts.stream().filter(alt -> alt.imageId().equals(image.value())).findFirst()
                .map(alt -> language.pick(alt.altZh() == null ? "" : alt.altZh(), alt.altEn() == null ? "" : alt.altEn()))
                .orElse("");
    }

    public record Variant(VariantId id, String sku, String nameZh, String nameEn, Money price, ProductStatus status) {
    }
}
