package org.socialworkshop.catalog;

/** What other modules need to know about a variant: its product, SKU, names, and whether stock is counted. */
public record VariantInfo(VariantId id, ProductId productId, String sku, String productNameZh, String productNameEn,
        String variantNameZh, String variantNameEn, boolean stockTracked) {
}
