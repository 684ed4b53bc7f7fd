package org.socialworkshop.corporate;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.socialworkshop.corporate.VolumePrices.Basis;
import org.socialworkshop.corporate.VolumePrices.Issue;
import org.socialworkshop.corporate.VolumePrices.Terms;
import org.socialworkshop.corporate.VolumePrices.Tier;
import org.socialworkshop.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13, item 9: volume tiers at their boundaries, negotiated prices, minimums and multiples. */
class VolumePricesTest {

    private static final Money CATALOG = Money.fen(6800);
    private static final List<Tier> TIERS = List.of(new Tier(200, Money.fen(5600)), new Tier(50, Money.fen(6200)));

    @Test
    void eachTierStartsExactlyAtItsQuantity() {
        assertThat(VolumePrices.unitPrice(CATALOG, TIERS, null, 1).amount()).isEqualTo(CATALOG);
        assertThat(VolumePrices.unitPrice(CATALOG, TIERS, null, 49)).isEqualTo(new VolumePrices.UnitPrice(CATALOG, Basis.CATALOG, null));
        assertThat(VolumePrices.unitPrice(CATALOG, TIERS, null, 50)).isEqualTo(new VolumePrices.UnitPrice(Money.fen(6200), Basis.TIER, 50));
        assertThat(VolumePrices.unitPrice(CATALOG, TIERS, null, 199).amount()).isEqualTo(Money.fen(6200));
        assertThat(VolumePrices.unitPrice(CATALOG, TIERS, null, 200)).isEqualTo(new VolumePrices.UnitPrice(Money.fen(5600), Basis.TIER, 200));
        assertThat(VolumePrices.unitPrice(CATALOG, TIERS, null, 100_000).amount()).isEqualTo(Money.fen(5600));
        assertThat(VolumePrices.unitPrice(CATALOG, List.of(), null, 500).basis()).isEqualTo(Basis.CATALOG);
    }

    @Test
    void aNegotiatedPriceReplacesTheTiers() {
        assertThat(VolumePrices.unitPrice(CATALOG, TIERS, Money.fen(5900), 10))
                .isEqualTo(new VolumePrices.UnitPrice(Money.fen(5900), Basis.NEGOTIATED, null));
        assertThat(VolumePrices.unitPrice(CATALOG, TIERS, Money.fen(5900), 300).amount()).isEqualTo(Money.fen(5900));
    }

    @Test
    void aLineMustReachTheMinimumInMultiples() {
        Terms terms = new Terms(20, 10, 21);
        assertThat(VolumePrices.issues(terms, 19)).containsExactly(Issue.BELOW_MINIMUM, Issue.NOT_A_MULTIPLE);
        assertThat(VolumePrices.issues(terms, 10)).containsExactly(Issue.BELOW_MINIMUM);
        assertThat(VolumePrices.issues(terms, 20)).isEmpty();
        assertThat(VolumePrices.issues(terms, 25)).containsExactly(Issue.NOT_A_MULTIPLE);
        assertThat(VolumePrices.issues(terms, 30)).isEmpty();
        assertThat(VolumePrices.issues(Terms.DEFAULT, 1)).isEmpty();
    }

    @Test
    void moreUnitsNeverCostMoreEach() {
        assertThat(VolumePrices.descending(CATALOG, TIERS)).isTrue();
        assertThat(VolumePrices.descending(CATALOG, List.of())).isTrue();
        assertThat(VolumePrices.descending(CATALOG, List.of(new Tier(50, Money.fen(6800))))).as("not below the catalog").isFalse();
        assertThat(VolumePrices.descending(CATALOG, List.of(new Tier(50, Money.fen(5000)), new Tier(100, Money.fen(5500)))))
                .as("dearer for more").isFalse();
        assertThat(VolumePrices.descending(CATALOG, List.of(new Tier(50, Money.fen(6000)), new Tier(50, Money.fen(5000)))))
                .as("one quantity twice").isFalse();
        assertThat(VolumePrices.descending(CATALOG, List.of(new Tier(1, Money.fen(6000))))).as("from one is the catalog's").isFalse();
    }
}
