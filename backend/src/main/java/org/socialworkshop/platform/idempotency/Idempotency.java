package org.socialworkshop.platform.idempotency;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.database.ChangeFeed;
import org.socialworkshop.platform.database.Database;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} contract for any endpoint that creates something; the endpoint wraps its work:
 * <pre>{@code
 * return idempotency.execute(exchange, key, body,
 *         () -> users.create(body).map(user -> ResponseEntity.created(uri).body(user)));
 * }</pre>
 * <ul>
 * <li>First use of a key: the key is claimed (committed, so other instances see it), then the work and the
 *     recording of its response run in <em>one</em> transaction: either both happen or neither.</li>
 * <li>Same key, same body, finished: the first response is replayed byte for byte; nothing runs again.</li>
 * <li>Same key, different body: 422.</li>
 * <li>Same key while the first is still running: the second waits briefly for the answer and replays it;
 *     if the first is still not done, 409 with {@code Retry-After}.</li>
 * <li>If the work fails, the claim is released and the error returned, so the client may retry.
 *     A claim names the instance that runs it; once that instance has stopped, crashed or been killed, the next
 *     retry takes the claim over at once ({@link ChangeFeed#instance}). A claim whose instance still runs but has
 *     not finished in {@code abandon-after} is taken over too.</li>
 * </ul>
 * Records are kept for 24 hours (see {@code Housekeeping}). See docs/adr/0005-idempotency.md.
 *
 * <p>Work that calls another system between its transactions (checkout opens a payment page between reserving
 * stock and storing the order) uses {@link #executeInSteps}: its steps commit on their own, so no row stays locked
 * while the other system answers, and its last step records the response through the {@link Completion} it is given,
 * in that step's transaction: what the work did and the answer a retry gets commit together.
 */
@Component
public class Idempotency {

    static final Duration RETENTION = Duration.ofHours(24);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final String REPLAYED = "Idempotent-Replayed";

    private final Database db;
    private final JsonMapper json;
    private final ChangeFeed instances;
    private final Duration waitForRunning;
    private final Duration abandonAfter;

    Idempotency(Database db, JsonMapper json, ChangeFeed instances,
            @Value("${workshop.idempotency.wait-for-running:5s}") Duration waitForRunning,
            @Value("${workshop.idempotency.abandon-after:2m}") Duration abandonAfter) {
        this.db = db;
        this.instances = instances;
        this.json = json;
        this.waitForRunning = waitForRunning;
        this.abandonAfter = abandonAfter;
    }

    /**
     * Runs {@code work} at most once per {@code Idempotency-Key} of the signed-in caller (or guest) for this
     * method and path; {@code body} is the parsed request body, fingerprinted to catch a reused key.
     */
    public <T> Mono<ResponseEntity<byte[]>> execute(ServerWebExchange exchange, @Nullable String key, Object body,
            Supplier<Mono<ResponseEntity<T>>> work) {
        return request(exchange, key, body).flatMap(request -> execute(request, work));
    }

    /**
     * As {@link #execute(ServerWebExchange, String, Object, Supplier)}, for work that runs its own transactions: it is
     * not wrapped in one, and it hands its response to the {@link Completion} inside the transaction of its last step,
     * so that a crash can never leave that step committed without the answer its retry must replay.
     */
    public <T> Mono<ResponseEntity<byte[]>> executeInSteps(ServerWebExchange exchange, @Nullable String key, Object body,
            Function<Completion, Mono<ResponseEntity<T>>> work) {
        return request(exchange, key, body).flatMap(request -> executeInSteps(request, work));
    }

    /**
     * Records the response of work run in steps. Called inside the transaction of the work's last step; when the
     * request carries no key, it records nothing.
     */
    @FunctionalInterface
    public interface Completion {

        Mono<Void> record(ResponseEntity<?> response);
    }

    private Mono<IdempotentRequest> request(ServerWebExchange exchange, @Nullable String key, Object body) {
        return exchange.getPrincipal().map(Principal::getName).map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(principal -> IdempotentRequest.of(exchange, principal.orElse(null), key, body, json));
    }

    /** Runs {@code work} at most once per key of {@code request}, in one transaction with the record of its response. */
    <T> Mono<ResponseEntity<byte[]>> execute(IdempotentRequest request, Supplier<Mono<ResponseEntity<T>>> work) {
        if (!request.hasKey()) {
            return db.inTransaction(() -> work.get().map(this::asJson));
        }
        return once(request, () -> db.inTransaction(() -> work.get().map(this::asJson).flatMap(response -> record(request, response)))
                .onErrorResume(error -> release(request).then(Mono.error(error))));
    }

    /** As {@link #execute(IdempotentRequest, Supplier)}, for work whose last step records its response. */
    <T> Mono<ResponseEntity<byte[]>> executeInSteps(IdempotentRequest request, Function<Completion, Mono<ResponseEntity<T>>> work) {
        if (!request.hasKey()) {
            return db.detach(() -> work.apply(response -> Mono.empty()).map(this::asJson));
        }
        // Work that ends without handing over its response (a path with no last transaction) is recorded afterwards.
        AtomicBoolean recorded = new AtomicBoolean();
        Completion completion = response -> record(request, asJson(response)).doOnSuccess(done -> recorded.set(true)).then();
        return once(request, () -> Mono.defer(() -> work.apply(completion)).map(this::asJson)
                .flatMap(response -> recorded.get() ? Mono.just(response) : record(request, response))
                .onErrorResume(error -> release(request).then(Mono.error(error))));
    }

    /**
     * Runs {@code run} (work and record, or release on failure) if this request claims its key, else answers from the
     * record of whoever claimed it. Claiming, working and recording (or releasing) run to their end even if the client
     * goes away in between; a claim left behind would answer the client's retries with 409 until its owner is gone.
     */
    private Mono<ResponseEntity<byte[]>> once(IdempotentRequest request, Supplier<Mono<ResponseEntity<byte[]>>> run) {
        if (!VALID_KEY.matcher(request.key()).matches()) {
            return Mono.error(IdempotencyProblem.invalidKey());
        }
        Mono<Optional<ResponseEntity<byte[]>>> ranHere = db.detach(() -> claim(request).flatMap(claimed -> claimed
                ? run.get().map(Optional::of)
                : Mono.just(Optional.<ResponseEntity<byte[]>>empty())));
        return ranHere.flatMap(response -> response.map(Mono::just).orElseGet(() -> answerFromRecord(request)));
    }

    private Mono<Boolean> claim(IdempotentRequest request) {
        return db.sql("""
                        INSERT INTO idempotency_keys (scope, key, request_hash, state, owner) VALUES (:scope, :key, :hash, 'RUNNING', :owner)
                        ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash, state = 'RUNNING',
                            owner = excluded.owner, created_at = now(), completed_at = NULL, response_status = NULL,
                            response_body = NULL, response_location = NULL
                        WHERE (idempotency_keys.state = 'RUNNING' AND (NOT %s
                                OR idempotency_keys.created_at < now() - :abandon * interval '1 second'))
                           OR idempotency_keys.created_at < now() - :retention * interval '1 second'""".formatted(
                        ChangeFeed.ownerAlive("idempotency_keys.owner")))
                .bind("owner", instances.instance())
                .bind("scope", request.scope())
                .bind("key", request.key())
                .bind("hash", request.fingerprint())
                .bind("abandon", abandonAfter.toSeconds())
                .bind("retention", RETENTION.toSeconds())
                .update()
                .map(rows -> rows == 1);
    }

    private Mono<ResponseEntity<byte[]>> record(IdempotentRequest request, ResponseEntity<byte[]> response) {
        URI location = response.getHeaders().getLocation();
        return db.sql("""
                        UPDATE idempotency_keys SET state = 'DONE', completed_at = now(), response_status = :status,
                            response_body = :body, response_location = :location
                        WHERE scope = :scope AND key = :key""")
                .bind("status", response.getStatusCode().value())
                .bind("body", response.getBody() == null ? new byte[0] : response.getBody())
                .bindNullable("location", location == null ? null : location.toString(), String.class)
                .bind("scope", request.scope())
                .bind("key", request.key())
                .update()
                .thenReturn(response);
    }

    private Mono<Void> release(IdempotentRequest request) {
        return db.sql("DELETE FROM idempotency_keys WHERE scope = :scope AND key = :key AND state = 'RUNNING'")
                .bind("scope", request.scope())
                .bind("key", request.key())
                .update()
                .then();
    }

    private Mono<ResponseEntity<byte[]>> answerFromRecord(IdempotentRequest request) {
        Duration poll = Duration.ofMillis(50);
        long polls = Math.max(1, waitForRunning.toMillis() / poll.toMillis());
        return load(request)
                .switchIfEmpty(Mono.error(new StillRunning()))
                .flatMap(record -> {
                    if (!record.hash().equals(request.fingerprint())) {
                        return Mono.error(IdempotencyProblem.reusedWithDifferentBody());
                    }
                    return record.response() == null ? Mono.error(new StillRunning()) : Mono.just(record.response());
                })
                .retryWhen(Retry.fixedDelay(polls, poll).filter(StillRunning.class::isInstance))
                .onErrorMap(reactor.core.Exceptions::isRetryExhausted,
                        error -> IdempotencyProblem.stillRunning(Duration.ofSeconds(1)));
    }

    private Mono<Stored> load(IdempotentRequest request) {
        return db.sql("""
                        SELECT request_hash, state, response_status, response_body, response_location
                        FROM idempotency_keys WHERE scope = :scope AND key = :key""")
                .bind("scope", request.scope())
                .bind("key", request.key())
                .map(Idempotency::stored)
                .one();
    }

    private static Stored stored(Readable row) {
        if (!"DONE".equals(row.get("state", String.class))) {
            return new Stored(row.get("request_hash", String.class), null);
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(row.get("response_status", Integer.class))
                .contentType(MediaType.APPLICATION_JSON)
                .header(REPLAYED, "true");
        String location = row.get("response_location", String.class);
        if (location != null) {
            response.header(HttpHeaders.LOCATION, location);
        }
        return new Stored(row.get("request_hash", String.class), response.body(row.get("response_body", byte[].class)));
    }

    private <T> ResponseEntity<byte[]> asJson(ResponseEntity<T> response) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        headers.setContentType(MediaType.APPLICATION_JSON);
        byte[] body = response.getBody() == null ? new byte[0] : json.writeValueAsBytes(response.getBody());
        return new ResponseEntity<>(body, headers, response.getStatusCode());
    }

    private record Stored(String hash, @Nullable ResponseEntity<byte[]> response) {
    }

    /** Internal signal for "the first request has not finished yet"; never leaves this class. */
    private static final class StillRunning extends RuntimeException {
        StillRunning() {
            super(null, null, false, false);
        }
    }
}
