package org.socialworkshop.pos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives counter sales against a running app as its tablets do, and prints sales a second and their latency. Not a
 * test (no {@code Test} suffix); see docs/performance.md ("POS sale"). It opens {@code -Dregisters} registers (8), each
 * with a tablet of its own ({@link BenchTablet}: three canteen meals with an option each, cash, the receipt signed by
 * the tablet), then sells for {@code -Dseconds} (20), after {@code -Dwarmup} seconds of selling not counted (0).
 * <ul>
 * <li>Without {@code -Drate}: closed loop, each tablet sends its next sale as soon as the last is answered: the peak.
 * <li>With {@code -Drate=R}: open model, R sales a second in all, each register's due at fixed intervals whatever the
 * answers. A tablet sends its sales in order (each receipt continues the one before), so a sale due while its
 * register's previous one is still out waits for it; its latency counts from when it was due ({@code due}), and
 * from when it was sent ({@code sent}).
 * </ul>
 * Also prints the CPU the load generator itself used while selling, in cores, to show it is not the limit.
 */
public final class PosSaleBenchmark {

    private static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:18140");

    private PosSaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int registers = Integer.getInteger("registers", 8);
        int seconds = Integer.getInteger("seconds", 20);
        int warmup = Integer.getInteger("warmup", 0);
        String rate = System.getProperty("rate");
        BenchClient coordinator = BenchClient.signedIn(BASE, "coordinator@example.org", "workshop-coordinator");
        Object cashier = BenchTablet.demoCashier(coordinator);
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<BenchTablet> tablets = new ArrayList<>();
        for (int index = 0; index < registers; index++) {
            tablets.add(new BenchTablet(BASE, coordinator, "BENCH-" + run + "-" + index, cashier));
        }
        if (warmup > 0) {
            closed(tablets, warmup, new BenchFigures(), new AtomicInteger());
        }
        System.out.println("selling");
        BenchFigures due = new BenchFigures();
        BenchFigures sent = new BenchFigures();
        AtomicInteger failures = new AtomicInteger();
        long cpu = BenchFigures.ownCpu();
        long start = System.nanoTime();
        if (rate == null) {
            closed(tablets, seconds, sent, failures);
        } else {
            open(tablets, seconds, Double.parseDouble(rate), due, sent, failures);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cores = (BenchFigures.ownCpu() - cpu) / 1e9 / elapsed;
        System.out.printf("registers=%d %s seconds=%.1f sales=%d failures=%d sales/s=%.1f %s%s loadgen-cpu=%.2f cores%n", registers,
                rate == null ? "closed" : "open rate=" + rate, elapsed, sent.count(), failures.get(), sent.count() / elapsed,
                rate == null ? "" : due.percentiles("due-") + " ", sent.percentiles(rate == null ? "" : "sent-"), cores);
    }

    /** Each tablet sells one sale after the other for {@code seconds}. */
    private static void closed(List<BenchTablet> tablets, int seconds, BenchFigures latencies, AtomicInteger failures) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        each(tablets, (tablet, index) -> {
            while (System.nanoTime() < end) {
                long began = System.nanoTime();
                if (tablet.send(tablet.prepare(null))) {
                    latencies.add(System.nanoTime() - began);
                } else {
                    failures.incrementAndGet();
                }
            }
        });
    }

    /** {@code rate} sales a second in all, each tablet's at fixed intervals, the tablets' staggered. */
    private static void open(List<BenchTablet> tablets, int seconds, double rate, BenchFigures due, BenchFigures sent,
            AtomicInteger failures) throws Exception {
        long interval = (long) (1e9 * tablets.size() / rate);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        each(tablets, (tablet, index) -> {
            for (long next = start + interval * index / tablets.size(); next < end; next += interval) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                BenchTablet.Prepared sale = tablet.prepare(null);
                long began = System.nanoTime();
                if (tablet.send(sale)) {
                    long done = System.nanoTime();
                    due.add(done - next);
                    sent.add(done - began);
                } else {
                    failures.incrementAndGet();
                }
            }
        });
    }

    interface Selling {
        void sell(BenchTablet tablet, int index);
    }

    /** Runs {@code selling} for every tablet on a thread of its own, and waits for them all. */
    static void each(List<BenchTablet> tablets, Selling selling) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int index = 0; index < tablets.size(); index++) {
            BenchTablet tablet = tablets.get(index);
            int at = index;
            Thread thread = new Thread(() -> selling.sell(tablet, at), tablet.register);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
