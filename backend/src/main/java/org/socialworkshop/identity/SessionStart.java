package org.socialworkshop.identity;

import org.socialworkshop.platform.security.SignedInHint;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Starts a signed-in session, by password or by PIN: a new session id, so an id planted before is worthless after.
 * The {@link SignedInHint} tells the browser's pages that someone is signed in.
 */
@Component
class SessionStart {

    private final ServerSecurityContextRepository contexts;
    private final SignedInHint hint;

    SessionStart(ServerSecurityContextRepository contexts, SignedInHint hint) {
        this.contexts = contexts;
        this.hint = hint;
    }

    Mono<Authentication> start(ServerWebExchange exchange, Authentication signedIn) {
        return exchange.getSession()
                .flatMap(WebSession::changeSessionId)
                .then(contexts.save(exchange, new SecurityContextImpl(signedIn)))
                .doOnSuccess(saved -> hint.set(exchange))
                .thenReturn(signedIn);
    }
}
