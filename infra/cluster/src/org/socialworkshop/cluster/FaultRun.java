package org.socialworkshop.cluster;

import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.socialworkshop.pos.ClusterTablet;
import org.socialworkshop.support.FakeStripe;
import tools.jackson.databind.JsonNode;

/**
 * The fault run on the local two-instance cluster (infra/cluster/faults.sh starts it; docs/adr/0032): a steady load
 * through nginx ({@link Load}) while one instance is killed and restarted, PostgreSQL is stopped in immediate mode and
 * restarted, and latency is put between the instances and PostgreSQL ({@link LatencyProxy}); then {@link Checks}.
 * Prints PASS/FAIL lines and figures; exits 1 when anything failed.
 */
public final class FaultRun {

    private static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:18000");
    private static final String SCRIPTS = System.getProperty("scripts", "infra/cluster");
    private static final String PG_BIN = System.getProperty("pgBin", "/usr/lib/postgresql/15/bin");
    private static final String PG_DATA = System.getProperty("pgData", "/tmp/workshop-cluster/pgdata");
    private static final int PG_PORT = Integer.getInteger("pgPort", 15432);
    private static final List<String> APP_PORTS = List.of(System.getProperty("appPorts", "18081 18082").trim().split("\\s+"));
    private static final int PHASE = Integer.getInteger("phaseSeconds", 20);
    private static final int LATENCY = Integer.getInteger("latencyMillis", 20);
    /** Buyers served again (an acknowledged purchase) at most this long after a fault ends. */
    private static final int RESUME_WITHIN = Integer.getInteger("resumeWithinSeconds", 60);
    /** A restarted instance answers /actuator/health UP at most this long after its start. */
    private static final int HEALTHY_WITHIN = Integer.getInteger("healthyWithinSeconds", 120);
    /** Whether to end with the Stripe phases (the instances stay on the fake Stripe until restarted by up.sh). */
    private static final boolean STRIPE = Boolean.parseBoolean(System.getProperty("stripe", "true"));
    private static final int STRIPE_DELAY = Integer.getInteger("stripeDelaySeconds", 4);

    private record Phase(String name, long start, long faultEnd, long end, String note) {
    }

    private final List<Phase> phases = new ArrayList<>();
    private final Checks checks;
    private long mark;

    private FaultRun() {
        checks = new Checks("jdbc:postgresql://127.0.0.1:" + PG_PORT + "/workshop", "workshop", "workshop-cluster");
    }

    public static void main(String[] args) {
        boolean passed;
        try {
            passed = new FaultRun().run();
        } catch (Exception | AssertionError stopped) {
            // e.g. an instance that did not start again: the load's threads would keep the JVM alive
            stopped.printStackTrace();
            System.out.println("RESULT: FAIL (the run stopped: " + stopped + ")");
            passed = false;
        }
        System.exit(passed ? 0 : 1);
    }

    private boolean run() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        Http admin = Http.signedIn(BASE, "admin@example.org", "workshop-admin");
        Http coordinator = Http.signedIn(BASE, "coordinator@example.org", "workshop-coordinator");
        String[] item = stockTrackedOnlineItem(new Http(BASE));
        require(coordinator.send("POST", "/api/admin/stock/receipts",
                Map.of("variantId", item[1], "location", "ONLINE_STORE_ROOM", "quantity", 100000), null), "receive stock");
        String maker = coordinator.get("/api/admin/makers?size=1").json().path("items").get(0).path("id").asText();
        String operation = coordinator.get("/api/admin/piecework/operations").json().get(0).path("id").asText();
        List<ClusterTablet> tablets = List.of(new ClusterTablet(BASE, "FAULT-" + run + "-1"), new ClusterTablet(BASE, "FAULT-" + run + "-2"));
        long onHandBefore;
        try (Connection db = checks.connect()) {
            onHandBefore = Checks.onHand(db, item[1]);
        }
        System.out.printf("run %s: buying %s, 2 counter tablets, work for maker %s; phases of %d s; load average %s%n", run, item[1],
                maker, PHASE, loadAverage());

