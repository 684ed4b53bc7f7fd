package org.socialworkshop.platform.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;

/**
 * A person following a broken link gets the storefront's bilingual "page not found" page instead of JSON;
 * programs (API paths, or clients that do not ask for HTML) still get problem responses.
 */
final class NotFoundPage {

    static final Resource PAGE = new ClassPathResource("META-INF/resources/404.html");

    private NotFoundPage() {
    }

    static boolean wanted(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return !path.startsWith("/api/") && !path.startsWith("/actuator") && !path.startsWith("/v3/")
                && exchange.getRequest().getHeaders().getAccept().stream()
                        .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
    }
}
