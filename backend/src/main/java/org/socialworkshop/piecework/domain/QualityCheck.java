package org.socialworkshop.piecework.domain;

import org.jspecify.annotations.Nullable;

/**
 * The check of a work record: every piece is accepted or rejected, rejections need a reason, and only accepted
 * pieces earn.
 */
public record QualityCheck(int pieces, int accepted, int rejected, @Nullable String reason) {

    public QualityCheck {
        if (pieces < 1 || accepted < 0 || rejected < 0 || accepted + rejected != pieces) {
            throw new PieceworkRuleBroken(PieceworkRuleBroken.Rule.BAD_CHECK,
                    "Accepted and rejected pieces must add up to the " + pieces + " pieces made.");
        }
        if (rejected > 0 && (reason == null || reason.isBlank())) {
            throw new PieceworkRuleBroken(PieceworkRuleBroken.Rule.BAD_CHECK, "Say why pieces were rejected.");
        }
    }

    /** Earnings in fen at {@code rate} fen a piece. */
    public long earnings(long rate) {
        return Math.multiplyExact((long) accepted, rate);
    }
}
