package org.socialworkshop.platform.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
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
 * The public check pages of signed documents, at the addresses their QR codes hold: a receipt's {@code /r/{code}}
 * opens {@code /r/index.html}, a maker's earnings statement's {@code /s/{code}} opens {@code /s/index.html}; each
 * page reads the code from its own address. Any single path segment counts as a code, so a mistyped one still
 * reaches the page and is told it is not genuine; a further slash is an ordinary 404. Lower-case file names
 * ({@code /r/receipt.js}) are the folder's own files and are served as they are.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CheckPages implements WebFilter {

    /** The folders whose single segment is a code: receipts, earnings statements and impact reports. */
    static final List<String> PREFIXES = List.of("r", "s", "i");

    private static final Pattern CODE = Pattern.compile("/(" + String.join("|", PREFIXES) + ")/[^/]+");
    private static final Pattern OWN_FILE = Pattern.compile("/[a-z]+/[a-z][a-z0-9-]*\\.(?:html|js|css)");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return page(exchange)
                .map(page -> chain.filter(exchange.mutate().request(request -> request.path(page)).build()))
                .orElseGet(() -> chain.filter(exchange));
    }

    /** The check page this request's address opens, if it is a code under one of the prefixes. */
    private static Optional<String> page(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return Optional.empty();
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        Matcher code = CODE.matcher(path);
        if (!code.matches() || OWN_FILE.matcher(path).matches()) {
            return Optional.empty();
        }
        return Optional.of("/" + code.group(1) + "/index.html");
    }
}
