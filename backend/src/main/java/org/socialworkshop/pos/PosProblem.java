package org.socialworkshop.pos;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** POS requests that cannot be carried out as asked. Nothing changes. */
final class PosProblem extends ProblemException {

    private PosProblem(HttpStatus status, String type, String title, String detail) {
        super(status, title, detail);
        getBody().setType(URI.create("https://social-workshop.org/problems/" + type));
    }

    static PosProblem unknownRegister() {
        return new PosProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no POS register with this id.");
    }

    static PosProblem unknownDevice() {
        return new PosProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no paired tablet with this id.");
    }

    static PosProblem registerTaken() {
        return new PosProblem(HttpStatus.CONFLICT, "register-id-taken", "Register id taken",
                "A register (or the online shop's or corporate desk's receipt series) already has this id; choose another.");
    }

    static PosProblem alreadyPaired() {
        return new PosProblem(HttpStatus.CONFLICT, "register-paired", "A tablet is paired already",
                "This register has a paired tablet, which signs its receipts; revoke that tablet first to pair another.");
    }

    static PosProblem wrongCode() {
        return new PosProblem(HttpStatus.UNPROCESSABLE_CONTENT, "pairing-code-wrong", "Pairing code wrong or expired",
                "This pairing code is wrong, used, or older than 10 minutes; ask a coordinator for a new one.");
    }

    static PosProblem keyNotProven() {
        return new PosProblem(HttpStatus.UNPROCESSABLE_CONTENT, "pairing-key-not-proven", "Key not proven",
                "The proof is not an Ed25519 signature of \"pair:\" and the code by the public key sent with it.");
    }

    static PosProblem notPaired() {
        return new PosProblem(HttpStatus.UNAUTHORIZED, "device-not-paired", "Tablet not paired",
                "This browser is not a paired POS tablet, or its pairing was revoked; pair it with a code from a coordinator.");
    }

    static PosProblem notSignedInHere() {
        return new PosProblem(HttpStatus.UNAUTHORIZED, "not-signed-in-here", "Sign in at this tablet",
                "Only a cashier signed in at this tablet with their PIN may do this.");
    }

    static PosProblem shiftOpen() {
        return new PosProblem(HttpStatus.CONFLICT, "shift-open", "A shift is open",
                "This register has an open shift; close it before opening another.");
    }

    static PosProblem noShift() {
        return new PosProblem(HttpStatus.CONFLICT, "no-open-shift", "No open shift",
                "This register has no open shift; open one with the counted float first.");
    }

    static PosProblem moreThanTheDrawerHolds() {
        return new PosProblem(HttpStatus.UNPROCESSABLE_CONTENT, "more-than-the-drawer-holds", "More than the drawer holds",
                "Paying out this much would leave less than nothing in the drawer, by the shift's own count.");
    }

    static PosProblem saleConflict() {
        return new PosProblem(HttpStatus.CONFLICT, "sale-conflict", "Another sale has this id",
                "A different sale was stored with this client id; a sale sent again must be sent exactly as before.");
    }

    static PosProblem unknownReceipt() {
        return new PosProblem(HttpStatus.NOT_FOUND, "not-found", "Receipt not found",
                "No receipt has this code or number; scan the receipt's QR code, or type its number as printed (e.g. CAFE-1-42).");
    }

    static PosProblem notASale() {
        return new PosProblem(HttpStatus.UNPROCESSABLE_CONTENT, "not-a-sale-receipt", "Not a sale receipt",
                "This is a refund receipt; a return is made against the receipt of the sale.");
    }

    /** Lines (by id) that are not lines of the original receipt's order. */
    static PosProblem notOnTheReceipt(List<String> lineIds) {
        PosProblem problem = new PosProblem(HttpStatus.UNPROCESSABLE_CONTENT, "not-on-the-receipt", "Not on the receipt",
                "Some of the lines returned are not lines of the original receipt; look it up again.");
        problem.getBody().setProperty("lineIds", lineIds);
        return problem;
    }

