package org.socialworkshop.platform.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialworkshop.platform.database.ChangeFeed;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.TestPostgres;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Idempotency-Key contract, over HTTP on the account endpoint where a client sees it, and on the
 * {@link Idempotency} class itself where timing has to be controlled.
 */
@WorkshopTest
class IdempotencyTest {

    private static final String REPLAYED = "Idempotent-Replayed";

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient anonymous;

    @Autowired
    Database db;

    @Autowired
    JsonMapper json;

    @Autowired
    ChangeFeed feed;

    SignIn.Session cookies;
    WebTestClient admin;

    @BeforeEach
    void signIn() {
        cookies = SignIn.adminSession(anonymous);
        admin = cookies.on(anonymous);
    }

    @Test
    void twentyParallelRetriesWithOneKeyCreateOneAccountAndAllGetTheSameAnswer() {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = account(email, "Parallel retries");
        // One TCP connection per request, so all twenty really are in flight at once.
        WebClient client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port)
                .defaultCookie("SESSION", cookies.session())
                .defaultCookie("XSRF-TOKEN", cookies.csrf())
                .defaultHeader("X-XSRF-TOKEN", cookies.csrf())
                .build();

        List<ResponseEntity<byte[]>> responses = Flux.range(0, 20)
                .flatMap(i -> client.post().uri("/api/admin/users")
                        .header(IdempotentRequest.HEADER, key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchangeToMono(response -> response.toEntity(byte[].class)), 20)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(responses).hasSize(20)
                .allSatisfy(response -> assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED));
        byte[] first = responses.get(0).getBody();
        assertThat(responses).as("byte-identical bodies")
                .allSatisfy(response -> assertThat(response.getBody()).isEqualTo(first));
        assertThat(responses).extracting(response -> response.getHeaders().getLocation()).containsOnly(
                responses.get(0).getHeaders().getLocation());
        assertThat(responses).filteredOn(response -> "true".equals(response.getHeaders().getFirst(REPLAYED)))
                .as("all but the one that ran are replays").hasSize(19);
        assertThat(json.readTree(first).get("email").asString()).isEqualTo(email);
        assertThat(usersWithEmail(email)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        create(key, account(uniqueEmail(), "First body")).expectStatus().isCreated();
        String otherEmail = uniqueEmail();

        create(key, account(otherEmail, "Second body")).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Idempotency-Key reused");
        assertThat(usersWithEmail(otherEmail)).isZero();
    }

    @Test
    void aRequestWhileTheFirstIsStillRunningWaitsBrieflyThenGetsConflictWithRetryAfter() {
        Idempotency impatient = new Idempotency(db, json, feed, Duration.ofMillis(200), Duration.ofMinutes(2));
        Idempotency patient = new Idempotency(db, json, feed, Duration.ofSeconds(10), Duration.ofMinutes(2));
        IdempotentRequest request = new IdempotentRequest("idempotency-test", UUID.randomUUID().toString(), "fingerprint");
        Sinks.Empty<Void> finish = Sinks.empty();
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<ResponseEntity<byte[]>> first = impatient.execute(request, () -> {
            runs.incrementAndGet();
            return finish.asMono().thenReturn(ResponseEntity.ok(Map.of("answer", 42)));
        }).toFuture();
        await("the first request holds the key").atMost(Duration.ofSeconds(5))
                .until(() -> stateOf(request), "RUNNING"::equals);

        StepVerifier.create(impatient.execute(request, () -> {
                    runs.incrementAndGet();
                    return Mono.just(ResponseEntity.ok(Map.of("answer", 0)));
                }))
                .expectErrorSatisfies(error -> {
                    ErrorResponse problem = (ErrorResponse) error;
                    assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
                })
                .verify(Duration.ofSeconds(5));

        StepVerifier.create(patient.execute(request, () -> {
                    runs.incrementAndGet();
                    return Mono.just(ResponseEntity.ok(Map.of("answer", 0)));
                }))
                .then(finish::tryEmitEmpty)
                .assertNext(replay -> {
                    assertThat(replay.getHeaders().getFirst(REPLAYED)).isEqualTo("true");
                    assertThat(new String(replay.getBody())).isEqualTo("{\"answer\":42}");
                })
                .verifyComplete();
        assertThat(first).succeedsWithin(Duration.ofSeconds(5))
                .satisfies(response -> assertThat(new String(response.getBody())).isEqualTo("{\"answer\":42}"));
        assertThat(runs).as("only the first request ran").hasValue(1);
    }

