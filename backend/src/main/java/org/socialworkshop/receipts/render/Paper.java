package org.socialworkshop.receipts.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The paper a PDF receipt is laid out for. */
public enum Paper {

    /** A thermal roll 80 mm wide; the page is as tall as the receipt. */
    ROLL_80MM("80mm"),
    /** An A4 sheet, for records and expense claims. */
    A4("a4");

    private final String parameter;

    Paper(String parameter) {
        this.parameter = parameter;
    }

    /** How the paper is named in a query ({@code ?paper=80mm}). */
    public String parameter() {
        return parameter;
    }

    /** The paper named {@code 80mm} or {@code a4} (any case), if it is one of those. */
    public static Optional<Paper> fromParameter(String parameter) {
        String wanted = parameter.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(paper -> paper.parameter.equals(wanted)).findFirst();
    }
}
