package org.socialworkshop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.socialworkshop.WorkshopApplication;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The application in a JVM of its own, on its embedded PostgreSQL in {@code dataDir}, as a newcomer starts it: for
 * tests that kill it. Its output is appended to {@code app.log} beside the data, and shown when it does not come up.
 */
public final class ChildApp {

    private final Process process;
    private final Path log;
    private final int port;

    private ChildApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the application (no demo data, the given first admin) on {@code port}. */
    public static ChildApp start(Path dataDir, int port, String adminEmail, String adminPassword) {
        Path log = dataDir.resolveSibling("app.log");
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), WorkshopApplication.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        java.environment().putAll(Map.of("DATA_DIR", dataDir.toString(), "PORT", String.valueOf(port),
                "DEMO_DATA", "false", "ADMIN_EMAIL", adminEmail, "ADMIN_PASSWORD", adminPassword));
        java.environment().remove("DATABASE_URL");
        try {
            return new ChildApp(java.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }

    /** Waits until it is ready; fails at once, with its log, if it exits, and with its log after two minutes. */
    public ChildApp awaitReady() {
        WebTestClient client = client();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .failFast("the application exited", () -> !process.isAlive())
                    .until(() -> client.get().uri("/actuator/health/readiness").exchange().returnResult(String.class)
                            .getStatus().is2xxSuccessful());
        } catch (ConditionTimeoutException | org.awaitility.core.TerminalFailureException notReady) {
            throw new AssertionError(notReady.getMessage() + "; its log ends:\n" + tail(), notReady);
        }
        return this;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@code kill -9}. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** A clean stop (SIGTERM), then a kill if it takes longer than a minute. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Duration.ofMinutes(1).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
