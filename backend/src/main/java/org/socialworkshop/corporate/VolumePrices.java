package org.socialworkshop.corporate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.shared.Money;

/**
 * What a company pays per unit and what it must order (issue 13, item 2): plain rules, no I/O. The unit price of a
 * quantity is the company's negotiated price when it has one; otherwise the tier with the highest "from" not above the
 * quantity; otherwise the catalog's price. An order line must reach the product's minimum and be a multiple of its
 * multiple.
 */
public final class VolumePrices {

    private VolumePrices() {
    }

    /** A product's corporate terms; {@link #DEFAULT} for one that has none. */
    public record Terms(int minQuantity, int multipleOf, int leadDays) {

        /** Any quantity, made to order in two weeks. */
        public static final Terms DEFAULT = new Terms(1, 1, 14);

        public Terms {
            if (minQuantity < 1 || multipleOf < 1 || leadDays < 0) {
                throw new IllegalArgumentException("Terms need a minimum and a multiple of 1 or more, and no negative lead time");
            }
        }
    }

    /** From {@code fromQuantity} units on, {@code unitPrice} each. */
    public record Tier(int fromQuantity, Money unitPrice) {
    }

    /** Where a unit price comes from. */
    public enum Basis {
        CATALOG, TIER, NEGOTIATED
    }

    /** A unit price and where it comes from ({@code tierFrom}: the tier's first quantity, for {@link Basis#TIER}). */
    public record UnitPrice(Money amount, Basis basis, @Nullable Integer tierFrom) {
    }

    /** What is wrong with a quantity under a product's terms. */
    public enum Issue {
        BELOW_MINIMUM, NOT_A_MULTIPLE
    }

    public static UnitPrice unitPrice(Money catalog, List<Tier> tiers, @Nullable Money negotiated, int quantity) {
        if (negotiated != null) {
            return new UnitPrice(negotiated, Basis.NEGOTIATED, null);
        }
        return tiers.stream().filter(tier -> tier.fromQuantity() <= quantity).max(Comparator.comparingInt(Tier::fromQuantity))
                .map(tier -> new UnitPrice(tier.unitPrice(), Basis.TIER, tier.fromQuantity()))
                .orElse(new UnitPrice(catalog, Basis.CATALOG, null));
    }

    public static List<Issue> issues(Terms terms, int quantity) {
        List<Issue> issues = new ArrayList<>();
        if (quantity < terms.minQuantity()) {
            issues.add(Issue.BELOW_MINIMUM);
        }
        if (quantity % terms.multipleOf() != 0) {
            issues.add(Issue.NOT_A_MULTIPLE);
        }
        return issues;
    }

    /**
     * Whether tiers make sense for a variant sold at {@code catalog}: their "from" quantities distinct and above one, each
     * unit price below the catalog's and below the one of every smaller tier (more units never cost more each).
     */
    public static boolean descending(Money catalog, List<Tier> tiers) {
        List<Tier> sorted = tiers.stream().sorted(Comparator.comparingInt(Tier::fromQuantity)).toList();
        long previous = catalog.minor();
        int from = 1;
        for (Tier tier : sorted) {
            if (tier.fromQuantity() <= from || tier.unitPrice().minor() >= previous || tier.unitPrice().minor() <= 0) {
                return false;
            }
            from = tier.fromQuantity();
            previous = tier.unitPrice().minor();
        }
        return true;
    }
}
