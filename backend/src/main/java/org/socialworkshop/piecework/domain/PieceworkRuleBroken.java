package org.socialworkshop.piecework.domain;

/** An action the rules of piece-work pay do not allow; nothing changes. */
public final class PieceworkRuleBroken extends RuntimeException {

    /** Which rule, so that callers can answer a missing rate differently from an overdrawn balance. */
    public enum Rule {
        UNBALANCED, NO_RATE, BAD_CHECK, OVERDRAWN, INVALID
    }

    private final Rule rule;

    PieceworkRuleBroken(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
