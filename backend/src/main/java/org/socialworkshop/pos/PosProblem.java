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

    /** A return to the original tender of a sale paid by card, wallet or online, with nothing left to give back there. */
    static PosProblem originalTenderSpent() {
        return new PosProblem(HttpStatus.CONFLICT, "original-tender-spent", "Nothing left on the original tender",
                "What was paid by card, wallet or online has been given back already; pay back in cash.");
    }

    /** The payment provider did not give the money back: nothing was refunded and no receipt stored. */
    static PosProblem originalTenderRefused() {
        return new PosProblem(HttpStatus.UNPROCESSABLE_CONTENT, "original-tender-refused", "The provider refused the refund",
                "The payment provider did not give the money back to the card or wallet; nothing was refunded. Pay back in cash, "
                        + "or try again.");
    }

    /** A shift cannot close while one of its returns waits for the payment provider's answer. */
    static PosProblem returnInProgress() {
        return new PosProblem(HttpStatus.CONFLICT, "return-in-progress", "A return is being made",
                "A return of this shift is giving money back through the payment provider; send it again from the tablet, "
                        + "then close the shift.");
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

    static PosProblem unknownPayment() {
        return new PosProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "This register took no payment with this id.");
    }

    static PosProblem noCardReader() {
        return new PosProblem(HttpStatus.CONFLICT, "no-card-reader", "No card reader",
                "No card reader is set for this register; a coordinator sets its Stripe Terminal reader, or take another tender.");
    }

    static PosProblem paymentConflict() {
        return new PosProblem(HttpStatus.CONFLICT, "payment-conflict", "Another payment has this id",
                "A different payment (another sale, tender or amount) was started with this id; a payment started again must "
                        + "be started exactly as before.");
    }

    static PosProblem saleStored() {
        return new PosProblem(HttpStatus.CONFLICT, "sale-stored", "Sale already stored",
                "This sale is stored already; its payments cannot change. Return items against its receipt instead.");
    }

    static PosProblem paymentInSale() {
        return new PosProblem(HttpStatus.CONFLICT, "payment-in-sale", "Payment belongs to a stored sale",
                "This payment pays a stored sale and cannot be cancelled; return items against the sale's receipt instead.");
    }

    /** A card or wallet tender of the sale that is not a payment this sale took in full. */
    static PosProblem tenderNotPaid(String payment, String why) {
        PosProblem problem = new PosProblem(HttpStatus.CONFLICT, "tender-not-paid", "Tender not paid",
                "A card or wallet tender is not a payment this sale took: " + why + ".");
        problem.getBody().setProperty("payment", payment);
        return problem;
    }

    /** Payments the sale took that its tenders leave out: the buyer paid them, so the sale must name them. */
    static PosProblem paymentLeftOut(List<String> payments) {
        PosProblem problem = new PosProblem(HttpStatus.CONFLICT, "payment-left-out", "A payment is left out",
                "This sale took payments its tenders do not name; name every payment taken, or cancel it first.");
        problem.getBody().setProperty("payments", payments);
        return problem;
    }

    static PosProblem noPrinter() {
        return new PosProblem(HttpStatus.CONFLICT, "no-printer", "No printer",
                "No receipt printer is set for this register; print through the browser, or a coordinator sets the printer.");
    }

    static PosProblem printerUnreachable(String address) {
        PosProblem problem = new PosProblem(HttpStatus.SERVICE_UNAVAILABLE, "printer-unreachable", "Printer not reachable",
                "The receipt printer at " + address + " did not take the print: check that it is on, has paper and is on the "
                        + "network, then try again (or print through the browser).");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return problem;
    }

    static PosProblem notThisRegistersReceipt() {
        return new PosProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "This register issued no receipt with this code.");
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
