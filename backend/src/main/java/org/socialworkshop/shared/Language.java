package org.socialworkshop.shared;

import java.util.Locale;

/** The languages every screen and message comes in: Simplified Chinese first, English second. */
public enum Language {
    ZH_CN("zh-CN"),
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The text in this language, falling back to Chinese when the English is missing. */
    public String pick(String zh, String en) {
        return this == EN && !en.isBlank() ? en : zh;
    }

    /** The language for a locale: English for any {@code en}, Chinese otherwise. */
    public static Language of(Locale locale) {
        return "en".equals(locale.getLanguage()) ? EN : ZH_CN;
    }
}
