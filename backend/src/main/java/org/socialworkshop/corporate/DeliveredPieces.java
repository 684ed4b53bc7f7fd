package org.socialworkshop.corporate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What has been delivered of an order's goods, line by line, and whether a delivery fits in what is still to deliver.
 * Plain arithmetic: no line is ever delivered beyond what was ordered.
 */
final class DeliveredPieces {

    /** A line a delivery would take beyond what was ordered. */
    record Over(UUID lineId, int ordered, int delivered, int pieces) {

        int outstanding() {
            return ordered - delivered;
        }
    }

    private final Map<UUID, Integer> ordered;
    private final Map<UUID, Integer> delivered;

    private DeliveredPieces(Map<UUID, Integer> ordered, Map<UUID, Integer> delivered) {
        this.ordered = Collections.unmodifiableMap(new LinkedHashMap<>(ordered));
        this.delivered = Collections.unmodifiableMap(new LinkedHashMap<>(delivered));
    }

    /** Nothing delivered yet of these lines (line → pieces ordered). */
    static DeliveredPieces none(Map<UUID, Integer> ordered) {
        return new DeliveredPieces(ordered, Map.of());
    }

    /** With a delivery's pieces added; call {@link #over} first, this does not check. */
    DeliveredPieces plus(Map<UUID, Integer> pieces) {
        Map<UUID, Integer> after = new LinkedHashMap<>(delivered);
        pieces.forEach((line, count) -> after.merge(line, count, Integer::sum));
        return new DeliveredPieces(ordered, after);
    }

    boolean orders(UUID line) {
        return ordered.containsKey(line);
    }

    int ordered(UUID line) {
        return ordered.getOrDefault(line, 0);
    }

    int delivered(UUID line) {
        return delivered.getOrDefault(line, 0);
    }

    int outstanding(UUID line) {
        return ordered(line) - delivered(line);
    }

    /** Every line delivered in full. */
    boolean complete() {
        return ordered.keySet().stream().allMatch(line -> outstanding(line) <= 0);
    }

    /** The lines of a delivery that take more pieces than are still to deliver; empty when it fits. */
    List<Over> over(Map<UUID, Integer> pieces) {
        List<Over> over = new ArrayList<>();
        pieces.forEach((line, count) -> {
            if (count > outstanding(line)) {
                over.add(new Over(line, ordered(line), delivered(line), count));
            }
        });
        return over;
    }
}
