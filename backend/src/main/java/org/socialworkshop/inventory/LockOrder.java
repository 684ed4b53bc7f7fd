package org.socialworkshop.inventory;

import java.util.Comparator;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one order in which a transaction moving several stock levels takes them: by variant, then by location.
 * Transactions keeping to it may wait for each other but never in a circle, so checkouts reserving, payments
 * selling, refunds returning and reservations expiring do not deadlock on the same levels. Variants compare as
 * PostgreSQL orders uuids (byte by byte, as their text does), not as {@link UUID#compareTo}, which is signed.
 */
public final class LockOrder {

    private LockOrder() {
    }

    /** For items whose location is chosen later (one level per variant is taken). */
    public static <T> Comparator<T> byVariant(Function<T, UUID> variant) {
        return Comparator.comparing(item -> variant.apply(item).toString());
    }

    public static <T> Comparator<T> byVariantAndLocation(Function<T, UUID> variant, Function<T, String> location) {
        return LockOrder.<T>byVariant(variant).thenComparing(location);
    }
}
