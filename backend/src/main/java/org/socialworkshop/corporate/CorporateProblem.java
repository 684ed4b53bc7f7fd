package org.socialworkshop.corporate;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.socialworkshop.platform.web.ProblemException;
import org.socialworkshop.shared.Money;
import org.springframework.http.HttpStatus;

/** Corporate requests that cannot be carried out as asked. Nothing changes. */
final class CorporateProblem extends ProblemException {

    private CorporateProblem(HttpStatus status, String type, String title, String detail) {
        super(status, title, detail);
        getBody().setType(URI.create("https://social-workshop.org/problems/" + type));
    }

    /** No such company, or (to a buyer) none of theirs: the two look the same from outside. */
    static CorporateProblem unknownCompany() {
        return new CorporateProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no company with this id.");
    }

    static CorporateProblem unknownEnquiry() {
        return new CorporateProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no enquiry with this id.");
    }

    static CorporateProblem unknownLocation() {
        return new CorporateProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "The company has no such delivery location.");
    }

    static CorporateProblem noCompany() {
        return new CorporateProblem(HttpStatus.NOT_FOUND, "no-company", "No company yet",
                "This account buys for no company yet; a coordinator adds buyers to their company.");
    }

    static CorporateProblem creditCodeTaken() {
        return new CorporateProblem(HttpStatus.CONFLICT, "credit-code-taken", "Company already registered",
                "A company with this unified social credit code is registered already.");
    }

    static CorporateProblem enquiryHandled() {
        return new CorporateProblem(HttpStatus.CONFLICT, "enquiry-handled", "Enquiry handled already",
                "This enquiry was registered as a company or declined already.");
    }

    static CorporateProblem buyerOfAnotherCompany() {
        return new CorporateProblem(HttpStatus.CONFLICT, "buyer-of-another-company", "Buyer of another company",
                "This account buys for another company; an account buys for one company only.");
    }

    static CorporateProblem notABuyerAccount() {
        return new CorporateProblem(HttpStatus.CONFLICT, "not-a-buyer-account", "Not a buyer's account",
                "An account with this e-mail exists and is not a corporate buyer's; use another address.");
    }

    static CorporateProblem tooManyEnquiries(int limit) {
        return new CorporateProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-enquiries", "Too many enquiries",
                "This network sent " + limit + " enquiries in the last hour; a coordinator will answer those. Try again later.");
    }

    static CorporateProblem unknownQuote() {
        return new CorporateProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no quote with this id.");
    }

    /** Lines that miss their product's minimum or multiple: each priced, with what it misses. */
    static CorporateProblem linesBreakTerms(CorporatePrices.Priced priced) {
        CorporateProblem problem = new CorporateProblem(HttpStatus.UNPROCESSABLE_CONTENT, "lines-break-terms", "Quantities outside the terms",
                "Some lines miss their product's minimum quantity or are not a multiple of its multiple; see lines.");
        problem.getBody().setProperty("lines", priced.lines().stream().filter(line -> !line.issues().isEmpty())
                .map(line -> java.util.Map.of("variantId", line.variantId().value(), "quantity", line.quantity(),
                        "terms", line.terms(), "issues", line.issues())).toList());
        return problem;
    }

    static CorporateProblem quoteClosed() {
        return new CorporateProblem(HttpStatus.CONFLICT, "quote-closed", "Quote closed",
                "This quote was accepted or declined already.");
    }

    static CorporateProblem quoteNotSent() {
        return new CorporateProblem(HttpStatus.CONFLICT, "quote-not-sent", "No quote sent yet",
                "There is no version of this quote waiting for an answer; a coordinator is pricing it.");
    }

    static CorporateProblem versionSuperseded(int current) {
        CorporateProblem problem = new CorporateProblem(HttpStatus.CONFLICT, "quote-version-superseded", "A newer version was sent",
                "This version was replaced by version " + current + "; read it, and accept that one.");
        problem.getBody().setProperty("currentVersion", current);
        return problem;
    }

    static CorporateProblem quoteExpired(java.time.LocalDate validUntil) {
        CorporateProblem problem = new CorporateProblem(HttpStatus.CONFLICT, "quote-expired", "Quote expired",
                "This version was valid until " + validUntil + "; ask for changes to have it priced again.");
        problem.getBody().setProperty("validUntil", validUntil.toString());
        return problem;
    }

    static CorporateProblem productGone() {
        return new CorporateProblem(HttpStatus.CONFLICT, "product-gone", "A product is no longer sold",
                "A product of this quote is no longer in the catalog; ask for changes.");
    }

    static CorporateProblem unknownOrder() {
        return new CorporateProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no company's order with this id.");
    }

    static CorporateProblem notAwaitingPayment() {
        return new CorporateProblem(HttpStatus.CONFLICT, "not-awaiting-payment", "Not waiting for payment",
                "This order is paid already, or cancelled.");
    }

    static CorporateProblem moreThanOwed(Money owed) {
        CorporateProblem problem = new CorporateProblem(HttpStatus.UNPROCESSABLE_CONTENT, "more-than-owed", "More than is owed",
                "What is still owed for this order is " + owed.decimal() + "; a transfer is recorded for at most that.");
        problem.getBody().setProperty("owed", owed);
        return problem;
    }

    static CorporateProblem instalmentPaid() {
        return new CorporateProblem(HttpStatus.CONFLICT, "instalment-paid", "Already paid",
                "This instalment is paid; there is nothing to invoice.");
    }

    static CorporateProblem invoiceOpen() {
        return new CorporateProblem(HttpStatus.CONFLICT, "invoice-open", "An invoice is open",
                "An invoice for this instalment is open; the buyer pays that one (or it is voided at the provider first).");
    }

    static CorporateProblem unknownInstalment() {
        return new CorporateProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "The order has no instalment with this number.");
    }

    static CorporateProblem unknownDelivery() {
        return new CorporateProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "This order has no delivery with this id.");
    }

    /** A delivery of more pieces than are still to deliver of some lines: each with what was ordered and delivered. */
    static CorporateProblem overDelivery(List<DeliveredPieces.Over> over) {
        CorporateProblem problem = new CorporateProblem(HttpStatus.UNPROCESSABLE_CONTENT, "over-delivery", "More than is left to deliver",
                "Some lines would be delivered beyond what was ordered; see lines for what is left of each.");
        problem.getBody().setProperty("lines", over.stream().map(line -> Map.of("lineId", line.lineId(), "ordered", line.ordered(),
                "delivered", line.delivered(), "outstanding", line.outstanding(), "pieces", line.pieces())).toList());
        return problem;
    }

    static CorporateProblem orderClosed() {
        return new CorporateProblem(HttpStatus.CONFLICT, "order-closed", "Order closed",
                "This order was cancelled or refunded in full; nothing more is delivered for it.");
    }
}
