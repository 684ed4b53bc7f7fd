package org.socialworkshop.pos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.core.type.TypeReference;

/**
 * The lunch rush (issue 12): {@code -Dregisters} canteen registers (3) each selling {@code -Drate} sales a second (2),
 * open model (each register's sales due at fixed intervals whatever the answers, sent in order as a tablet's queue
 * sends them), for {@code -Dseconds} (60). Each sale is three canteen meals with an option and a pickup number, so it
 * sends the kitchen a ticket. A station screen per register follows the kitchen's tickets as the station page does
 * ({@code GET /api/pos/tickets/stream?station=KITCHEN}, signed in as the demo coordinator) and takes its register's
 * tickets through: ready {@code -Dcook} ms after it saw them (2000), collected {@code -Dcollect} ms after that (3000).
 * Every event carries the station's whole open list, so run it on an app whose kitchen has no tickets left open (a
 * fresh data directory, or before {@link PosSaleBenchmark}, whose tickets nobody collects); it prints how many there
 * were. Not a test; see docs/performance.md ("POS sale").
 *
 * <p>Prints the sales a second achieved, the sale's latency from when it was due (p50/p95/p99), the time from sending a
 * sale to its ticket on its station's stream (p50/p99; also from the sale's answer, negative when the screen had it
 * first), the ready and collected requests' latency, and every error: failed sales, failed ready/collected requests,
 * tickets never seen. Also the CPU the load generator itself used, in cores.
 */
public final class LunchRushBenchmark {

    private static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:18140");

    private LunchRushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int registers = Integer.getInteger("registers", 3);
        double rate = Double.parseDouble(System.getProperty("rate", "2"));
        int seconds = Integer.getInteger("seconds", 60);
        long cook = Long.getLong("cook", 2000);
        long collect = Long.getLong("collect", 3000);
        BenchClient coordinator = BenchClient.signedIn(BASE, "coordinator@example.org", "workshop-coordinator");
        Object cashier = BenchTablet.demoCashier(coordinator);
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<BenchTablet> tablets = new ArrayList<>();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        ScheduledExecutorService kitchen = Executors.newScheduledThreadPool(2);
        List<Screen> screens = new ArrayList<>();
        for (int index = 0; index < registers; index++) {
            BenchTablet tablet = new BenchTablet(BASE, coordinator, "LUNCH-" + run + "-" + index, cashier);
            tablets.add(tablet);
            screens.add(new Screen(BenchClient.signedIn(BASE, "coordinator@example.org", "workshop-coordinator"), tablet.register, sentAt,
                    answeredAt, kitchen, cook, collect));
        }
        // every event carries the station's whole open list: tickets left open by earlier runs make each one larger
        int open = coordinator.json("GET", "/api/pos/tickets?station=KITCHEN", null, new TypeReference<List<Object>>() {
        }).size();
        screens.forEach(Screen::follow);
        Thread.sleep(1000);

