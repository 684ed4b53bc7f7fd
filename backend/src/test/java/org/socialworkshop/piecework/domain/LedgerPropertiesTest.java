package org.socialworkshop.piecework.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger rules of the plain domain over random input: an entry exists only if its postings add up to zero,
 * a payout is possible exactly up to the balance, a top-up leaves no fen short of the minimum and gives none
 * beyond it, a reversal cancels its entry from its day on, and work is paid at the rate of its day. What the
 * application and PostgreSQL make of these rules is checked in {@code LedgerInvariantsTest}.
 */
class LedgerPropertiesTest {

    static final UUID MAKER = UUID.randomUUID();
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final RateSchedule WEAVING = new RateSchedule(Map.of(START, 150L, START.plusDays(40), 180L, START.plusDays(90), 200L));
    static final List<Account> ACCOUNTS = List.of(Account.maker(MAKER), Account.PIECEWORK, Account.REVENUE_SHARE, Account.ADJUSTMENTS,
            Account.PAYOUTS);

    @Provide
    Arbitrary<List<Long>> postingAmounts() {
        return Arbitraries.longs().between(-5_000, 5_000).filter(amount -> amount != 0).list().ofMinSize(0).ofMaxSize(ACCOUNTS.size());
    }

    @Property(tries = 500)
    void anEntryIsBookedOnlyIfItsPostingsAddUpToZero(@ForAll("postingAmounts") List<Long> amounts) {
        List<Posting> postings = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            postings.add(new Posting(ACCOUNTS.get(i), amounts.get(i)));
        }
        long sum = amounts.stream().mapToLong(Long::longValue).sum();
        if (postings.size() >= 2 && sum == 0) {
            assertThat(entry(postings).postings()).isEqualTo(postings);
        } else {
            assertThatThrownBy(() -> entry(postings)).isInstanceOf(PieceworkRuleBroken.class)
                    .extracting(broken -> ((PieceworkRuleBroken) broken).rule()).isEqualTo(PieceworkRuleBroken.Rule.UNBALANCED);
        }
    }

    @Property(tries = 300)
    void anEntryThatBalancesIsBooked(@ForAll @Size(min = 1, max = 4) List<@LongRange(min = -5_000, max = 5_000) Long> amounts) {
        List<Posting> postings = new ArrayList<>();
        long rest = 0;
        for (int i = 0; i < amounts.size(); i++) {
            if (amounts.get(i) != 0) {
                postings.add(new Posting(ACCOUNTS.get(i), amounts.get(i)));
                rest -= amounts.get(i);
            }
        }
        if (rest != 0) {
            postings.add(new Posting(ACCOUNTS.get(amounts.size()), rest));
        }
        if (postings.size() >= 2) {
            LedgerEntry entry = entry(postings);
            assertThat(ACCOUNTS.stream().mapToLong(entry::effectOn).sum()).isZero();
        }
    }

    @Property(tries = 500)
    void aPayoutIsPossibleExactlyUpToTheBalanceAndTakesItsAmountOff(@ForAll @LongRange(min = -10_000, max = 10_000) long balance,
            @ForAll @LongRange(min = -100, max = 10_000) long amount) {
        if (amount > 0 && amount <= balance) {
            LedgerEntry payout = Payouts.payout(MAKER, balance, amount, START, "payout:" + amount, "bank");
            assertThat(payout.reason()).isEqualTo(Reason.PAYOUT);
            assertThat(payout.effectOn(Account.maker(MAKER))).isEqualTo(-amount);
            assertThat(payout.effectOn(Account.PAYOUTS)).isEqualTo(amount);
        } else {
            assertThatThrownBy(() -> Payouts.payout(MAKER, balance, amount, START, "payout:" + amount, "bank"))
                    .isInstanceOf(PieceworkRuleBroken.class)
                    .extracting(broken -> ((PieceworkRuleBroken) broken).rule())
                    .isEqualTo(amount <= 0 ? PieceworkRuleBroken.Rule.INVALID : PieceworkRuleBroken.Rule.OVERDRAWN);
        }
    }

    @Property(tries = 500)
    void aTopUpReachesTheMinimumToTheFenAndNeverGoesBeyondIt(@ForAll @LongRange(min = 0, max = 2_000_000) long earned,
            @ForAll @IntRange(min = 0, max = 44_640) int minutes, @ForAll @LongRange(min = 1, max = 10_000) long hourly) {
        long topUp = Payouts.topUp(earned, minutes, hourly);
        long minimum = minutes * hourly / 60;
        assertThat(topUp).isNotNegative();
        assertThat(earned + topUp).as("earnings after the top-up").isEqualTo(Math.max(earned, minimum));
    }

    @Property(tries = 200)
    void aReversalCancelsItsEntryFromItsDayOn(@ForAll @Size(min = 1, max = 5) List<@LongRange(min = -100_000, max = 100_000) Long> amounts,
            @ForAll @IntRange(min = 0, max = 30) int daysLater) {
        List<LedgerEntry> ledger = new ArrayList<>();
        long booked = 0;
        for (long amount : amounts) {
            if (amount == 0) {
                continue;
            }
            LedgerEntry entry = LedgerEntry.toMaker(Reason.ADJUSTMENT, "adjustment:" + UUID.randomUUID(), START, UUID.randomUUID().toString(),
                    MAKER, Account.ADJUSTMENTS, amount, "bonus");
            LedgerEntry reversal = entry.reversal(START.plusDays(daysLater), "entered twice");
            assertThat(reversal.reverses()).isEqualTo(entry.id());
            assertThat(reversal.idempotencyKey()).as("one reversal per entry").isEqualTo("reversal:" + entry.id());
            assertThatThrownBy(() -> reversal.reversal(START, "again")).isInstanceOf(PieceworkRuleBroken.class);
            ledger.add(entry);
            ledger.add(reversal);
            booked += amount;
        }
        for (Account account : ACCOUNTS) {
            assertThat(Balances.of(ledger, account, START.plusDays(daysLater))).as("on %s once reversed", account).isZero();
        }
        if (daysLater > 0) {
            assertThat(Balances.of(ledger, Account.maker(MAKER), START.plusDays(daysLater - 1))).as("before the reversal").isEqualTo(booked);
        }
    }

    @Property(tries = 300)
    void workIsPaidForAcceptedPiecesAtTheRateInForceOnItsDay(@ForAll @IntRange(min = 0, max = 365) int day,
            @ForAll @IntRange(min = 1, max = 1_000) int pieces, @ForAll @IntRange(min = 0, max = 1_000) int rejected) {
        LocalDate when = START.plusDays(day);
        long rate = day < 40 ? 150 : day < 90 ? 180 : 200;
        assertThat(WEAVING.rateOn(when)).isEqualTo(rate);
        if (rejected > pieces) {
            assertThatThrownBy(() -> new QualityCheck(pieces, pieces - rejected, rejected, "uneven")).isInstanceOf(PieceworkRuleBroken.class);
            return;
        }
        assertThat(new QualityCheck(pieces, pieces - rejected, rejected, "uneven").earnings(WEAVING.rateOn(when)))
                .isEqualTo((pieces - rejected) * rate);
        if (rejected > 0) {
            assertThatThrownBy(() -> new QualityCheck(pieces, pieces - rejected, rejected, null)).as("a rejection needs a reason")
                    .isInstanceOf(PieceworkRuleBroken.class);
        }
        assertThatThrownBy(() -> new QualityCheck(pieces, pieces - rejected, rejected + 1, "uneven")).as("every piece checked once")
                .isInstanceOf(PieceworkRuleBroken.class);
    }

    private static LedgerEntry entry(List<Posting> postings) {
        return new LedgerEntry(UUID.randomUUID(), Reason.ADJUSTMENT, "adjustment:test", START, UUID.randomUUID().toString(), postings, "test", null);
    }
}
