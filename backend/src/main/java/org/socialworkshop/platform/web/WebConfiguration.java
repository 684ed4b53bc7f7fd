package org.socialworkshop.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.i18n.LocaleContextResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Named as WebFlux looks it up, replacing its Accept-Language-only default. */
    @Bean(name = "localeContextResolver")
    LocaleContextResolver localeContextResolver() {
        return new LanguageResolver();
    }
}
