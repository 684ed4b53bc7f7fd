package org.socialworkshop.inventory;

import java.util.UUID;

/** Available units of a variant at a location fell to or below its threshold. */
public record StockRunningLow(UUID variantId, String location, long available, int threshold) {
}
