package org.socialworkshop.ordering.domain;

import java.util.regex.Pattern;

/**
 * What people read on the phone or a receipt: {@code WS-2026-000123}, increasing within the year. The sequence
 * itself comes from the database (a sequence per year, V11), so numbers are unique across instances.
 */
public record OrderNumber(int year, long sequence) {

    private static final Pattern FORMAT = Pattern.compile("WS-(\\d{4})-(\\d{6,})");

    public OrderNumber {
        if (year < 2000 || year > 9999 || sequence < 1) {
            throw OrderRuleBroken.invalid("An order number needs a four-digit year and a sequence from 1.");
        }
    }

    public static OrderNumber parse(String text) {
        var match = FORMAT.matcher(text);
        if (!match.matches()) {
            throw OrderRuleBroken.invalid("An order number looks like WS-2026-000123.");
        }
        return new OrderNumber(Integer.parseInt(match.group(1)), Long.parseLong(match.group(2)));
    }

    @Override
    public String toString() {
        // Written by hand: String.format showed in checkout profiles (the number is written several times per order).
        String digits = Long.toString(sequence);
        StringBuilder text = new StringBuilder(14 + Math.max(0, digits.length() - 6)).append("WS-").append(year).append('-');
        for (int pad = digits.length(); pad < 6; pad++) {
            text.append('0');
        }
        return text.append(digits).toString();
    }
}
