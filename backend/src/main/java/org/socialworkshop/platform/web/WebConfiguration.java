package org.socialworkshop.platform.web;

import org.socialworkshop.platform.web.files.StorefrontFiles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.i18n.LocaleContextResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /**
     * Answers depend on the language, so caches must key on it too (the {@code ?lang} form is in the URL already).
     * A versioned storefront file is the same in every language.
     */
    @Bean
    WebFilter varyByLanguage() {
        return (exchange, chain) -> {
            if (!exchange.getRequest().getPath().value().startsWith(StorefrontFiles.VERSIONED)) {
                exchange.getResponse().getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
            }
            return chain.filter(exchange);
        };
    }

    /** Named as WebFlux looks it up, replacing its Accept-Language-only default. */
    @Bean(name = "localeContextResolver")
    LocaleContextResolver localeContextResolver() {
        return new LanguageResolver();
    }
}
