package org.socialworkshop.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of the exceptions modules throw for requests that cannot be carried out as sent: each carries its status,
 * a short title and a detail for the person or program that sent the request, and is answered as an RFC 9457
 * problem by {@code ProblemAdvice} without any per-module mapping.
 */
public abstract class ProblemException extends ErrorResponseException {

    protected ProblemException(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
