package org.socialworkshop.platform.web;

import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A receipt's public address, {@code /r/{code}} (what its QR code holds), opens the storefront's receipt page
 * {@code /r/index.html}, which reads the code from its own address. Any single path segment counts as a code, so
 * a mistyped one still reaches the page and is told it is not genuine; a further slash is an ordinary 404.
 * Lower-case file names ({@code /r/receipt.js}) are the folder's own files and are served as they are.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ReceiptPage implements WebFilter {

    static final String PAGE = "/r/index.html";

    private static final Pattern CODE = Pattern.compile("/r/[^/]+");
    private static final Pattern OWN_FILE = Pattern.compile("/r/[a-z][a-z0-9-]*\\.(?:html|js|css)");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (!read || !CODE.matcher(path).matches() || OWN_FILE.matcher(path).matches()) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(request -> request.path(PAGE)).build());
    }
}
