package org.socialworkshop.ordering;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.ordering.domain.OrderRuleBroken;
import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Cart, checkout and order requests that cannot be carried out as asked. Nothing changes. */
public final class OrderingProblem extends ProblemException {

    private OrderingProblem(HttpStatus status, String type, String title, String detail) {
        super(status, title, detail);
        getBody().setType(URI.create("https://social-workshop.org/problems/" + type));
    }

    /** One item a problem is about, e.g. what is left of something out of stock. */
    public record Item(String variantId, String name, @Nullable Long available) {
    }

    private OrderingProblem withItems(List<Item> items) {
        getBody().setProperty("items", items);
        return this;
    }

    static OrderingProblem unknownCart() {
        return new OrderingProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no cart with this id.");
    }

    static OrderingProblem unknownOrder() {
        return new OrderingProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no order with this id, or the link is not complete.");
    }

    static OrderingProblem cartCheckedOut() {
        return new OrderingProblem(HttpStatus.CONFLICT, "cart-checked-out", "Cart already checked out",
                "This cart became an order already; start a new cart to buy more.");
    }

    static OrderingProblem cartEmpty() {
        return new OrderingProblem(HttpStatus.UNPROCESSABLE_CONTENT, "cart-empty", "Cart is empty", "Add something to the cart first.");
    }

    static OrderingProblem notPurchasable(List<Item> items) {
        return new OrderingProblem(HttpStatus.UNPROCESSABLE_CONTENT, "not-purchasable", "Not for sale online",
                "Some items are no longer sold in the online shop; remove them from the cart.").withItems(items);
    }

    /** Items asked in a larger quantity than an online order may hold; {@code available} is that largest quantity. */
    static OrderingProblem tooManyUnits(List<Item> items) {
        return new OrderingProblem(HttpStatus.UNPROCESSABLE_CONTENT, "too-many-units", "Too many of one item",
                "An online order may hold only so many of one item; see items for the most.")
                .withItems(items);
    }

    /**
     * A refund "as it was paid" of an order paid (in part) by a bank transfer or an invoice: no provider can send it back
     * as one payment.
     */
    static OrderingProblem paidByTransfer() {
        return new OrderingProblem(HttpStatus.CONFLICT, "paid-by-transfer", "Paid by bank transfer or invoice",
                "This order was paid by a bank transfer or an invoice, which no payment provider gives back as it was paid; make "
                        + "the transfer back and record the refund as BANK_TRANSFER.");
    }

    static OrderingProblem tooManyUnpaid(int limit) {
        return new OrderingProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-unpaid", "Too many unpaid orders",
                "This e-mail address already has " + limit + " orders waiting for payment. Pay one of them, or wait until "
                        + "an unpaid one is cancelled at the end of its payment window.");
    }

    static OrderingProblem tooManyUnpaidFromAddress(int limit) {
        return new OrderingProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-unpaid-from-address", "Too many unpaid orders",
                "This network already has " + limit + " orders waiting for payment. Pay one of them, or wait until "
                        + "an unpaid one is cancelled at the end of its payment window.");
    }

    static OrderingProblem outOfStock(List<Item> items) {
        return new OrderingProblem(HttpStatus.CONFLICT, "out-of-stock", "Not enough stock",
                "Some items are not available in the quantity asked; see items for what is left.").withItems(items);
    }

    static OrderingProblem paymentUnavailable() {
        return new OrderingProblem(HttpStatus.SERVICE_UNAVAILABLE, "payment-unavailable", "Payment unavailable",
                "The payment service could not be reached. Nothing was ordered and nothing was charged; please try again in a moment.");
    }

    static OrderingProblem notPayable() {
        return new OrderingProblem(HttpStatus.CONFLICT, "not-payable", "Order cannot be paid",
                "This order is not waiting for payment, or its time to pay has run out.");
    }

    static OrderingProblem notPaid() {
        return new OrderingProblem(HttpStatus.CONFLICT, "not-paid", "Order not paid", "Only paid orders can be refunded or fulfilled.");
    }

    static OrderingProblem wrongStage(String detail) {
        return new OrderingProblem(HttpStatus.CONFLICT, "wrong-stage", "Not possible now", detail);
    }

    /** A domain rule refused the action: a wrong move is a conflict, a wrong amount unprocessable. */
    static OrderingProblem of(OrderRuleBroken broken) {
        return switch (broken.rule()) {
            case TRANSITION -> new OrderingProblem(HttpStatus.CONFLICT, "wrong-status", "Not possible in this status", broken.getMessage());
            case REFUND_TOO_LARGE -> new OrderingProblem(HttpStatus.UNPROCESSABLE_CONTENT, "refund-too-large", "Refund too large", broken.getMessage());
            case WRONG_PAYMENT, INVALID -> new OrderingProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "Not allowed", broken.getMessage());
        };
    }
}
