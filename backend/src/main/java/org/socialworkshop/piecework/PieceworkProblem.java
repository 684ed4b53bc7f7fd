package org.socialworkshop.piecework;

import java.net.URI;
import java.util.function.Supplier;

import org.socialworkshop.piecework.domain.PieceworkRuleBroken;
import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Piece-work requests that cannot be carried out as asked. Nothing changes. */
public final class PieceworkProblem extends ProblemException {

    private PieceworkProblem(HttpStatus status, String type, String title, String detail) {
        super(status, title, detail);
        getBody().setType(URI.create("https://social-workshop.org/problems/" + type));
    }

    static PieceworkProblem notFound(String what) {
        return new PieceworkProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no " + what + " with this id.");
    }

    static PieceworkProblem notWaiting() {
        return new PieceworkProblem(HttpStatus.CONFLICT, "not-waiting", "Already checked",
                "This work record has already been checked or declined.");
    }

    static PieceworkProblem noMakerAccount() {
        return new PieceworkProblem(HttpStatus.FORBIDDEN, "no-maker", "Not a maker's account",
                "This account is not linked to a maker; ask a coordinator to link it.");
    }

    /** A plan that gives makers more pieces of an operation than the order needs: each such operation, needed and planned. */
    static PieceworkProblem planExceedsNeeded(java.util.List<java.util.Map<String, Object>> operations) {
        PieceworkProblem problem = new PieceworkProblem(HttpStatus.UNPROCESSABLE_CONTENT, "plan-exceeds-needed", "More pieces than needed",
                "The pieces given to makers add up to more than the order needs for some operations; see operations.");
        problem.getBody().setProperty("operations", operations);
        return problem;
    }

    static PieceworkProblem of(PieceworkRuleBroken broken) {
        return switch (broken.rule()) {
            case OVERDRAWN -> new PieceworkProblem(HttpStatus.UNPROCESSABLE_CONTENT, "overdrawn", "More than is owed", broken.getMessage());
            case NO_RATE -> new PieceworkProblem(HttpStatus.UNPROCESSABLE_CONTENT, "no-rate", "No piece rate", broken.getMessage());
            case BAD_CHECK -> new PieceworkProblem(HttpStatus.UNPROCESSABLE_CONTENT, "bad-check", "Check does not add up", broken.getMessage());
            case UNBALANCED, INVALID -> new PieceworkProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "Not allowed", broken.getMessage());
        };
    }

    /** Runs a domain rule, answering a broken rule as a problem. */
    static <T> T ruled(Supplier<T> rule) {
        try {
            return rule.get();
        } catch (PieceworkRuleBroken broken) {
            throw of(broken);
        }
    }
}
