package org.socialworkshop.inventory;

import org.socialworkshop.catalog.VariantId;

/** Units of one variant at one location. Available is what can still be promised: on hand minus reserved. */
public record StockLevel(VariantId variantId, String sku, String productName, String location, long onHand,
        long reserved, long available, int lowStockThreshold) {
}
