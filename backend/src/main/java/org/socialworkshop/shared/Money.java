package org.socialworkshop.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An amount of money in the currency's minor unit (fen for CNY): integers only, never floating point.
 * JSON: {@code {"amount": 3800, "currency": "CNY"}}.
 */
public record Money(@JsonProperty("amount") long minor, Currency currency) {

    public static final Currency CNY = Currency.getInstance("CNY");

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    @JsonCreator
    static Money fromJson(@JsonProperty("amount") long amount, @JsonProperty("currency") String currency) {
        return new Money(amount, Currency.getInstance(currency));
    }

    public static Money fen(long fen) {
        return new Money(fen, CNY);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minor, quantity), currency);
    }

    /**
     * The tax contained in this tax-inclusive amount at {@code rate} (e.g. 0.13), rounded half-even to the minor
     * unit: the one place where a rate meets money.
     */
    public Money includedTax(BigDecimal rate) {
        BigDecimal gross = BigDecimal.valueOf(minor);
        BigDecimal net = gross.divide(BigDecimal.ONE.add(rate), 0, RoundingMode.HALF_EVEN);
        return new Money(minor - net.longValueExact(), currency);
    }

    /**
     * The amount in the currency's major unit with its usual decimals, e.g. {@code "1234.50"} or {@code "-0.05"}
     * (pseudo-currencies, which have no decimals, in whole units).
     */
    public String decimal() {
        return BigDecimal.valueOf(minor, Math.max(0, currency.getDefaultFractionDigits())).toPlainString();
    }

    /** The amount in yuan as documents and mails print it, the sign before the symbol: {@code "¥68.00"}, {@code "-¥12.50"}. */
    public String yuan() {
        String amount = decimal();
        return amount.startsWith("-") ? "-¥" + amount.substring(1) : "¥" + amount;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }
}
