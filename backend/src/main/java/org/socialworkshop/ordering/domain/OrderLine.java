package org.socialworkshop.ordering.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import org.socialworkshop.shared.Money;

/**
 * One line of an order, frozen at checkout: what was bought, how many, at which tax-inclusive unit price and
 * tax rate, less a discount on the line (given at the counter). Later catalog changes do not touch it.
 */
public record OrderLine(UUID id, UUID variantId, String sku, String name, int quantity, Money unitPrice, BigDecimal taxRate,
        Money discount) {

    public static final int MAX_QUANTITY = 10_000;

    public OrderLine {
        Objects.requireNonNull(id, "id");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw OrderRuleBroken.invalid("A line's quantity must be between 1 and " + MAX_QUANTITY + ".");
        }
        if (unitPrice.minor() <= 0) {
            throw OrderRuleBroken.invalid("A line's unit price must be positive.");
        }
        if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) >= 0) {
            throw OrderRuleBroken.invalid("A tax rate must be at least 0 and below 1.");
        }
        if (discount.minor() < 0 || discount.minor() >= unitPrice.times(quantity).minor() || !discount.currency().equals(unitPrice.currency())) {
            throw OrderRuleBroken.invalid("A line's discount must leave something to pay, in the line's currency.");
        }
    }

    /** A line without a discount. */
    public OrderLine(UUID id, UUID variantId, String sku, String name, int quantity, Money unitPrice, BigDecimal taxRate) {
        this(id, variantId, sku, name, quantity, unitPrice, taxRate, Money.zero(unitPrice.currency()));
    }

    /** Tax-inclusive amount of the line, after its discount. */
    public Money amount() {
        return unitPrice.times(quantity).minus(discount);
    }

    /**
     * What {@code units} of the line cost: at the unit price, or with a discount its share, rounded down (all units
     * together cost the line's amount).
     */
    public Money amountOf(int units) {
        if (discount.minor() == 0 || units == quantity) {
            return units == quantity ? amount() : unitPrice.times(units);
        }
        return new Money(Math.floorDiv(amount().minor() * units, quantity), unitPrice.currency());
    }
}
