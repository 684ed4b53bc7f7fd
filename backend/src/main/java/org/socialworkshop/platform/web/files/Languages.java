package org.socialworkshop.platform.web.files;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.web.server.ServerWebExchange;

/**
 * The storefront's languages (its {@code i18n/*.json}) and the server's guess of the one a page will load, as
 * {@code lib/i18n.js} chooses it: {@code ?lang}, then the browser's languages, then zh-CN. The browser may know
 * better (a choice saved in it); a wrong guess only costs the preloaded translations of the other language.
 */
record Languages(List<String> tags) {

    static final String DEFAULT = "zh-CN";
    static final String FOLDER = "i18n/";

    static Languages of(Collection<String> paths) {
        return new Languages(paths.stream()
                .filter(path -> path.startsWith(FOLDER) && path.endsWith(".json") && path.indexOf('/', FOLDER.length()) < 0)
                .map(path -> path.substring(FOLDER.length(), path.length() - ".json".length()))
                .sorted()
                .toList());
    }

    String translations(String tag) {
        return FOLDER + tag + ".json";
    }

    String guess(ServerWebExchange exchange) {
        String asked = exchange.getRequest().getQueryParams().getFirst("lang");
        if (asked != null && tags.contains(asked)) {
            return asked;
        }
        for (Locale.LanguageRange range : acceptLanguage(exchange)) {
            String primary = range.getRange().split("-")[0];
            for (String tag : tags) {
                if (tag.split("-")[0].equalsIgnoreCase(primary)) {
                    return tag;
                }
            }
        }
        return tags.contains(DEFAULT) || tags.isEmpty() ? DEFAULT : tags.get(0);
    }

    private static List<Locale.LanguageRange> acceptLanguage(ServerWebExchange exchange) {
        try {
            return exchange.getRequest().getHeaders().getAcceptLanguage();
        } catch (IllegalArgumentException malformed) {
            // a malformed header is the browser's problem, not the page's: guess as if there were none
            return List.of();
        }
    }
}
