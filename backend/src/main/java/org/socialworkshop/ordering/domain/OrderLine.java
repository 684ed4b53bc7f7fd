package org.socialworkshop.ordering.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import org.socialworkshop.shared.Money;

/**
 * One line of an order, frozen at checkout: what was bought, how many, at which tax-inclusive unit price and
 * tax rate. Later catalog changes do not touch it.
 */
public record OrderLine(UUID id, UUID variantId, String sku, String name, int quantity, Money unitPrice, BigDecimal taxRate) {

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
    }

    /** Tax-inclusive amount of the line. */
    public Money amount() {
        return unitPrice.times(quantity);
    }
}