    /** What may still be returned of each line of the receipt, when more was asked. */
    static PosProblem beyondWhatIsLeft(List<Map<String, Object>> left) {
        PosProblem problem = new PosProblem(HttpStatus.CONFLICT, "return-beyond-what-is-left", "More than is left to return",
                "Some lines were returned or refunded already; see left for what may still be returned of each line.");
        problem.getBody().setProperty("left", left);
        return problem;
    }

    static PosProblem originalTenderNotYet() {
        return new PosProblem(HttpStatus.CONFLICT, "original-tender-not-yet", "Card refunds come later",
                "This sale was paid by card or wallet; card refunds at the counter come with card tenders. Refund in cash, "
                        + "or from the staff area.");
    }

    static PosProblem cashBeyondTheDrawer() {
        return new PosProblem(HttpStatus.UNPROCESSABLE_CONTENT, "more-than-the-drawer-holds", "More than the drawer holds",
                "Paying this back in cash would leave less than nothing in the drawer, by the shift's own count.");
    }

    static PosProblem returnConflict() {
        return new PosProblem(HttpStatus.CONFLICT, "return-conflict", "Another return has this id",
                "A different return was stored with this client id; a return sent again must be sent exactly as before.");
    }

    /** Variants (by id) that are unknown, no longer sold, or not sold at the counter. */
    static PosProblem notSoldHere(List<String> variants) {
        PosProblem problem = new PosProblem(HttpStatus.UNPROCESSABLE_CONTENT, "not-sold-here", "Not sold at the counter",
                "Some of the items are not sold at the counter (any more); load the catalog again.");
        problem.getBody().setProperty("variants", variants);
        return problem;
    }

    static PosProblem tenderNotTotal() {
        return new PosProblem(HttpStatus.UNPROCESSABLE_CONTENT, "tender-not-total", "Tender is not the total",
                "The tenders must add up to the sale's total.");
    }

    static PosProblem notEnoughCash() {
        return new PosProblem(HttpStatus.UNPROCESSABLE_CONTENT, "not-enough-cash", "Not enough cash given",
                "The cash given is less than the amount it pays.");
    }

    static PosProblem unknownPriceList() {
        return new PosProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-price-list", "No such price list",
                "The price list chosen for this sale does not exist or is no longer used; load the catalog again.");
    }

    /** The options of line {@code line} (from 0) do not fit the product's modifier groups. */
    static PosProblem optionsInvalid(int line, String why) {
        PosProblem problem = new PosProblem(HttpStatus.UNPROCESSABLE_CONTENT, "options-invalid", "Options do not fit",
                "Line " + (line + 1) + ": " + why + ".");
        problem.getBody().setProperty("line", line);
        return problem;
    }

    static PosProblem discountInvalid(int line) {
        PosProblem problem = new PosProblem(HttpStatus.UNPROCESSABLE_CONTENT, "discount-invalid", "Discount too large",
                "Line " + (line + 1) + ": a discount must leave something to pay.");
        problem.getBody().setProperty("line", line);
        return problem;
    }

    static PosProblem discountNotAllowed(int upTo) {
        PosProblem problem = new PosProblem(HttpStatus.FORBIDDEN, "discount-not-allowed", "Discount not allowed",
                upTo == 0 ? "This cashier may not give discounts; a coordinator can allow it."
                        : "This cashier may take off at most " + upTo + "% of a line.");
        problem.getBody().setProperty("discountUpTo", upTo);
        return problem;
    }

    static PosProblem unknownReport() {
        return new PosProblem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No shift report has this code; a report printed by the workshop always has one.");
    }

    static PosProblem unknownTicket() {
        return new PosProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no ticket with this id.");
    }

    static PosProblem tooManyTries(Duration wait) {
        PosProblem problem = new PosProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many attempts",
                "Too many wrong pairing codes from here. Try again in " + wait.toSeconds() + " seconds.");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds()));
        problem.getBody().setProperty("retryAfterSeconds", wait.toSeconds());
        return problem;
    }
}
