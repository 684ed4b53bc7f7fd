package org.socialworkshop.shared;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Money in minor units: arithmetic that never mixes currencies, tax included per rate, and how amounts read. */
class MoneyTest {

    @Test
    void amountsReadInTheMajorUnitWithTheCurrencysDecimals() {
        assertThat(Money.fen(123_450).decimal()).isEqualTo("1234.50");
        assertThat(Money.fen(-5).decimal()).isEqualTo("-0.05");
        assertThat(Money.fen(0).decimal()).isEqualTo("0.00");
        assertThat(new Money(1500, Currency.getInstance("JPY")).decimal()).isEqualTo("1500");
    }

    @Test
    void yuanAsDocumentsPrintItPutTheSignBeforeTheSymbol() {
        assertThat(Money.fen(6_800).yuan()).isEqualTo("¥68.00");
        assertThat(Money.fen(-1_250).yuan()).isEqualTo("-¥12.50");
        assertThat(Money.fen(0).yuan()).isEqualTo("¥0.00");
    }

    @Test
    void taxIncludedAtARateIsRoundedHalfEvenOnce() {
        assertThat(Money.fen(13_600).includedTax(new BigDecimal("0.13"))).isEqualTo(Money.fen(1_565));
        assertThat(Money.fen(6_800).includedTax(new BigDecimal("0.13"))).isEqualTo(Money.fen(782));
        assertThat(Money.fen(100).includedTax(BigDecimal.ZERO)).isEqualTo(Money.fen(0));
    }

    @Test
    void currenciesAreNeverMixed() {
        assertThatThrownBy(() -> Money.fen(1).plus(new Money(1, Currency.getInstance("USD")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.fen(Long.MAX_VALUE).plus(Money.fen(1))).isInstanceOf(ArithmeticException.class);
    }
}
