package org.socialworkshop.catalog;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.makers.MakerCredit;
import org.socialworkshop.media.ImageLinks;
import org.socialworkshop.shared.Money;

/** One product for its public page, in one language, with availability for one channel. */
public record ProductDetails(ProductId id, String name, String description, String category, String categoryName,
        Set<Channel> channels, boolean stockTracked, ProductStatus status, Money price, List<ImageLinks> images,
        List<VariantView> variants, List<MakerCredit> makers) {

    public record VariantView(VariantId id, String sku, String name, Money price, @Nullable Long available) {
    }
}
