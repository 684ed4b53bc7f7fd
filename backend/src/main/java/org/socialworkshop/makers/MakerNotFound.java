package org.socialworkshop.makers;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public final class MakerNotFound extends ErrorResponseException {

    private MakerNotFound() {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such maker."), null);
        getBody().setTitle("Maker not found");
    }

    static MakerNotFound forId(MakerId id) {
        return new MakerNotFound();
    }
}
