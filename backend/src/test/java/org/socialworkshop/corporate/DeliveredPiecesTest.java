package org.socialworkshop.corporate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What is left to deliver of each line, and which lines a delivery would take beyond it. */
class DeliveredPiecesTest {

    private final UUID boxes = UUID.randomUUID();
    private final UUID cards = UUID.randomUUID();

    @Test
    void aDeliveryFitsUpToWhatIsLeftOfEachLineAndTheLastPieceCompletesIt() {
        Map<UUID, Integer> ordered = new LinkedHashMap<>();
        ordered.put(boxes, 30);
        ordered.put(cards, 20);
        DeliveredPieces counted = DeliveredPieces.none(ordered).plus(Map.of(boxes, 10));

        assertThat(counted.outstanding(boxes)).isEqualTo(20);
        assertThat(counted.over(Map.of(boxes, 20, cards, 20))).isEmpty();
        assertThat(counted.over(Map.of(boxes, 21, cards, 20))).containsExactly(new DeliveredPieces.Over(boxes, 30, 10, 21));
        assertThat(counted.complete()).isFalse();
        assertThat(counted.plus(Map.of(boxes, 20, cards, 19)).complete()).isFalse();
        assertThat(counted.plus(Map.of(boxes, 20, cards, 20)).complete()).isTrue();
        assertThat(counted.orders(UUID.randomUUID())).isFalse();
    }
}
