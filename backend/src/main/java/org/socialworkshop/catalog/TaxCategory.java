package org.socialworkshop.catalog;

import java.math.BigDecimal;

/** How a tax-inclusive price splits into VAT: goods at 13%, catering services at 6%. */
public enum TaxCategory {
    GOODS(new BigDecimal("0.13")),
    CATERING(new BigDecimal("0.06"));

    private final BigDecimal rate;

    TaxCategory(BigDecimal rate) {
        this.rate = rate;
    }

    public BigDecimal rate() {
        return rate;
    }
}
