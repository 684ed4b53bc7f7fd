package org.socialworkshop.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Input that passed the request's own validation but is wrong against stored data (an unknown category, an
 * image that does not exist): a 400 problem with the same {@code errors} list as bean validation gives.
 */
public final class InvalidInput extends ProblemException {

    private InvalidInput(List<Problems.FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are not valid; see errors.");
        Problems.withFieldErrors(getBody(), errors);
    }

    public static InvalidInput field(String field, String message) {
        return new InvalidInput(List.of(new Problems.FieldError(field, message)));
    }

    /** Several fields at once, so a form can mark all of them in one round trip. */
    public static InvalidInput fields(List<Problems.FieldError> errors) {
        return new InvalidInput(errors);
    }
}
