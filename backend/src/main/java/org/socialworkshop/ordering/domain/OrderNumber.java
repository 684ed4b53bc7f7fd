package org.socialworkshop.ordering.domain;

import java.util.regex.Pattern;

/**
 * What people read on the phone or a receipt. Orders placed online or by companies: {@code WS-2026-000123},
 * increasing within the year, from a sequence per year in the database (V11), so unique across instances. A sale at
 * a POS register carries its receipt's register and number, {@code CANTEEN-1-42}: the tablet numbers it, also
 * offline, and the register's series is gapless (ADR 0017).
 */
public record OrderNumber(String text) {

    private static final Pattern ONLINE = Pattern.compile("WS-(\\d{4})-(\\d{6,})");
    private static final Pattern COUNTER = Pattern.compile("[A-Z][A-Z0-9-]{0,23}-[1-9]\\d{0,17}");

    public OrderNumber {
        if (!ONLINE.matcher(text).matches() && !COUNTER.matcher(text).matches()) {
            throw OrderRuleBroken.invalid("An order number looks like WS-2026-000123, or a register's and a number, CANTEEN-1-42.");
        }
    }

    /** The number of an order placed online or by a company: the year and the sequence within it. */
    public OrderNumber(int year, long sequence) {
        this(online(year, sequence));
    }

    /** The number of a sale at a POS register: the register and its receipt's number. */
    public static OrderNumber atRegister(String register, long receiptNumber) {
        return new OrderNumber(register + "-" + receiptNumber);
    }

    public static OrderNumber parse(String text) {
        return new OrderNumber(text);
    }

    private static String online(int year, long sequence) {
        if (year < 2000 || year > 9999 || sequence < 1) {
            throw OrderRuleBroken.invalid("An order number needs a four-digit year and a sequence from 1.");
        }
        // Written by hand: String.format showed in checkout profiles (the number is written several times per order).
        String digits = Long.toString(sequence);
        StringBuilder text = new StringBuilder(14 + Math.max(0, digits.length() - 6)).append("WS-").append(year).append('-');
        for (int pad = digits.length(); pad < 6; pad++) {
            text.append('0');
        }
        return text.append(digits).toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
