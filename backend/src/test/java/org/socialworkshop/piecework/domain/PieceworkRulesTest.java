package org.socialworkshop.piecework.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules one by one: balanced entries, checks that add up, no rate no pay, no overdrawn payouts, top-ups. */
class PieceworkRulesTest {

    static final UUID MAKER = UUID.randomUUID();
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @Test
    void anEntryThatDoesNotBalanceIsRefused() {
        assertThatThrownBy(() -> new LedgerEntry(UUID.randomUUID(), Reason.ADJUSTMENT, "adjustment:1", DAY, "k",
                List.of(new Posting(Account.maker(MAKER), 100), new Posting(Account.ADJUSTMENTS, -99)), "typo", null))
                .isInstanceOf(PieceworkRuleBroken.class).hasMessageContaining("zero");
        assertThatThrownBy(() -> new LedgerEntry(UUID.randomUUID(), Reason.ADJUSTMENT, "adjustment:1", DAY, "k",
                List.of(new Posting(Account.maker(MAKER), 100)), "alone", null)).isInstanceOf(PieceworkRuleBroken.class);
    }

    @Test
    void aCheckMustAccountForEveryPieceAndGiveAReasonForRejections() {
        assertThatThrownBy(() -> new QualityCheck(10, 7, 2, "uneven")).isInstanceOf(PieceworkRuleBroken.class);
        assertThatThrownBy(() -> new QualityCheck(10, 7, 3, " ")).isInstanceOf(PieceworkRuleBroken.class);
        assertThat(new QualityCheck(10, 10, 0, null).earnings(125)).isEqualTo(1250);
    }

    @Test
    void workBeforeTheFirstRateHasNoRate() {
        RateSchedule rates = new RateSchedule(Map.of(DAY, 100L));
        assertThatThrownBy(() -> rates.rateOn(DAY.minusDays(1))).isInstanceOf(PieceworkRuleBroken.class)
                .extracting(broken -> ((PieceworkRuleBroken) broken).rule()).isEqualTo(PieceworkRuleBroken.Rule.NO_RATE);
        assertThat(rates.rateOn(DAY.plusYears(1))).isEqualTo(100);
    }

    @Test
    void aPayoutCannotExceedTheBalance() {
        assertThatThrownBy(() -> Payouts.payout(MAKER, 5_000, 5_001, DAY, "p1", "bank"))
                .extracting(broken -> ((PieceworkRuleBroken) broken).rule()).isEqualTo(PieceworkRuleBroken.Rule.OVERDRAWN);
        LedgerEntry paid = Payouts.payout(MAKER, 5_000, 5_000, DAY, "p2", "bank");
        assertThat(paid.effectOn(Account.maker(MAKER))).isEqualTo(-5_000);
        assertThat(paid.effectOn(Account.PAYOUTS)).isEqualTo(5_000);
    }

    @Test
    void theTopUpMakesEarningsUpToTheMinimumForTheHoursWorked() {
        assertThat(Payouts.topUp(80_000, 100 * 60, 2_200)).isEqualTo(140_000);
        assertThat(Payouts.topUp(300_000, 100 * 60, 2_200)).isZero();
        assertThat(Payouts.topUp(0, 90, 2_200)).isEqualTo(3_300);
    }

    @Test
    void aReversalIsNotReversedAgain() {
        LedgerEntry entry = LedgerEntry.toMaker(Reason.WORK, "work-record:1", DAY, "w1", MAKER, Account.PIECEWORK, 1_500, "weaving");
        LedgerEntry reversal = entry.reversal(DAY.plusDays(3), "booked to the wrong maker, by coordinator@example.org");
        assertThat(reversal.reverses()).isEqualTo(entry.id());
        assertThat(reversal.effectOn(Account.maker(MAKER))).isEqualTo(-1_500);
        assertThatThrownBy(() -> reversal.reversal(DAY, "again")).isInstanceOf(PieceworkRuleBroken.class);
    }
}
