package org.socialworkshop.identity;

import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** An account with this e-mail address exists already. */
public final class EmailTaken extends ProblemException {

    private EmailTaken(String email) {
        super(HttpStatus.CONFLICT, "E-mail address taken", "An account with the e-mail address " + email + " exists already.");
    }

    static EmailTaken forEmail(String email) {
        return new EmailTaken(email);
    }
}
