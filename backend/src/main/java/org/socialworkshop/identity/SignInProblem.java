package org.socialworkshop.identity;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Why a sign-in was refused, as a problem response. */
final class SignInProblem extends ErrorResponseException {

    private SignInProblem(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    static SignInProblem badCredentials() {
        return new SignInProblem(HttpStatus.UNAUTHORIZED, "Sign-in failed", "The e-mail address or password is not correct.");
    }

    static SignInProblem notSignedIn() {
        return new SignInProblem(HttpStatus.UNAUTHORIZED, "Not signed in", "Nobody is signed in with this session.");
    }

    static SignInProblem tooManyAttempts(Duration wait) {
        SignInProblem problem = new SignInProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts",
                "Too many failed sign-ins. Try again in " + wait.toSeconds() + " seconds.");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds()));
        problem.getBody().setProperty("retryAfterSeconds", wait.toSeconds());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