        boolean stripe = STRIPE;
        if (stripe) {
            try (Connection db = checks.connect()) {
                long earlier = Checks.count(db, "SELECT count(*) FROM payments WHERE session_id LIKE 'cs_test_%'", List.of());
                if (earlier > 0) {
                    // Each fake Stripe numbers its sessions and payments from 1 again; real Stripe never repeats an id.
                    System.out.println("Stripe phases NOT RUN: this database holds " + earlier + " sessions of an earlier run's "
                            + "fake Stripe, whose ids a new fake would repeat; run them on a fresh cluster: "
                            + "infra/cluster/down.sh --wipe && infra/cluster/up.sh");
                    stripe = false;
                }
            }
        }
        Load load = new Load(BASE, run, item[0], item[1], maker, operation);
        load.start(3, tablets, coordinator);
        Thread progress = progress(load);

        phase("steady load", () -> "");
        phase("instance 1 killed (kill -9), restarted 5 s later", () -> {
            shell(SCRIPTS + "/instance.sh", "kill", "1");
            sleep(5);
            double took = timed(() -> shell(SCRIPTS + "/instance.sh", "start", "1"));
            checks.expect(took <= HEALTHY_WITHIN, "instance 1 healthy " + took + " s after its start (limit " + HEALTHY_WITHIN + " s)");
            return "instance 1 healthy " + took + " s after its start";
        });
        phase("PostgreSQL stopped (immediate), restarted 5 s later", () -> {
            postgres(PG_BIN + "/pg_ctl -D " + PG_DATA + " -m immediate -w stop");
            sleep(5);
            long start = System.nanoTime();
            postgres(PG_BIN + "/pg_ctl -D " + PG_DATA + " -l " + PG_DATA + "/../log/postgres.log -w -t 120 start");
            double up = seconds(start);
            double instances = untilHealthy(start);
            return String.format(Locale.ROOT, "PostgreSQL accepting %.1f s after its start, both instances healthy after %.1f s", up, instances);
        });
        try (LatencyProxy proxy = new LatencyProxy(PG_PORT); FakeStripe fake = FakeStripe.start()) {
            phase("instances restarted one at a time (SIGTERM) onto a TCP proxy in front of PostgreSQL", () -> {
                Map<String, String> env = Map.of("DB_HOST_PORT", "127.0.0.1:" + proxy.port());
                return rollingRestart(env);
            });
            phase(LATENCY + " ms added each way between the instances and PostgreSQL", () -> {
                proxy.delay(LATENCY);
                sleep(PHASE);
                proxy.delay(0);
                return "";
            });
            if (stripe) {
                load.stripe = fake;
                phase("instances restarted one at a time back onto PostgreSQL directly, and onto Stripe (the tests' fake; "
                        + "new purchases held meanwhile)", () -> {
                    load.pauseBuyers();
                    String note = rollingRestart(Map.of("STRIPE_SECRET_KEY", FakeStripe.SECRET_KEY,
                            "STRIPE_WEBHOOK_SECRET", FakeStripe.WEBHOOK_SECRET, "STRIPE_API_BASE", fake.apiBase()));
                    load.resumeBuyers();
                    return note;
                });
                phase("Stripe slow: every answer held back " + STRIPE_DELAY + " s", () -> {
                    fake.slow(Duration.ofSeconds(STRIPE_DELAY));
                    sleep(PHASE);
                    fake.up();
                    return "";
                });
                phase("Stripe failing: every call answered 503", () -> {
                    fake.down();
                    sleep(PHASE);
                    fake.up();
                    return "";
                });
            } else {
                phase("instances restarted one at a time back onto PostgreSQL directly", () -> rollingRestart(Map.of()));
            }
            // before the fake Stripe and the proxy close: purchases under way finish against them
            load.stop();
        }
        progress.interrupt();
        System.out.println("load stopped; checking");
        return report(load, run, item[1], onHandBefore, admin, stripe);
    }

    private boolean report(Load load, String run, String variantId, long onHandBefore, Http admin, boolean stripe) throws Exception {
        awaitOutboxDrained();
        Map<String, Long> kinds = load.wrongAnswers.stream().collect(java.util.stream.Collectors.groupingBy(
                wrong -> wrong.replaceAll("[0-9a-fA-F-]{36}|[A-Z0-9]{6}-[0-9]+-[0-9]+|\\b[0-9]+\\b", "#").replaceAll("\"requestId\":\"[^\"]*\"", ""),
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        kinds.forEach((kind, count) -> System.out.println("   wrong answer x" + count + ": " + kind));
        checks.expect(load.wrongAnswers.isEmpty(), "no client got an answer it could not expect (" + load.wrongAnswers.size() + ")");
        checks.database(load, run, variantId, onHandBefore);
        checks.api(load, new Http(BASE), admin);
        for (int n = 1; n <= APP_PORTS.size(); n++) {
            checks.expect(healthy(n), "instance " + n + " answers /actuator/health UP on :" + APP_PORTS.get(n - 1));
        }
        System.out.println();
        System.out.println("== Phases (buyers' longest wait: the longest time without an acknowledged purchase in the phase)");
        System.out.printf("%-92s %6s %6s %6s %8s%n", "phase", "buys", "sales", "work", "longest");
        for (Phase phase : phases) {
            long[] counts = new long[3];
            for (long[] ack : load.acks) {
                if (ack[0] >= phase.start() && ack[0] < phase.end()) {
                    counts[(int) ack[1]]++;
                }
            }
            double gap = longestGap(load, phase);
            System.out.printf(Locale.ROOT, "%-92s %6d %6d %6d %7.1fs%n", phase.name(), counts[0], counts[1], counts[2], gap);
            if (!phase.note().isEmpty()) {
                System.out.println("    " + phase.note());
            }
            checks.expect(resumedAfter(load, phase) <= RESUME_WITHIN, String.format(Locale.ROOT,
                    "buyers served again %.1f s after the end of: %s (limit %d s)", resumedAfter(load, phase), phase.name(), RESUME_WITHIN));
        }
        System.out.printf("%nacknowledged: %d purchases, %d counter sales, %d work records; "
                        + "%d requests sent again; %d checkouts refused 429 (one address for all buyers); %d receipt checks under load%n",
                load.orders.size(), load.sales.size(), load.workRecords.size(), load.resent.get(),
                load.refused.get(), load.receiptChecks.get());
        if (stripe) {
            System.out.println("the instances still take payments through this run's fake Stripe, which ends with it: "
                    + "faults.sh restarts them onto demo payments");
        }
        System.out.println("load average at the end: " + loadAverage());
        System.out.println(checks.failed() ? "RESULT: FAIL" : "RESULT: PASS");
        return !checks.failed();
    }

    private interface Fault {
        String apply() throws Exception;
    }

    private void phase(String name, Fault fault) throws Exception {
        long start = System.nanoTime();
        System.out.println("-- " + name);
        String note = fault.apply();
        long faultEnd = System.nanoTime();
        sleep(PHASE);
        phases.add(new Phase(name, start, faultEnd, System.nanoTime(), note));
        if (!note.isEmpty()) {
            System.out.println("   " + note);
        }
    }

    private String rollingRestart(Map<String, String> env) throws Exception {
        List<String> notes = new ArrayList<>();
        for (int n = 1; n <= APP_PORTS.size(); n++) {
            shell(env, SCRIPTS + "/instance.sh", "stop", String.valueOf(n));
            int instance = n;
            double took = timed(() -> shell(env, SCRIPTS + "/instance.sh", "start", String.valueOf(instance)));
            checks.expect(took <= HEALTHY_WITHIN, "instance " + n + " healthy " + took + " s after its start (limit " + HEALTHY_WITHIN + " s)");
            notes.add("instance " + n + " healthy " + took + " s after its start");
        }
        return String.join("; ", notes);
    }

    /** Seconds from the fault's end to the first acknowledged purchase after it. */
    private static double resumedAfter(Load load, Phase phase) {
        long first = load.acks.stream().filter(ack -> ack[1] == Load.PURCHASE && ack[0] >= phase.faultEnd())
                .mapToLong(ack -> ack[0]).min().orElse(Long.MAX_VALUE);
        return first == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : (first - phase.faultEnd()) / 1e9;
    }

    private static double longestGap(Load load, Phase phase) {
        long previous = phase.start();
        long longest = 0;
        List<Long> times = load.acks.stream().filter(ack -> ack[1] == Load.PURCHASE && ack[0] >= phase.start() && ack[0] < phase.end())
                .map(ack -> ack[0]).sorted().toList();
        for (long time : times) {
            longest = Math.max(longest, time - previous);
            previous = time;
        }
        return Math.max(longest, phase.end() - previous) / 1e9;
    }

    private Thread progress(Load load) {
        mark = System.nanoTime();
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(5_000);
                    System.out.printf(Locale.ROOT, "   %5.0f s: %d purchases, %d sales, %d work records, %d resent, %d wrong%n",
                            seconds(mark), load.orders.size(), load.sales.size(), load.workRecords.size(), load.resent.get(),
                            load.wrongAnswers.size());
                }
            } catch (InterruptedException stopped) {
                // the load has stopped
            }
        }, "progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void awaitOutboxDrained() throws Exception {
        long giveUp = System.nanoTime() + 120_000_000_000L;
        long pending;
        do {
            try (Connection db = checks.connect()) {
                pending = Checks.count(db, "SELECT count(*) FROM outbox WHERE status = 'PENDING'", List.of());
            }
            if (pending > 0) {
                Thread.sleep(500);
            }
        } while (pending > 0 && System.nanoTime() < giveUp);
        checks.expect(pending == 0, "the outbox delivered everything after the load (" + pending + " pending)");
    }

    private static String[] stockTrackedOnlineItem(Http shop) throws IOException {
        for (JsonNode product : shop.get("/api/products?channel=ONLINE&size=100").json().path("items")) {
            String id = product.path("id").asText();
            for (JsonNode variant : shop.get("/api/products/" + id + "?channel=ONLINE").json().path("variants")) {
                if (!variant.path("available").isNull() && !variant.path("available").isMissingNode()) {
                    return new String[] {id, variant.path("id").asText()};
                }
            }
        }
        throw new IllegalStateException("No stock-tracked product is sold online");
    }

    private static void require(Http.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + ": " + answer.status() + " " + answer.body());
        }
    }

    private double untilHealthy(long since) throws Exception {
        while (!(healthy(1) && healthy(2))) {
            if (seconds(since) > HEALTHY_WITHIN) {
                checks.expect(false, "both instances healthy within " + HEALTHY_WITHIN + " s of PostgreSQL's restart");
                return seconds(since);
            }
            Thread.sleep(100);
        }
        return seconds(since);
    }

    private static boolean healthy(int n) {
        try {
            Http.Answer health = new Http("http://127.0.0.1:" + APP_PORTS.get(n - 1)).get("/actuator/health");
            return health.status() == 200 && health.body().contains("\"UP\"");
        } catch (IOException notAnswering) {
            return false;
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static double timed(Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return Math.round(seconds(start) * 10) / 10.0;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", java.util.Arrays.copyOf(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException unreadable) {
            return "unknown";
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void postgres(String command) throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            shell(Map.of(), "su", "postgres", "-s", "/bin/sh", "-c", command);
        } else {
            shell(Map.of(), "sh", "-c", command);
        }
    }

    private static void shell(String... command) throws Exception {
        shell(Map.of(), command);
    }

    private static void shell(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(env);
        int status = builder.start().waitFor();
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + status);
        }
    }

    private static void sleep(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }
}
