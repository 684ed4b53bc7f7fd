package org.socialworkshop.piecework.domain;

import java.util.Objects;

/**
 * One line of a ledger transaction: an amount in fen on an account. Positive on a maker's account means the
 * workshop owes the maker more; every transaction's postings add up to zero.
 */
public record Posting(Account account, long amount) {

    public Posting {
        Objects.requireNonNull(account, "account");
        if (amount == 0) {
            throw new PieceworkRuleBroken(PieceworkRuleBroken.Rule.INVALID, "A posting of zero fen says nothing.");
        }
    }

    public Posting negated() {
        return new Posting(account, Math.negateExact(amount));
    }
}