    @Test
    void aClaimLeftByAnInstanceThatDiedIsTakenOverByTheNextRetryAtOnce() throws Exception {
        Idempotency impatient = new Idempotency(db, json, feed, Duration.ofMillis(200), Duration.ofMinutes(2));
        IdempotentRequest request = new IdempotentRequest("idempotency-test", UUID.randomUUID().toString(), "fingerprint");
        int other = 1 + new java.util.Random().nextInt(Integer.MAX_VALUE - 1);
        // Another instance, as PostgreSQL sees one: a session holding its liveness lock, which has claimed the key.
        java.sql.Connection otherInstance = java.sql.DriverManager.getConnection(TestPostgres.jdbcUrl());
        try (java.sql.Statement statement = otherInstance.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(22277, " + other + ")");
        }
        db.sql("INSERT INTO idempotency_keys (scope, key, request_hash, state, owner) VALUES (:scope, :key, 'fingerprint', 'RUNNING', :owner)")
                .bind("scope", request.scope()).bind("key", request.key()).bind("owner", other).update().block();
        AtomicInteger runs = new AtomicInteger();
        Supplier<Mono<ResponseEntity<Map<String, Integer>>>> work = () -> {
            runs.incrementAndGet();
            return Mono.just(ResponseEntity.ok(Map.of("answer", 7)));
        };

        StepVerifier.create(impatient.execute(request, work))
                .expectErrorSatisfies(error -> assertThat(((ErrorResponse) error).getStatusCode()).isEqualTo(HttpStatus.CONFLICT))
                .verify(Duration.ofSeconds(5));
        assertThat(runs).as("the claim of a running instance is respected").hasValue(0);

        otherInstance.close(); // as when the instance is killed: its connections end, and its lock with them
        await("the retry runs as soon as the owner is gone").atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(new String(impatient.execute(request, work).block().getBody())).isEqualTo("{\"answer\":7}"));
        assertThat(runs).hasValue(1);
        assertThat(stateOf(request)).isEqualTo("DONE");
    }

    @Test
    void withoutAKeyEveryRequestRunsAgain() {
        Map<String, Object> body = account(uniqueEmail(), "No key");
        admin.post().uri("/api/admin/users").bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectHeader().doesNotExist(REPLAYED);
        // Run again, not replayed: the same e-mail now exists.
        admin.post().uri("/api/admin/users").bodyValue(body).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().doesNotExist(REPLAYED)
                .expectBody().jsonPath("$.title").isEqualTo("E-mail address taken");

        String first = uniqueEmail();
        String second = uniqueEmail();
        admin.post().uri("/api/admin/users").bodyValue(account(first, "No key")).exchange().expectStatus().isCreated();
        admin.post().uri("/api/admin/users").bodyValue(account(second, "No key")).exchange().expectStatus().isCreated();
        assertThat(usersWithEmail(first) + usersWithEmail(second)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"contains spaces", "tab\tinside"})
    void anInvalidKeyIsABadRequest(String key) {
        String email = uniqueEmail();
        create(key, account(email, "Invalid key")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Invalid Idempotency-Key");
        assertThat(usersWithEmail(email)).isZero();
    }

    @Test
    void aKeyLongerThan255CharactersIsABadRequest() {
        String email = uniqueEmail();
        create("k".repeat(300), account(email, "Long key")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(usersWithEmail(email)).isZero();
        create("k".repeat(255), account(email, "Longest key")).expectStatus().isCreated();
    }

    @Test
    void aFailedRequestReleasesItsKeySoTheRetrySucceeds() {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = account(email, "Retried after a failure");
        admin.post().uri("/api/admin/users").bodyValue(account(email, "Holds the address")).exchange()
                .expectStatus().isCreated();

        create(key, body).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        assertThat(keysNamed(key)).as("the failure is not recorded").isZero();

        // The cause goes away (the address is freed), and the client retries with the same key and body.
        db.inTransaction(() -> db.sql("DELETE FROM user_roles WHERE user_id = (SELECT id FROM users WHERE email = :email)")
                .bind("email", email).update()
                .then(db.sql("DELETE FROM users WHERE email = :email").bind("email", email).update())).block();
        create(key, body).expectStatus().isCreated()
                .expectHeader().doesNotExist(REPLAYED)
                .expectBody().jsonPath("$.displayName").isEqualTo("Retried after a failure");
        create(key, body).expectStatus().isCreated().expectHeader().valueEquals(REPLAYED, "true");
    }

    @Test
    void aFailingOperationReleasesTheKey() {
        Idempotency idempotency = new Idempotency(db, json, feed, Duration.ofSeconds(1), Duration.ofMinutes(2));
        IdempotentRequest request = new IdempotentRequest("idempotency-test", UUID.randomUUID().toString(), "fingerprint");
        AtomicInteger runs = new AtomicInteger();

        StepVerifier.create(idempotency.execute(request, () -> runs.incrementAndGet() == 1
                        ? Mono.<ResponseEntity<Map<String, Integer>>>error(new IllegalStateException("downstream down"))
                        : Mono.just(ResponseEntity.ok(Map.of("run", runs.get())))))
                .expectErrorMessage("downstream down")
                .verify(Duration.ofSeconds(5));
        assertThat(stateOf(request)).as("no record left behind").isNull();

        StepVerifier.create(idempotency.execute(request, () -> Mono.just(ResponseEntity.ok(Map.of("run", runs.incrementAndGet())))))
                .assertNext(response -> assertThat(new String(response.getBody())).isEqualTo("{\"run\":2}"))
                .verifyComplete();
    }

    @Test
    void workInStepsCommitsItsAnswerWithItsLastStepSoARetryAfterAFailureThereReplaysIt() {
        Idempotency idempotency = new Idempotency(db, json, feed, Duration.ofSeconds(1), Duration.ofMinutes(2));
        IdempotentRequest request = new IdempotentRequest("idempotency-test", UUID.randomUUID().toString(), "fingerprint");
        AtomicInteger runs = new AtomicInteger();
        // The last step commits with its answer; then the answer never reaches the client (as when the app is killed).
        StepVerifier.create(idempotency.executeInSteps(request, completion -> db.inTransaction(() -> completion
                                .record(ResponseEntity.status(HttpStatus.CREATED).body(Map.of("run", runs.incrementAndGet()))))
                        .then(Mono.<ResponseEntity<Map<String, Integer>>>error(new IllegalStateException("cut off after the commit")))))
                .expectErrorMessage("cut off after the commit")
                .verify(Duration.ofSeconds(5));

        StepVerifier.create(idempotency.executeInSteps(request, completion -> Mono.just(ResponseEntity.ok(Map.of("run", runs.incrementAndGet())))))
                .assertNext(response -> {
                    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
                    assertThat(new String(response.getBody())).isEqualTo("{\"run\":1}");
                    assertThat(response.getHeaders().getFirst(REPLAYED)).isEqualTo("true");
                })
                .verifyComplete();
        assertThat(runs).as("the work ran once").hasValue(1);
    }

    @Test
    void workInStepsWhoseLastStepRollsBackLeavesNoAnswerBehind() {
        Idempotency idempotency = new Idempotency(db, json, feed, Duration.ofSeconds(1), Duration.ofMinutes(2));
        IdempotentRequest request = new IdempotentRequest("idempotency-test", UUID.randomUUID().toString(), "fingerprint");
        StepVerifier.create(idempotency.executeInSteps(request, completion -> db.inTransaction(() -> completion
                        .record(ResponseEntity.status(HttpStatus.CREATED).body(Map.of("run", 1)))
                        .then(Mono.<ResponseEntity<Map<String, Integer>>>error(new IllegalStateException("the step failed"))))))
                .expectErrorMessage("the step failed")
                .verify(Duration.ofSeconds(5));
        assertThat(stateOf(request)).as("no record left behind, so a retry runs the work").isNull();
    }

    @Test
    void aClientThatGoesAwayWhileItsRequestFailsStillReleasesTheKey() {
        Idempotency idempotency = new Idempotency(db, json, feed, Duration.ofSeconds(1), Duration.ofMinutes(2));
        IdempotentRequest request = new IdempotentRequest("idempotency-test", UUID.randomUUID().toString(), "fingerprint");
        Sinks.Empty<Void> fail = Sinks.empty();
        Disposable client = idempotency.execute(request, () -> fail.asMono()
                        .then(Mono.<ResponseEntity<Map<String, Integer>>>error(new IllegalStateException("downstream down"))))
                .subscribe(response -> { }, error -> { });
        await("the request holds the key").atMost(Duration.ofSeconds(5))
                .until(() -> stateOf(request), "RUNNING"::equals);

        client.dispose();
        fail.tryEmitEmpty();

        await("the key is released, so a retry may run").atMost(Duration.ofSeconds(5))
                .until(() -> keysNamed(request.key()), records -> records == 0);
    }

    @Test
    void recordsAreKeptForTwentyFourHoursAndNoLonger() {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = account(email, "Kept a day");
        create(key, body).expectStatus().isCreated();

        ageKey(key, Duration.ofHours(23));
        create(key, body).expectStatus().isCreated().expectHeader().valueEquals(REPLAYED, "true");

        ageKey(key, Duration.ofHours(25));
        // Not held against a new body any more: the key is free for a new request.
        String newEmail = uniqueEmail();
        create(key, account(newEmail, "A day later")).expectStatus().isCreated().expectHeader().doesNotExist(REPLAYED);
        assertThat(usersWithEmail(newEmail)).isEqualTo(1);

        ageKey(key, Duration.ofHours(25));
        // Nor replayed: the first body runs again, and the address it would create exists by now.
        create(key, body).expectStatus().isEqualTo(HttpStatus.CONFLICT).expectHeader().doesNotExist(REPLAYED);
    }

    private WebTestClient.ResponseSpec create(String key, Map<String, Object> body) {
        return admin.post().uri("/api/admin/users").header(IdempotentRequest.HEADER, key).bodyValue(body).exchange();
    }

    private static Map<String, Object> account(String email, String displayName) {
        return Map.of("email", email, "displayName", displayName, "password", "idempotency-test-password",
                "roles", List.of("CASHIER"));
    }

    private static String uniqueEmail() {
        return "idempotency-" + UUID.randomUUID() + "@example.org";
    }

    private long usersWithEmail(String email) {
        return db.sql("SELECT count(*) AS n FROM users WHERE email = :email").bind("email", email)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private long keysNamed(String key) {
        return db.sql("SELECT count(*) AS n FROM idempotency_keys WHERE key = :key").bind("key", key)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private String stateOf(IdempotentRequest request) {
        return db.sql("SELECT state FROM idempotency_keys WHERE scope = :scope AND key = :key")
                .bind("scope", request.scope()).bind("key", request.key())
                .map(row -> row.get("state", String.class)).one().block();
    }

    private void ageKey(String key, Duration age) {
        db.sql("UPDATE idempotency_keys SET created_at = now() - :seconds * interval '1 second' WHERE key = :key")
                .bind("seconds", age.toSeconds()).bind("key", key).update().block();
    }
}
