package org.socialworkshop.platform.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in, sessions that outlive an instance, CSRF, and the brake on password guessing. */
@WorkshopTest
class SessionsAndSignInTest {

    @Autowired
    WebTestClient client;

    @Test
    void signedInPersonIsKnownUntilSignedOut() {
        WebTestClient cashier = SignIn.as(client, "cashier@example.org", "workshop-cashier");
        cashier.get().uri("/api/auth/me").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo("cashier@example.org")
                .jsonPath("$.roles[0]").isEqualTo("CASHIER")
                .jsonPath("$.passwordHash").doesNotExist();
        cashier.post().uri("/api/auth/logout").exchange().expectStatus().isNoContent();
        cashier.get().uri("/api/auth/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void sessionWorksOnAnotherInstanceAndAfterARestart() {
        SignIn.Session kept;
        SignIn.Session signedOut;
        try (SecondInstance before = SecondInstance.onTestDatabase()) {
            kept = SignIn.session(before.client(), "coordinator@example.org", "workshop-coordinator");
            signedOut = SignIn.session(before.client(), "coordinator@example.org", "workshop-coordinator");
            signedOut.on(before.client()).post().uri("/api/auth/logout").exchange().expectStatus().isNoContent();
        }
        // The instance that signed them in is stopped; a freshly started one has only the database to go by.
        try (SecondInstance restarted = SecondInstance.onTestDatabase()) {
            kept.on(restarted.client()).get().uri("/api/auth/me").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.email").isEqualTo("coordinator@example.org");
            signedOut.on(restarted.client()).get().uri("/api/auth/me").exchange().expectStatus().isUnauthorized();
        }
        kept.on(client).get().uri("/api/auth/me").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo("coordinator@example.org");
        signedOut.on(client).get().uri("/api/auth/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void unsafeRequestWithSessionButWithoutCsrfTokenIsRefused() {
        WebTestClient admin = SignIn.admin(client);
        WebTestClient withoutToken = admin.mutate().defaultHeaders(headers -> headers.remove("X-XSRF-TOKEN")).build();
        withoutToken.post().uri("/api/admin/users")
                .bodyValue(Map.of("email", "nocsrf@example.org", "displayName", "x", "password", "long-enough-pw",
                        "roles", java.util.List.of("CASHIER")))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void sessionIdChangesAtSignIn() {
        ResponseCookie before = client.get().uri("/api/auth/csrf").exchange().returnResult(Void.class)
                .getResponseCookies().getFirst("XSRF-TOKEN");
        String planted = "planted-" + UUID.randomUUID();
        ResponseCookie session = client.post().uri("/api/auth/login")
                .cookie("SESSION", planted)
                .cookie("XSRF-TOKEN", before.getValue())
                .header("X-XSRF-TOKEN", before.getValue())
                .bodyValue(Map.of("email", "maker@example.org", "password", "workshop-maker"))
                .exchange()
                .expectStatus().isOk()
                .returnResult(Void.class).getResponseCookies().getFirst("SESSION");
        assertThat(session.getValue()).isNotEqualTo(planted);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
    }

    @Test
    void repeatedFailuresForOneAccountAreThrottled() {
        String email = "guess-" + UUID.randomUUID() + "@example.org";
        for (int attempt = 0; attempt < 5; attempt++) {
            client.post().uri("/api/auth/login").bodyValue(Map.of("email", email, "password", "wrong-" + attempt))
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        client.post().uri("/api/auth/login").bodyValue(Map.of("email", email, "password", "still-wrong"))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 901L))
                .expectBody().jsonPath("$.retryAfterSeconds").isNumber();
    }

    @Test
    void aBurstOfParallelGuessesGetsAtMostFivePasswordChecksAndThenNotEvenTheRightPasswordGoesIn() {
        String email = newAccount("burst");
        // The client's threads are its own: blocked on boundedElastic they would starve the server in this same JVM,
        // which checks passwords there.
        Scheduler guessers = Schedulers.fromExecutorService(java.util.concurrent.Executors.newFixedThreadPool(40));
        List<Integer> statuses;
        try {
            statuses = Flux.range(0, 40)
                    .flatMap(n -> Mono.fromCallable(() -> client.post().uri("/api/auth/login")
                            .bodyValue(Map.of("email", email, "password", "wrong-" + n)).exchange()
                            .returnResult(String.class).getStatus().value()).subscribeOn(guessers), 40)
                    .collectList().block();
        } finally {
            guessers.dispose();
        }
        long checked = statuses.stream().filter(status -> status == 401).count();
        assertThat(checked).as("statuses %s", statuses).isBetween(1L, 5L);
        assertThat(statuses).filteredOn(status -> status != 401).containsOnly(429);
        // One after another the account has the rest of its five tries; then even the right password waits.
        for (long left = 5 - checked; left > 0; left--) {
            client.post().uri("/api/auth/login").bodyValue(Map.of("email", email, "password", "wrong-again"))
                    .exchange().expectStatus().isUnauthorized();
        }
        client.post().uri("/api/auth/login").bodyValue(Map.of("email", email, "password", "the-right-password"))
                .exchange().expectStatus().isEqualTo(429);
    }

    @Test
    void anUnknownAddressTakesAsLongToRefuseAsAWrongPassword() {
        String email = newAccount("timed");
        long known = medianMillis(email);
        long unknown = medianMillis("nobody-" + UUID.randomUUID() + "@example.org");
        // bcrypt dominates both; without the stand-in check an unknown address was answered about 9 times faster.
        assertThat(unknown).isGreaterThan(known / 2);
    }

    /** A new maker account whose password is "the-right-password"; its e-mail. */
    private String newAccount(String name) {
        String email = name + "-" + UUID.randomUUID() + "@example.org";
        SignIn.admin(client).post().uri("/api/admin/users")
                .bodyValue(Map.of("email", email, "displayName", name, "password", "the-right-password", "roles", List.of("MAKER")))
                .exchange().expectStatus().isCreated();
        return email;
    }

    private long medianMillis(String email) {
        List<Long> times = new java.util.ArrayList<>();
        for (int attempt = 0; attempt < 4; attempt++) {
            long started = System.nanoTime();
            client.post().uri("/api/auth/login").bodyValue(Map.of("email", email, "password", "not-it-" + attempt))
                    .exchange().expectStatus().isUnauthorized();
            times.add((System.nanoTime() - started) / 1_000_000);
        }
        return times.stream().sorted().toList().get(times.size() / 2);
    }

    @Test
    void wrongPasswordAndUnknownAccountLookTheSame() {
        client.post().uri("/api/auth/login")
                .bodyValue(Map.of("email", "buyer@example.org", "password", "not-the-password"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("The e-mail address or password is not correct.");
        client.post().uri("/api/auth/login")
                .bodyValue(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org", "password", "whatever"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("The e-mail address or password is not correct.");
    }
}
