package org.socialworkshop.piecework.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pieces shared in proportion to weights (recent output), in whole pieces summing exactly to the total: each share is
 * rounded down, and the pieces left over go one each to the largest remainders (the larger weight first on a tie, then
 * the order given), so no piece is lost or made up by rounding.
 */
public final class ProportionalSplit {

    private ProportionalSplit() {
    }

    /** {@code total} pieces over the keys with a positive weight, in the order given; empty when no weight is positive. */
    public static <K> Map<K, Integer> of(int total, Map<K, Long> weights) {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative");
        }
        List<Map.Entry<K, Long>> positive = weights.entrySet().stream().filter(weight -> weight.getValue() > 0).toList();
        long sum = positive.stream().mapToLong(Map.Entry::getValue).sum();
        Map<K, Integer> shares = new LinkedHashMap<>();
        if (sum == 0) {
            return shares;
        }
        record Share<K>(K key, long weight, long remainder, int position) {
        }
        List<Share<K>> remainders = new ArrayList<>();
        int given = 0;
        for (int i = 0; i < positive.size(); i++) {
            Map.Entry<K, Long> weight = positive.get(i);
            long exact = (long) total * weight.getValue();
            int share = (int) (exact / sum);
            shares.put(weight.getKey(), share);
            given += share;
            remainders.add(new Share<>(weight.getKey(), weight.getValue(), exact % sum, i));
        }
        remainders.sort(Comparator.<Share<K>>comparingLong(Share::remainder).reversed()
                .thenComparing(Comparator.<Share<K>>comparingLong(Share::weight).reversed())
                .thenComparingInt(Share::position));
        for (int i = 0; i < total - given; i++) {
            shares.merge(remainders.get(i).key(), 1, Integer::sum);
        }
        return shares;
    }
}
