package org.socialworkshop.piecework.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Random months of work records, sales, refunds, corrections and payouts for a few makers: every transaction
 * balances, balances rebuilt from the entries equal the running balances, no payout exceeds a balance, and work
 * is paid at the rate in force on its day.
 */
class LedgerPropertiesTest {

    static final List<UUID> MAKERS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final RateSchedule WEAVING = new RateSchedule(Map.of(START, 150L, START.plusDays(40), 180L, START.plusDays(90), 200L));

    /** One thing that happens on a day. */
    sealed interface Event permits Work, Share, Correction, Payout {
    }

    record Work(int maker, int day, int pieces, int rejected) implements Event {
    }

    record Share(int maker, int day, long amount) implements Event {
    }

    record Correction(int which, int day) implements Event {
    }

    record Payout(int maker, int day, long amount) implements Event {
    }

    @Provide
    Arbitrary<List<Event>> months() {
        Arbitrary<Integer> maker = Arbitraries.integers().between(0, MAKERS.size() - 1);
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 120);
        Arbitrary<Event> work = Combinators.combine(maker, day, Arbitraries.integers().between(1, 40), Arbitraries.integers().between(0, 5))
                .as((m, d, pieces, rejected) -> new Work(m, d, pieces + rejected, rejected));
        Arbitrary<Event> share = Combinators.combine(maker, day, Arbitraries.longs().between(-2_000, 5_000).filter(a -> a != 0))
                .as(Share::new);
        Arbitrary<Event> correction = Combinators.combine(Arbitraries.integers().between(0, 200), day).as(Correction::new);
        Arbitrary<Event> payout = Combinators.combine(maker, day, Arbitraries.longs().between(1, 20_000)).as(Payout::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, work), net.jqwik.api.Tuple.of(2, share),
                net.jqwik.api.Tuple.of(1, correction), net.jqwik.api.Tuple.of(2, payout)).list().ofMaxSize(80);
    }

    @Property(tries = 300)
    void everyEntryBalancesAndReplayedBalancesEqualRunningOnes(@ForAll("months") List<Event> events) {
        List<LedgerEntry> ledger = new ArrayList<>();
        Map<UUID, Long> running = new HashMap<>();
        for (Event event : events) {
            LedgerEntry entry = null;
            if (event instanceof Work work) {
                LocalDate day = START.plusDays(work.day());
                QualityCheck check = new QualityCheck(work.pieces(), work.pieces() - work.rejected(), work.rejected(),
                        work.rejected() > 0 ? "loose threads" : null);
                long amount = check.earnings(WEAVING.rateOn(day));
                if (amount > 0) {
                    entry = LedgerEntry.toMaker(Reason.WORK, "work-record:" + UUID.randomUUID(), day, UUID.randomUUID().toString(),
                            MAKERS.get(work.maker()), Account.PIECEWORK, amount, "weaving");
                }
            } else if (event instanceof Share share) {
                entry = LedgerEntry.toMaker(share.amount() > 0 ? Reason.SALE_SHARE : Reason.REFUND_SHARE,
                        "order:" + UUID.randomUUID(), START.plusDays(share.day()), UUID.randomUUID().toString(),
                        MAKERS.get(share.maker()), Account.REVENUE_SHARE, share.amount(), "share");
            } else if (event instanceof Correction correction) {
                List<LedgerEntry> reversible = ledger.stream()
                        .filter(e -> e.reason() != Reason.REVERSAL && e.reason() != Reason.PAYOUT).toList();
                if (!reversible.isEmpty()) {
                    entry = reversible.get(correction.which() % reversible.size()).reversal(START.plusDays(correction.day()), "wrong maker");
                }
            } else if (event instanceof Payout payout) {
                UUID maker = MAKERS.get(payout.maker());
                long balance = running.getOrDefault(maker, 0L);
                if (payout.amount() > balance) {
                    assertThatThrownBy(() -> Payouts.payout(maker, balance, payout.amount(), START, "k", "m"))
                            .isInstanceOf(PieceworkRuleBroken.class);
                } else {
                    entry = Payouts.payout(maker, balance, payout.amount(), START.plusDays(payout.day()), UUID.randomUUID().toString(), "bank");
                }
            }
            if (entry != null) {
                assertThat(entry.postings().stream().mapToLong(Posting::amount).sum()).isZero();
                ledger.add(entry);
                for (Posting posting : entry.postings()) {
                    if (posting.account().maker() != null) {
                        running.merge(posting.account().maker(), posting.amount(), Long::sum);
                    }
                }
            }
        }
        LocalDate end = START.plusDays(200);
        for (UUID maker : MAKERS) {
            assertThat(Balances.of(ledger, Account.maker(maker), end)).isEqualTo(running.getOrDefault(maker, 0L));
        }
        long workshop = Balances.of(ledger, Account.PIECEWORK, end) + Balances.of(ledger, Account.REVENUE_SHARE, end)
                + Balances.of(ledger, Account.PAYOUTS, end);
        long makers = MAKERS.stream().mapToLong(maker -> Balances.of(ledger, Account.maker(maker), end)).sum();
        assertThat(workshop + makers).as("the whole ledger sums to zero").isZero();
    }

    @Property(tries = 200)
    void workIsPaidAtTheRateInForceOnItsDay(@ForAll("days") int day) {
        LocalDate when = START.plusDays(day);
        long expected = day < 40 ? 150 : day < 90 ? 180 : 200;
        assertThat(WEAVING.rateOn(when)).isEqualTo(expected);
        assertThat(new QualityCheck(10, 7, 3, "uneven").earnings(WEAVING.rateOn(when))).isEqualTo(7 * expected);
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, 365);
    }

    @Property(tries = 100)
    void aReversalCancelsItsEntryExactly(@ForAll @Size(min = 1, max = 5) List<@net.jqwik.api.constraints.LongRange(min = 1, max = 100_000) Long> amounts) {
        UUID maker = MAKERS.get(0);
        List<LedgerEntry> ledger = new ArrayList<>();
        for (long amount : amounts) {
            LedgerEntry entry = LedgerEntry.toMaker(Reason.ADJUSTMENT, "adjustment:" + UUID.randomUUID(), START, UUID.randomUUID().toString(),
                    maker, Account.ADJUSTMENTS, amount, "bonus");
            ledger.add(entry);
            ledger.add(entry.reversal(START.plusDays(1), "entered twice"));
        }
        assertThat(Balances.of(ledger, Account.maker(maker), START.plusDays(1))).isZero();
        assertThat(Balances.of(ledger, Account.maker(maker), START)).isEqualTo(amounts.stream().mapToLong(Long::longValue).sum());
    }
}
