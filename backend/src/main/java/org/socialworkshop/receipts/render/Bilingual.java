package org.socialworkshop.receipts.render;

import org.socialworkshop.shared.Language;

/**
 * A text in Chinese and English. A receipt serves both audiences, so it shows both: the primary language first and
 * the other after it (or beneath it). An empty English text leaves only the Chinese.
 */
record Bilingual(String zh, String en) {

    String first(Language primary) {
        return primary == Language.EN && !en.isBlank() ? en : zh;
    }

    /** The other language's text, or empty when there is none or it says the same. */
    String second(Language primary) {
        String second = primary == Language.EN ? zh : en;
        return second.equals(first(primary)) ? "" : second;
    }

    /** Both on one line, separated by a space: {@code 合计 Total}. */
    String joined(Language primary) {
        String second = second(primary);
        return second.isEmpty() ? first(primary) : first(primary) + " " + second;
    }
}
