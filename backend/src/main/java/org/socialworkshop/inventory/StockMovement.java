package org.socialworkshop.inventory;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.VariantId;

/** One line of the journal. */
public record StockMovement(long id, StockChange kind, VariantId variantId, String location, long onHandDelta,
        long reservedDelta, @Nullable String reason, @Nullable String reference, String actor, OffsetDateTime at) {
}