        BenchFigures due = new BenchFigures();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger sold = new AtomicInteger();
        long interval = (long) (1e9 / rate);
        long cpu = BenchFigures.ownCpu();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        PosSaleBenchmark.each(tablets, (tablet, index) -> {
            int pickup = 0;
            for (long next = start + interval * index / tablets.size(); next < end; next += interval) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                BenchTablet.Prepared sale = tablet.prepare(pickup % 999 + 1);
                pickup++;
                sentAt.put(sale.orderNumber(), System.nanoTime());
                if (tablet.send(sale)) {
                    long done = System.nanoTime();
                    answeredAt.put(sale.orderNumber(), done);
                    due.add(done - next);
                    sold.incrementAndGet();
                } else {
                    sentAt.remove(sale.orderNumber());
                    failures.incrementAndGet();
                }
            }
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        // the last tickets: seen, cooked and collected
        Thread.sleep(cook + collect + 2000);
        double cores = (BenchFigures.ownCpu() - cpu) / 1e9 / ((System.nanoTime() - start) / 1e9);
        BenchFigures appeared = new BenchFigures();
        BenchFigures afterAnswer = new BenchFigures();
        BenchFigures steps = new BenchFigures();
        int seen = 0;
        int stepFailures = 0;
        int collected = 0;
        for (Screen screen : screens) {
            screen.appeared.forEach((order, at) -> {
                appeared.add(at - sentAt.get(order));
                afterAnswer.add(at - answeredAt.getOrDefault(order, at));
            });
            seen += screen.appeared.size();
            steps.addAll(screen.steps);
            stepFailures += screen.failures.get();
            collected += screen.collected.get();
        }
        System.out.printf("lunch rush: kitchen tickets open before=%d registers=%d rate=%.1f/s each seconds=%.1f sales=%d "
                + "failures=%d sales/s=%.2f %s%n", open, registers, rate, elapsed, sold.get(), failures.get(), sold.get() / elapsed, due.percentiles("due-"));
        System.out.printf("  tickets: seen=%d of %d, never seen=%d; sent→screen %s; answered→screen %s%n", seen, sold.get(),
                sold.get() - seen, appeared.percentiles(""),
                afterAnswer.percentiles(""));
        System.out.printf("  kitchen: ready+collected requests=%d failed=%d collected=%d %s; loadgen-cpu=%.2f cores%n", steps.count(),
                stepFailures, collected, steps.percentiles(""), cores);
        System.exit(0);
    }

    /**
     * A station screen: follows the kitchen's stream, and takes the tickets of its register through ready and collected
     * (each event carries the station's whole open list).
     */
    private static final class Screen {

        final BenchClient client;
        final String register;
        final Map<String, Long> sentAt;
        final Map<String, Long> answeredAt;
        final ScheduledExecutorService kitchen;
        final long cook;
        final long collect;
        final Set<String> known = ConcurrentHashMap.newKeySet();
        final Map<String, Long> appeared = new ConcurrentHashMap<>();
        final BenchFigures steps = new BenchFigures();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger collected = new AtomicInteger();

        Screen(BenchClient client, String register, Map<String, Long> sentAt, Map<String, Long> answeredAt, ScheduledExecutorService kitchen,
                long cook, long collect) {
            this.client = client;
            this.register = register;
            this.sentAt = sentAt;
            this.answeredAt = answeredAt;
            this.kitchen = kitchen;
            this.cook = cook;
            this.collect = collect;
        }

        void follow() {
            client.events("/api/pos/tickets/stream?station=KITCHEN", this::shown).whenComplete((done, failed) -> {
                if (failed != null) {
                    System.err.println(register + " screen: " + failed);
                }
            });
        }

        private void shown(String data) {
            long now = System.nanoTime();
            List<Map<String, Object>> tickets = BenchClient.JSON.readValue(data, new TypeReference<>() {
            });
            for (Map<String, Object> ticket : tickets) {
                String id = (String) ticket.get("id");
                String order = (String) ticket.get("orderNumber");
                if (register.equals(ticket.get("registerId")) && "NEW".equals(ticket.get("status")) && known.add(id)) {
                    if (sentAt.containsKey(order)) {
                        appeared.put(order, now);
                    }
                    kitchen.schedule(() -> step(id, "ready", () -> kitchen.schedule(() -> step(id, "collected", collected::incrementAndGet),
                            collect, TimeUnit.MILLISECONDS)), cook, TimeUnit.MILLISECONDS);
                }
            }
        }

        private void step(String id, String what, Runnable then) {
            long began = System.nanoTime();
            client.sendAsync("POST", "/api/pos/tickets/" + id + "/" + what, null).whenComplete((answer, failed) -> {
                if (failed != null || answer.statusCode() != 200) {
                    failures.incrementAndGet();
                    System.err.println(register + " " + what + " " + id + ": " + (failed != null ? failed : answer.statusCode() + " " + answer.body()));
                    return;
                }
                steps.add(System.nanoTime() - began);
                then.run();
            });
        }
    }
}
