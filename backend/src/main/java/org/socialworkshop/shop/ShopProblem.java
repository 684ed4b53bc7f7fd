package org.socialworkshop.shop;

import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Requests about the shop's identity that cannot be carried out as sent. */
public final class ShopProblem extends ProblemException {

    private ShopProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static ShopProblem changedMeanwhile(int current) {
        ShopProblem problem = new ShopProblem(HttpStatus.CONFLICT, "Changed meanwhile",
                "Someone else saved the shop's details since you read them; read them again (version " + current + ") and redo your change.");
        problem.getBody().setProperty("currentVersion", current);
        return problem;
    }

    static ShopProblem starting() {
        ShopProblem problem = new ShopProblem(HttpStatus.SERVICE_UNAVAILABLE, "Starting",
                "The shop's details are still being read; try again in a moment.");
        problem.getHeaders().set("Retry-After", "1");
        return problem;
    }
}
