package org.socialworkshop.ordering;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Staff marked a paid order ready for pickup or ({@code shipped}) shipped ({@code trackingNote} with a shipment, when staff gave one). */
public record OrderPrepared(UUID orderId, String orderNumber, boolean shipped, @Nullable String trackingNote) {
}
