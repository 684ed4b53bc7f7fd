package org.socialworkshop.piecework.domain;

import java.time.LocalDate;
import java.util.Collection;

/** A balance is the sum of the postings on an account, up to any day: it is never stored apart from them. */
public final class Balances {

    private Balances() {
    }

    /** The balance of {@code account} after everything booked on or before {@code asOf}. */
    public static long of(Collection<LedgerEntry> entries, Account account, LocalDate asOf) {
        return entries.stream().filter(entry -> !entry.day().isAfter(asOf)).mapToLong(entry -> entry.effectOn(account))
                .reduce(0, Math::addExact);
    }
}
