package org.socialworkshop.piecework.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One balanced ledger transaction: its reason, its source (e.g. {@code work-record:{id}}), the day it counts for,
 * a unique idempotency key, and postings that add up to zero. Entries are never changed: a correction is a
 * {@link #reversal reversing entry} plus a new one.
 */
public record LedgerEntry(UUID id, Reason reason, String source, LocalDate day, String idempotencyKey, List<Posting> postings,
        String memo, @Nullable UUID reverses) {

    public LedgerEntry {
        Objects.requireNonNull(reason, "reason");
        postings = List.copyOf(postings);
        if (postings.size() < 2) {
            throw new PieceworkRuleBroken(PieceworkRuleBroken.Rule.UNBALANCED, "A transaction needs at least two postings.");
        }
        long sum = postings.stream().mapToLong(Posting::amount).reduce(0, Math::addExact);
        if (sum != 0) {
            throw new PieceworkRuleBroken(PieceworkRuleBroken.Rule.UNBALANCED, "Postings must add up to zero, not " + sum + " fen.");
        }
        if (idempotencyKey.isBlank() || source.isBlank()) {
            throw new PieceworkRuleBroken(PieceworkRuleBroken.Rule.INVALID, "A transaction needs a source and an idempotency key.");
        }
        if ((reason == Reason.REVERSAL) != (reverses != null)) {
            throw new PieceworkRuleBroken(PieceworkRuleBroken.Rule.INVALID, "Only a reversal names the entry it reverses, and it must.");
        }
    }

    /** Money owed to a maker moves from a workshop account to the maker's (negative amounts take it back). */
    public static LedgerEntry toMaker(Reason reason, String source, LocalDate day, String key, UUID maker, Account from, long amount,
            String memo) {
        return new LedgerEntry(UUID.randomUUID(), reason, source, day, key,
                List.of(new Posting(Account.maker(maker), amount), new Posting(from, Math.negateExact(amount))), memo, null);
    }

    /** The entry that undoes this one, on {@code day}, with who and why in its memo. */
    public LedgerEntry reversal(LocalDate day, String why) {
        if (reason == Reason.REVERSAL) {
            throw new PieceworkRuleBroken(PieceworkRuleBroken.Rule.INVALID, "A reversal is corrected by a new entry, not reversed again.");
        }
        return new LedgerEntry(UUID.randomUUID(), Reason.REVERSAL, "ledger:" + id, day, "reversal:" + id,
                postings.stream().map(Posting::negated).toList(), why, id);
    }

    /** What this entry changes on an account. */
    public long effectOn(Account account) {
        return postings.stream().filter(posting -> posting.account().equals(account)).mapToLong(Posting::amount).sum();
    }
}
