package org.socialworkshop.platform.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.shared.Language;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The contract's language rule for every page and API call: {@code ?lang=zh-CN|en}, else the best of
 * {@code Accept-Language}, else Simplified Chinese. Controllers take a {@link Locale} argument and turn it into
 * a {@link Language}.
 */
class LanguageResolver implements LocaleContextResolver {

    private static final List<Locale> SUPPORTED = List.of(Language.ZH_CN.locale(), Language.EN.locale());

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        return new SimpleLocaleContext(resolve(exchange).locale());
    }

    static Language resolve(ServerWebExchange exchange) {
        String requested = exchange.getRequest().getQueryParams().getFirst("lang");
        if (requested != null) {
            return requested.toLowerCase(Locale.ROOT).startsWith("en") ? Language.EN : Language.ZH_CN;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
        } catch (IllegalArgumentException malformed) {
            return Language.ZH_CN;
        }
        Locale best = ranges.isEmpty() ? null : Locale.lookup(ranges, SUPPORTED);
        if (best == null && !ranges.isEmpty()) {
            best = Locale.filter(ranges, List.of(Locale.CHINESE, Locale.ENGLISH)).stream().findFirst().orElse(null);
        }
        return best == null ? Language.ZH_CN : Language.of(best);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, @Nullable LocaleContext localeContext) {
        throw new UnsupportedOperationException("The language comes from ?lang or Accept-Language");
    }
}
