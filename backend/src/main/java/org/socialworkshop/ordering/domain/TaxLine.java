package org.socialworkshop.ordering.domain;

import java.math.BigDecimal;

import org.socialworkshop.shared.Money;

/** The part of a total taxed at one rate: gross (tax-inclusive), the tax in it, and the net. */
public record TaxLine(BigDecimal rate, Money gross, Money tax) {

    public Money net() {
        return gross.minus(tax);
    }
}
