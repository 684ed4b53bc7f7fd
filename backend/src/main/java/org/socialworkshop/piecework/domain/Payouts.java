package org.socialworkshop.piecework.domain;

import java.time.LocalDate;
import java.util.UUID;

/** Paying makers out, and making earnings up to the minimum wage. */
public final class Payouts {

    private Payouts() {
    }

    /** A payout of {@code amount} fen from a balance of {@code balance} fen: never more than is owed. */
    public static LedgerEntry payout(UUID maker, long balance, long amount, LocalDate day, String key, String memo) {
        if (amount <= 0) {
            throw new PieceworkRuleBroken(PieceworkRuleBroken.Rule.INVALID, "A payout must be a positive amount.");
        }
        if (amount > balance) {
            throw new PieceworkRuleBroken(PieceworkRuleBroken.Rule.OVERDRAWN,
                    "A payout of " + amount + " fen is more than the " + balance + " fen owed.");
        }
        return LedgerEntry.toMaker(Reason.PAYOUT, "payout:" + key, day, key, maker, Account.PAYOUTS, Math.negateExact(amount), memo);
    }

    /**
     * What makes a month's earnings up to the minimum wage for the hours worked: {@code hours × hourly − earned},
     * or nothing when the earnings are enough. Hours are in minutes to stay in whole numbers.
     */
    public static long topUp(long earned, long minutesWorked, long hourlyFen) {
        long minimum = Math.multiplyExact(minutesWorked, hourlyFen) / 60;
        return Math.max(0, minimum - earned);
    }
}
