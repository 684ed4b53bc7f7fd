package org.socialworkshop.receipts.render;

/** Escaping for text placed in XHTML. */
final class Xml {

    private Xml() {
    }

    /**
     * The text with markup characters escaped, and characters XML 1.0 does not allow (controls other than tab and
     * line breaks, unpaired surrogates, U+FFFE and U+FFFF) replaced by {@code ?}, so any receipt text parses.
     */
    static String text(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.appendCodePoint(allowed(c) ? c : '?');
            }
        });
        return escaped.toString();
    }

    private static boolean allowed(int c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || c >= 0x10000;
    }
}
