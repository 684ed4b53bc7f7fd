package org.socialworkshop.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.media.ImageLinks;
import org.socialworkshop.shared.Money;

/**
 * A product in a public list, in one language. {@code available} is what the channel can sell now, or null
 * when the product is made to order; {@code makers} are public names only.
 */
public record ProductSummary(ProductId id, String name, String category, Money price, @Nullable Long available,
        List<String> makers, @Nullable ImageLinks image) {
}
