package org.socialworkshop.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.AuthorityReactiveAuthorizationManager;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * Who may read the metrics: a signed-in admin, or a scraper presenting the configured token as a bearer token
 * ({@code METRICS_TOKEN}; without one, admins only). Metrics show traffic, errors and queue sizes: not for anyone.
 */
final class MetricsReaders {

    private MetricsReaders() {
    }

    static ReactiveAuthorizationManager<AuthorizationContext> adminsOr(String token) {
        ReactiveAuthorizationManager<AuthorizationContext> admins = AuthorityReactiveAuthorizationManager.hasRole("ADMIN");
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        return (authentication, context) -> {
            String presented = context.getExchange().getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (!token.isBlank() && presented != null
                    && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
                return Mono.just((AuthorizationResult) new AuthorizationDecision(true));
            }
            return admins.authorize(authentication, context);
        };
    }
}
