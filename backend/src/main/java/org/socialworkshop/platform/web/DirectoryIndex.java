package org.socialworkshop.platform.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves a storefront folder's {@code index.html} for the folder's own address, e.g. {@code /shop/} for
 * {@code /shop/index.html}, as static web servers do, and {@code /} for {@code /index.html}; so every page, the
 * home page included, comes through the static file handler that versions its links (Spring Boot's own welcome
 * page would serve the file as it is). Only plain folder names qualify, so no dots, encodings or API paths ever
 * reach the classpath lookup.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DirectoryIndex implements WebFilter {

    private static final Pattern FOLDER = Pattern.compile("(/[A-Za-z0-9_-]+)*/");
    private static final String STATIC_ROOT = "META-INF/resources";

    /** Only folders that have an index are remembered, so made-up paths cannot grow this map. */
    private final Set<String> withIndex = ConcurrentHashMap.newKeySet();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (!read || !path.endsWith("/") || !FOLDER.matcher(path).matches() || path.startsWith("/api/")
                || !hasIndex(path)) {
            return chain.filter(exchange);
        }
        String index = path + "index.html";
        return chain.filter(exchange.mutate().request(request -> request.path(index)).build());
    }

    private boolean hasIndex(String folder) {
        if (withIndex.contains(folder)) {
            return true;
        }
        boolean found = new ClassPathResource(STATIC_ROOT + folder + "index.html").exists();
        if (found) {
            withIndex.add(folder);
        }
        return found;
    }
}
