package org.socialworkshop.platform.web.files;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.resource.ResourceWebHandler;

/**
 * Two ways to the same files (Spring Boot's own static mapping is off, {@code spring.web.resources.add-mappings}):
 * this release's versioned addresses, kept by browsers for a year without asking again; and the plain addresses
 * (pages, old links, bookmarks, webjars), which browsers revalidate every time by entity tag.
 */
@Configuration(proxyBeanMethods = false)
class StaticFilesConfiguration implements WebFluxConfigurer {

    private static final String LOCATION = "classpath:/" + StorefrontFiles.ROOT;

    private final StorefrontFiles files;

    StaticFilesConfiguration(StorefrontFiles files) {
        this.files = files;
    }

    /**
     * This release's files, answered before any annotated controller is even considered: the profile of a static file
     * under load showed the request-mapping lookup over every controller costing about a sixth of the CPU when the
     * static files came last. Only this release is here; other releases' addresses are unknown (404).
     */
    @Bean
    SimpleUrlHandlerMapping versionedFiles() throws Exception {
        ResourceWebHandler handler = new ResourceWebHandler();
        handler.setLocations(List.of(new ClassPathResource(StorefrontFiles.ROOT)));
        handler.setResourceResolvers(List.of(new InMemoryFiles(files)));
        handler.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        handler.setUseLastModified(false);
        handler.afterPropertiesSet();
        return new SimpleUrlHandlerMapping(Map.of(files.prefix() + "**", handler), Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations(LOCATION)
                .setCacheControl(CacheControl.noCache())
                .setUseLastModified(false)
                .setEtagGenerator(ServedFile::etagOf)
                // no caching resolver: it would keep the first language's page for everyone
                .resourceChain(false)
                .addResolver(new InMemoryFiles(files));
    }
}
