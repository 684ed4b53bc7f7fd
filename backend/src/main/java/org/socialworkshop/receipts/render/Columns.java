package org.socialworkshop.receipts.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Monospaced layout for thermal printers. In Chinese mode an ASCII character takes one column and any other
 * character (two or four bytes in GB18030) takes two, so widths are counted that way.
 */
final class Columns {

    private Columns() {
    }

    static int width(int codePoint) {
        return codePoint < 0x80 ? 1 : 2;
    }

    static int width(String text) {
        return text.codePoints().map(Columns::width).sum();
    }

    /**
     * The text in lines of at most {@code columns}, broken after the last space that fits where there is one,
     * anywhere else otherwise (Chinese has no spaces; URLs are long). An empty text is one empty line.
     */
    static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (width(rest) > columns) {
            // At least one character per line, so even a column too narrow for it makes progress.
            int end = Math.max(fit(rest, columns), Character.charCount(rest.codePointAt(0)));
            int space = rest.lastIndexOf(' ', end);
            int cut = space > 0 && rest.charAt(end) == ' ' ? end : space > 0 ? space : end;
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    /** The text centred in {@code columns} (wrapped first when too long). */
    static List<String> center(String text, int columns) {
        return wrap(text, columns).stream().map(line -> " ".repeat((columns - width(line)) / 2) + line).toList();
    }

    /**
     * {@code left} and {@code right} on one line, {@code right} flush with the right edge; when both do not fit
     * with a space between them, {@code left} is wrapped and {@code right} gets a line of its own.
     */
    static List<String> spread(String left, String right, int columns) {
        int gap = columns - width(left) - width(right);
        if (gap >= 1) {
            return List.of(left + " ".repeat(gap) + right);
        }
        List<String> lines = new ArrayList<>(wrap(left, columns));
        wrap(right, columns).forEach(line -> lines.add(" ".repeat(columns - width(line)) + line));
        return lines;
    }

    /** The index of the first character that would not fit in {@code columns}. */
    private static int fit(String text, int columns) {
        int used = 0;
        int index = 0;
        while (index < text.length()) {
            int codePoint = text.codePointAt(index);
            if (used + width(codePoint) > columns) {
                break;
            }
            used += width(codePoint);
            index += Character.charCount(codePoint);
        }
        return index;
    }
}
