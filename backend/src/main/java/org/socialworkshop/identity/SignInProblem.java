package org.socialworkshop.identity;

import java.time.Duration;

import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Why a sign-in was refused, as a problem response. */
final class SignInProblem extends ProblemException {

    private SignInProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static SignInProblem badCredentials() {
        return new SignInProblem(HttpStatus.UNAUTHORIZED, "Sign-in failed", "The e-mail address or password is not correct.");
    }

    static SignInProblem wrongPin() {
        return new SignInProblem(HttpStatus.UNAUTHORIZED, "Sign-in failed", "The PIN is not correct for this person.");
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
}
