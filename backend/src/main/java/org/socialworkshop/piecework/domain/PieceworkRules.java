package org.socialworkshop.piecework.domain;

/** Rule failures found outside a single domain object (e.g. by looking at the ledger). */
public final class PieceworkRules {

    private PieceworkRules() {
    }

    public static PieceworkRuleBroken alreadyCorrected() {
        return new PieceworkRuleBroken(PieceworkRuleBroken.Rule.INVALID, "This entry has already been corrected.");
    }
}
