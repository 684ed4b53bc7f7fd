package org.socialworkshop.catalog;

import java.math.BigDecimal;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.media.ImageId;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Money;

/**
 * What other modules need to know about a variant: its product, SKU, names, price now (tax included) and tax
 * rate, where it is sold, whether it can be sold at all, and whether stock is counted.
 *
 * @param active   the product and the variant are both active (not archived)
 * @param catering sold under the catering tax category (canteen meals, café drinks): made fresh, picked up
 * @param image    the product's first image, if any
 * @param station  where it is made when sold at the counter ({@code KITCHEN}, {@code BAR}), from its category; none
 *                 for goods handed over as they are
 */
public record VariantInfo(VariantId id, ProductId productId, String sku, String productNameZh, String productNameEn,
        String variantNameZh, String variantNameEn, boolean stockTracked, Money price, BigDecimal taxRate,
        boolean catering, Set<Channel> channels, boolean active, @Nullable ImageId image, @Nullable String station) {

    public VariantInfo {
        channels = Set.copyOf(channels);
    }

    /** Can be bought now on {@code channel}. */
    public boolean sellableOn(Channel channel) {
        return active && channels.contains(channel);
    }

    public String productName(Language language) {
        return language.pick(productNameZh, productNameEn);
    }

    public String variantName(Language language) {
        return language.pick(variantNameZh, variantNameEn);
    }
}
