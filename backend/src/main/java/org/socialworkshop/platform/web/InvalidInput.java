package org.socialworkshop.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Input that passed the request's own validation but is wrong against stored data (an unknown category, an
 * image that does not exist): a 400 problem with the same {@code errors} list as bean validation gives.
 */
public final class InvalidInput extends ErrorResponseException {

    private InvalidInput(List<Problems.FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
    }

    public static InvalidInput field(String field, String message) {
        return new InvalidInput(List.of(new Problems.FieldError(field, message)));
    }

    private static ProblemDetail problem(List<Problems.FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid; see errors.");
        problem.setTitle("Invalid request");
        return Problems.withFieldErrors(problem, errors);
    }
}
