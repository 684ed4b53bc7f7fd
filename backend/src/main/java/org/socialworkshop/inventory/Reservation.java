package org.socialworkshop.inventory;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.socialworkshop.catalog.VariantId;

/** Units set aside for a pending order until {@code expiresAt}; confirmed on payment, released otherwise. */
public record Reservation(UUID id, VariantId variantId, String location, long quantity, String reference,
        OffsetDateTime expiresAt) {
}
