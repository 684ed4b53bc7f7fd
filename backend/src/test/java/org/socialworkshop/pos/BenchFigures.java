package org.socialworkshop.pos;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Times gathered by the POS benchmarks (nanoseconds), and the load generator's own CPU, printed as they report them. */
final class BenchFigures {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    void add(long took) {
        nanos.add(took);
    }

    void addAll(BenchFigures other) {
        synchronized (other.nanos) {
            nanos.addAll(other.nanos);
        }
    }

    int count() {
        return nanos.size();
    }

    /** p50, p95 and p99 in milliseconds, e.g. {@code p50=12.3ms p95=20.1ms p99=31.0ms}. */
    String percentiles(String prefix) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        Collections.sort(sorted);
        return String.format("%sp50=%.1fms %sp95=%.1fms %sp99=%.1fms", prefix, at(sorted, 0.50), prefix, at(sorted, 0.95), prefix,
                at(sorted, 0.99));
    }

    private static double at(List<Long> sorted, double share) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * share))) / 1e6;
    }

    /** CPU time this process (the load generator) has used so far, in nanoseconds. */
    static long ownCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
