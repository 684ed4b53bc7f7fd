package org.socialworkshop.performance.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prints one line per scenario from the Gatling reports of one run.
 *
 * <p>Gatling 3.13 writes simulation.log in a binary format, so this reads each report's js/stats.js
 * instead: its first "stats" block is the simulation's global figures, and because run.sh runs each
 * scenario as its own simulation, those are the scenario's figures. percentiles1/3/4 are p50/p95/p99
 * as pinned in gatling.conf.
 *
 * <p>Then, for scenarios with more than one request name, one line per request name (the report's per-request
 * blocks, in its order).
 *
 * <p>Usage: {@code java -cp target/test-classes org.socialworkshop.performance.report.Summary RESULTS_DIR SCENARIO...}
 * Exits 1 when a scenario has no report.
 */
public final class Summary {

    private static final String FORMAT = "%-16s %9s %8s %9s %8s %8s %8s%n";
    private static final String REQUEST_FORMAT = "%-64s %9s %8s %9s %8s %8s %8s%n";
    /** Each block of figures starts with its name: the global one first, then one per request name. */
    private static final Pattern BLOCK = Pattern.compile("stats:\\s*\\{\\s*\"name\"\\s*:\\s*\"([^\"]*)\"");

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Summary RESULTS_DIR SCENARIO...");
            System.exit(2);
        }
        Path results = Path.of(args[0]);
        boolean missing = false;
        StringBuilder perRequest = new StringBuilder();
        System.out.printf(FORMAT, "scenario", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms");
        for (String scenario : List.of(args).subList(1, args.length)) {
            Optional<Path> stats = statsFile(results, scenario);
            if (stats.isEmpty()) {
                System.out.printf("%-16s no report in %s (the simulation did not run or did not finish)%n", scenario, results);
                missing = true;
                continue;
            }
            String js = Files.readString(stats.get(), StandardCharsets.UTF_8);
            System.out.printf(FORMAT, scenario,
                    total(js, "numberOfRequests"), ko(js), total(js, "meanNumberOfRequestsPerSecond"),
                    total(js, "percentiles1"), total(js, "percentiles3"), total(js, "percentiles4"));
            perRequest.append(requests(scenario, js));
        }
        if (!perRequest.isEmpty()) {
            System.out.println();
            System.out.printf(REQUEST_FORMAT, "scenario: request", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms");
            System.out.print(perRequest);
        }
        System.exit(missing ? 1 : 0);
    }

    /** One line per request name of a scenario, in the report's order; none when it has only one request name. */
    private static String requests(String scenario, String js) {
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher m = BLOCK.matcher(js);
        while (m.find()) {
            starts.add(m.start());
            names.add(m.group(1));
        }
        if (starts.size() <= 2) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < starts.size(); i++) {
            String block = js.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : js.length());
            out.append(String.format(REQUEST_FORMAT, scenario + ": " + names.get(i),
                    total(block, "numberOfRequests"), ko(block), total(block, "meanNumberOfRequestsPerSecond"),
                    total(block, "percentiles1"), total(block, "percentiles3"), total(block, "percentiles4")));
        }
        return out.toString();
    }

    /** The report folder Gatling names "{simulation class, lower case}-{timestamp}", e.g. loginsimulation-20250101120000000. */
    private static Optional<Path> statsFile(Path results, String scenario) throws IOException {
        String prefix = scenario.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT) + "simulation-";
        if (!Files.isDirectory(results)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(results)) {
            List<Path> matches = dirs
                    .filter(d -> d.getFileName().toString().startsWith(prefix))
                    .map(d -> d.resolve("js/stats.js"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .collect(Collectors.toList());
            return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(matches.size() - 1));
        }
    }

    /** The first occurrence is the global block, which comes before the per-request "contents". */
    private static String total(String js, String metric) {
        return field(js, metric, "total");
    }

    private static String ko(String js) {
        return field(js, "numberOfRequests", "ko");
    }

    private static String field(String js, String metric, String column) {
        Matcher m = Pattern.compile("\"" + metric + "\"\\s*:\\s*\\{[^}]*?\"" + column + "\"\\s*:\\s*\"([^\"]*)\"").matcher(js);
        return m.find() ? m.group(1) : "?";
    }

    private Summary() {
    }
}
