package org.socialworkshop.identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An account with this e-mail address exists already. */
public final class EmailTaken extends ErrorResponseException {

    private EmailTaken(String email) {
        super(HttpStatus.CONFLICT, problem(email), null);
    }

    static EmailTaken forEmail(String email) {
        return new EmailTaken(email);
    }

    private static ProblemDetail problem(String email) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "An account with the e-mail address " + email + " exists already.");
        problem.setTitle("E-mail address taken");
        return problem;
    }
}
