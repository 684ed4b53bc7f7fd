package org.socialworkshop.inventory;

import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Stock requests that cannot be carried out as asked. Nothing changes. */
public final class StockProblem extends ProblemException {

    private StockProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static StockProblem insufficient(String location) {
        return new StockProblem(HttpStatus.CONFLICT, "Not enough stock",
                "There are not enough units at " + location + " for this; stock never goes below zero.");
    }

    static StockProblem notTracked() {
        return new StockProblem(HttpStatus.BAD_REQUEST, "Stock not tracked",
                "This product is made to order; its stock is not counted.");
    }

    static StockProblem unknownVariant() {
        return new StockProblem(HttpStatus.BAD_REQUEST, "Unknown variant", "There is no variant with this id.");
    }

    static StockProblem unknownLocation(String location) {
        return new StockProblem(HttpStatus.BAD_REQUEST, "Unknown location", "There is no stock location " + location + ".");
    }

    static StockProblem reservationNotHeld() {
        return new StockProblem(HttpStatus.CONFLICT, "Reservation not held",
                "This reservation has already been confirmed, released or has expired.");
    }
}
