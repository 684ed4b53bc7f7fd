package org.socialworkshop.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.media.ImageLinks;
import org.socialworkshop.shared.Money;

/**
 * A product in a public list, in one language. {@code price} is its lowest, and {@code priceVaries} says whether its
 * {@code options} (variants on sale) differ in price (a list then says "from"); {@code available} is what the channel
 * can sell now of all its options together, or null when the product is made to order (a list names a number only
 * for a product of one option, the number a buyer can have of it); {@code makers} are public names only.
 */
public record ProductSummary(ProductId id, String name, String category, Money price, boolean priceVaries, int options,
        @Nullable Long available,
        List<String> makers, @Nullable ImageLinks image) {
}
