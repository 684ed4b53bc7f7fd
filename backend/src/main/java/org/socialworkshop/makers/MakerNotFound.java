package org.socialworkshop.makers;

import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

public final class MakerNotFound extends ProblemException {

    private MakerNotFound() {
        super(HttpStatus.NOT_FOUND, "Maker not found", "There is no such maker.");
    }

    static MakerNotFound forId(MakerId id) {
        return new MakerNotFound();
    }
}
