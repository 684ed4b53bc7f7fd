package org.socialworkshop.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/** Starts a signed-in session, by password or by PIN: a new session id, so an id planted before is worthless after. */
@Component
class SessionStart {

    private final ServerSecurityContextRepository contexts;

    SessionStart(ServerSecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    Mono<Authentication> start(ServerWebExchange exchange, Authentication signedIn) {
        return exchange.getSession()
                .flatMap(WebSession::changeSessionId)
                .then(contexts.save(exchange, new SecurityContextImpl(signedIn)))
                .thenReturn(signedIn);
    }
}
