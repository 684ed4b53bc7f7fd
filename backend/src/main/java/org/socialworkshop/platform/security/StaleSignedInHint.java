package org.socialworkshop.platform.security;

import org.socialworkshop.platform.web.files.StorefrontFiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes the {@link SignedInHint} from a browser whose session has ended without signing out (timed out, or removed
 * on the server), when it loads a page (its address, or the browser's {@code Sec-Fetch-Dest}, says so): its scripts then do not ask who is signed in only to hear 401. Only page
 * loads that carry the hint are looked at, so visitors and the release's files cost nothing.
 */
class StaleSignedInHint implements WebFilter {

    private static final String CONTEXT = WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

    private final SignedInHint hint;

    StaleSignedInHint(SignedInHint hint) {
        this.hint = hint;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isPageLoad(exchange) || !hint.sentWith(exchange)) {
            return chain.filter(exchange);
        }
        return exchange.getSession()
                .doOnNext(session -> {
                    if (session.getAttribute(CONTEXT) == null) {
                        hint.clear(exchange);
                    }
                })
                .then(chain.filter(exchange));
    }

    private static boolean isPageLoad(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        boolean page = path.endsWith("/") || path.endsWith(".html")
                || "document".equals(exchange.getRequest().getHeaders().getFirst("Sec-Fetch-Dest"));
        return exchange.getRequest().getMethod() == HttpMethod.GET && page && !path.startsWith(StorefrontFiles.VERSIONED)
                && !path.startsWith("/api/");
    }
}
