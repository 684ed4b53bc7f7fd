package org.socialworkshop.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialworkshop.support.ChildApp;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.SignIn;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default set-up a newcomer gets: with no DATABASE_URL the application runs its own PostgreSQL, keeps the
 * data across restarts, commits durably, and a second instance on the same directory stops without harm.
 */
class EmbeddedDatabaseTest {

    /** A real (non-demo) installation keeps these tests about the database, and fast. */
    static final String ADMIN = "owner@workshop.example";
    static final String ADMIN_PASSWORD = "an-owner-password";

    @TempDir
    Path data;

    @Test
    void keepsDataAcrossRestartsAndRefusesASecondInstance() {
        String[] settings = {"workshop.database.data-dir=" + data.resolve("postgres"), "workshop.demo-data=false",
                "workshop.first-admin.email=" + ADMIN, "workshop.first-admin.password=" + ADMIN_PASSWORD};
        String email = "kept-" + UUID.randomUUID() + "@example.org";
        try (SecondInstance first = SecondInstance.start(settings)) {
            assertThat(first.bean(DatabaseServer.class).isEmbedded()).isTrue();
            assertThat(setting(first, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(first, "fsync")).isEqualTo("on");
            SignIn.as(first.client(), ADMIN, ADMIN_PASSWORD).post().uri("/api/admin/users")
                    .bodyValue(Map.of("email", email, "displayName", "Kept", "password", "long-enough-pw",
                            "roles", List.of("MAKER")))
                    .exchange().expectStatus().isCreated();

            assertThatThrownBy(() -> SecondInstance.start(settings))
                    .rootCause().isInstanceOf(DataDirectoryInUse.class)
                    .hasMessageContaining(data.resolve("postgres").toString());
            // The first instance and its server are untouched by the refused one.
            SignIn.as(first.client(), email, "long-enough-pw").get().uri("/api/auth/me").exchange().expectStatus().isOk();
        }
        assertThat(data.resolve("postgres").resolve("postmaster.pid")).doesNotExist();

        try (SecondInstance restarted = SecondInstance.start(settings)) {
            SignIn.as(restarted.client(), email, "long-enough-pw").get().uri("/api/auth/me").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.email").isEqualTo(email);
        }
        assertThat(Files.exists(data.resolve("postgres").resolve("PG_VERSION"))).isTrue();
    }

    @Test
    void recoversAfterTheApplicationWasKilled() throws Exception {
        ChildApp killed = ChildApp.start(data.resolve("postgres"), freePort(), ADMIN, ADMIN_PASSWORD);
        String email = "survivor-" + UUID.randomUUID() + "@example.org";
        try {
            killed.awaitReady();
            SignIn.as(killed.client(), ADMIN, ADMIN_PASSWORD).post().uri("/api/admin/users")
                    .bodyValue(Map.of("email", email, "displayName", "Survivor", "password", "long-enough-pw",
                            "roles", List.of("MAKER")))
                    .exchange().expectStatus().isCreated();
        } finally {
            killed.kill();
        }

        // SIGKILL left the application's PostgreSQL running on the directory; the next start must cope.
        try (SecondInstance restarted = SecondInstance.start("workshop.database.data-dir=" + data.resolve("postgres"),
                "workshop.demo-data=false")) {
            SignIn.as(restarted.client(), email, "long-enough-pw").get().uri("/api/auth/me").exchange()
                    .expectStatus().isOk();
        }
    }

    @Test
    void startsPostgresAgainWhenItIsKilledAndAnswers503MeanwhileNever500WithHealthDownThenUp() throws Exception {
        String[] settings = {"workshop.database.data-dir=" + data.resolve("postgres"), "workshop.demo-data=false",
                "workshop.first-admin.email=" + ADMIN, "workshop.first-admin.password=" + ADMIN_PASSWORD};
        String email = "healed-" + UUID.randomUUID() + "@example.org";
        try (SecondInstance app = SecondInstance.start(settings)) {
            SignIn.as(app.client(), ADMIN, ADMIN_PASSWORD).post().uri("/api/admin/users")
                    .bodyValue(Map.of("email", email, "displayName", "Healed", "password", "long-enough-pw", "roles", List.of("MAKER")))
                    .exchange().expectStatus().isCreated();
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            long killed = System.nanoTime();

            List<Integer> statuses = new java.util.ArrayList<>();
            List<String> retryAfter = new java.util.ArrayList<>();
            List<Integer> health = new java.util.ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
                health.add(app.client().get().uri("/actuator/health").exchange().returnResult(String.class).getStatus().value());
                var answer = app.client().get().uri("/api/products?q=heal-" + statuses.size()).exchange().returnResult(String.class);
                statuses.add(answer.getStatus().value());
                if (answer.getStatus().value() == 503) {
                    retryAfter.add(answer.getResponseHeaders().getFirst("Retry-After"));
                }
                return answer.getStatus().value() == 200;
            });
            Duration down = Duration.ofNanos(System.nanoTime() - killed);

            assertThat(statuses).as("answers while PostgreSQL was down").doesNotContain(500).contains(503);
            assertThat(retryAfter).allSatisfy(value -> assertThat(value).isEqualTo("5"));
            assertThat(down).isLessThan(Duration.ofSeconds(20));
            SignIn.as(app.client(), email, "long-enough-pw").get().uri("/api/auth/me").exchange().expectStatus().isOk();
            assertThat(health).as("health while PostgreSQL was down and being started again").contains(503);
            Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() ->
                    app.client().get().uri("/actuator/health").exchange().returnResult(String.class).getStatus().is2xxSuccessful());
        }
    }

    @Test
    void explainsASecondStartInPlainWords() {
        FailureAnalysis analysis = new DataDirectoryInUseFailureAnalyzer()
                .analyze(new IllegalStateException(DataDirectoryInUse.at(data)));
        assertThat(analysis.getDescription()).contains("in use by another running instance").contains("Nothing was changed");
        assertThat(analysis.getAction()).contains("DATA_DIR").contains("DATABASE_URL");
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String setting(SecondInstance instance, String name) {
        return instance.bean(Database.class).sql("SELECT current_setting('" + name + "') AS value")
                .map(row -> row.get("value", String.class)).one()
                .toFuture().join();
    }

}
