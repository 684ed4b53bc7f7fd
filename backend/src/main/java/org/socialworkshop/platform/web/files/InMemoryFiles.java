package org.socialworkshop.platform.web.files;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.web.reactive.resource.ResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Finds a storefront file in memory; anything else (webjars) goes on to the classpath lookup. */
final class InMemoryFiles implements ResourceResolver {

    private final StorefrontFiles files;

    InMemoryFiles(StorefrontFiles files) {
        this.files = files;
    }

    @Override
    public Mono<Resource> resolveResource(@Nullable ServerWebExchange exchange, String requestPath,
            List<? extends Resource> locations, ResourceResolverChain chain) {
        ServedFile file = files.file(requestPath, exchange);
        return file != null ? Mono.just(file) : chain.resolveResource(exchange, requestPath, locations);
    }

    @Override
    public Mono<String> resolveUrlPath(String resourcePath, List<? extends Resource> locations,
            ResourceResolverChain chain) {
        return files.file(resourcePath) != null ? Mono.just(resourcePath) : chain.resolveUrlPath(resourcePath, locations);
    }
}
