package org.socialworkshop.ordering.domain;

/** An action the order's rules do not allow; the order is left as it was. */
public final class OrderRuleBroken extends RuntimeException {

    /** Which rule: callers answer a wrong move differently from a wrong amount. */
    public enum Rule {
        TRANSITION, WRONG_PAYMENT, REFUND_TOO_LARGE, INVALID
    }

    private final Rule rule;

    private OrderRuleBroken(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    static OrderRuleBroken transition(OrderStatus from, OrderStatus to) {
        return new OrderRuleBroken(Rule.TRANSITION, "An order that is " + from + " cannot become " + to + ".");
    }

    static OrderRuleBroken wrongPayment(long expected, long received) {
        return new OrderRuleBroken(Rule.WRONG_PAYMENT, "The order total is " + expected + " fen but " + received + " fen were paid.");
    }

    static OrderRuleBroken refundTooLarge(long asked, long refundable) {
        return new OrderRuleBroken(Rule.REFUND_TOO_LARGE, "A refund of " + asked + " fen exceeds the " + refundable + " fen that can still be refunded.");
    }

    static OrderRuleBroken invalid(String why) {
        return new OrderRuleBroken(Rule.INVALID, why);
    }
}
