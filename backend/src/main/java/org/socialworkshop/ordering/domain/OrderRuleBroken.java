package org.socialworkshop.ordering.domain;

/** An action the order's rules do not allow; the order is left as it was. */
public final class OrderRuleBroken extends RuntimeException {

    private OrderRuleBroken(String message) {
        super(message);
    }

    static OrderRuleBroken transition(OrderStatus from, OrderStatus to) {
        return new OrderRuleBroken("An order that is " + from + " cannot become " + to + ".");
    }

    static OrderRuleBroken wrongPayment(long expected, long received) {
        return new OrderRuleBroken("The order total is " + expected + " fen but " + received + " fen were paid.");
    }

    static OrderRuleBroken refundTooLarge(long asked, long refundable) {
        return new OrderRuleBroken("A refund of " + asked + " fen exceeds the " + refundable + " fen that can still be refunded.");
    }

    static OrderRuleBroken invalid(String why) {
        return new OrderRuleBroken(why);
    }
}
