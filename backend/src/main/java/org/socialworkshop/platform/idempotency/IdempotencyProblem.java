package org.socialworkshop.platform.idempotency;

import java.time.Duration;

import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A request whose Idempotency-Key cannot be honoured as sent. */
public final class IdempotencyProblem extends ProblemException {

    private IdempotencyProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static IdempotencyProblem invalidKey() {
        return new IdempotencyProblem(HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key",
                "The Idempotency-Key header must be 1 to 255 visible ASCII characters, e.g. a UUID.");
    }

    static IdempotencyProblem reusedWithDifferentBody() {
        return new IdempotencyProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
                "This Idempotency-Key was already used with a different request body. Use a new key for a new request.");
    }

    static IdempotencyProblem stillRunning(Duration retryAfter) {
        IdempotencyProblem problem = new IdempotencyProblem(HttpStatus.CONFLICT, "Request still in progress",
                "A request with this Idempotency-Key is still being processed. Retry shortly to get its result.");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
        return problem;
    }
}
