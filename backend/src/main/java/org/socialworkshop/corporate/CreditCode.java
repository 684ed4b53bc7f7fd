package org.socialworkshop.corporate;

import java.util.Locale;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): the 18 characters that name a registered organisation
 * in China. Its alphabet is the digits and the capitals without I, O, S, V and Z; the 3rd to 8th characters are the
 * administrative division (digits); the 18th is a check character over the first 17, weighted 3^i mod 31, so a
 * mistyped or swapped character is caught before a company is registered under it.
 */
public record CreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        if (!valid(value)) {
            throw new IllegalArgumentException("Not a unified social credit code: " + value);
        }
    }

    /** The code as typed (spaces around it and lower case forgiven), when it is one. */
    public static Optional<CreditCode> parse(String typed) {
        String code = typed.strip().toUpperCase(Locale.ROOT);
        return valid(code) ? Optional.of(new CreditCode(code)) : Optional.empty();
    }

    /** Whether {@code code} is 18 characters of the alphabet, the division in digits, ending in its check character. */
    public static boolean valid(String code) {
        if (code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            int at = ALPHABET.indexOf(code.charAt(i));
            if (at < 0 || (i >= 2 && i < 8 && at > 9)) {
                return false;
            }
        }
        return code.charAt(17) == checkCharacter(code.substring(0, 17));
    }

    /** The check character that completes these 17 characters of the alphabet. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    @Override
    public String toString() {
        return value;
    }
}
