package org.socialworkshop.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The storefront's own translations, read from the same files the browser loads, so tests never copy text. */
record Messages(JsonNode entries) {

    static Messages of(String lang) {
        String file = "/META-INF/resources/i18n/" + lang + ".json";
        try (InputStream in = Messages.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("No translations on the classpath at " + file);
            }
            return new Messages(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every message key, in order. */
    Set<String> keys() {
        return new TreeSet<>(entries.propertyNames());
    }

    String text(String key) {
        JsonNode entry = entries.get(key);
        if (entry == null || !entry.isString()) {
            throw new IllegalArgumentException("No plain message " + key);
        }
        return entry.asString();
    }

    /**
     * A message said of {@code count} things with its {placeholders} filled: of a {one, other} entry, the form the
     * page's t(key, params) chooses for English and Chinese plural rules ("one" only for 1, where there is one).
     */
    String counted(String key, long count, Map<String, ?> params) {
        JsonNode entry = entries.get(key);
        if (entry == null) {
            throw new IllegalArgumentException("No message " + key);
        }
        JsonNode chosen = entry.isObject() ? (count == 1 && entry.has("one") ? entry.get("one") : entry.get("other")) : entry;
        String message = chosen.asString().replace("{count}", String.valueOf(count));
        for (Map.Entry<String, ?> param : params.entrySet()) {
            message = message.replace("{" + param.getKey() + "}", String.valueOf(param.getValue()));
        }
        return message;
    }

    String counted(String key, long count) {
        return counted(key, count, Map.of());
    }

    /** An amount of yuan as a screen reader is given it (lib/money.js spokenMoney): "1,234.50 元" or "1,234.50 yuan". */
    String spoken(long fen) {
        String amount = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(BigDecimal.valueOf(fen, 2));
        return text("money.spoken", Map.of("amount", amount));
    }

    /** A plain message with its {placeholders} filled, as the page's t(key, params) fills them. */
    String text(String key, Map<String, ?> params) {
        String message = text(key);
        for (Map.Entry<String, ?> param : params.entrySet()) {
            message = message.replace("{" + param.getKey() + "}", String.valueOf(param.getValue()));
        }
        return message;
    }
}
