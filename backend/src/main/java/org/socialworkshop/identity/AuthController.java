package org.socialworkshop.identity;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.security.LoginThrottle;
import org.socialworkshop.platform.security.SignedInHint;
import org.socialworkshop.platform.web.ClientAddress;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/** Signing in and out with a session cookie, per the API contract. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private static final Logger log = LoggerFactory.getLogger(AuthController.class);

    private final ReactiveAuthenticationManager authentication;
    private final SessionStart sessions;
    private final LoginThrottle throttle;
    private final Accounts accounts;
    private final AuditLog audit;
    private final SignedInHint hint;

    AuthController(ReactiveAuthenticationManager authentication, SessionStart sessions,
            LoginThrottle throttle, Accounts accounts, AuditLog audit, SignedInHint hint) {
        this.authentication = authentication;
        this.sessions = sessions;
        this.throttle = throttle;
        this.accounts = accounts;
        this.audit = audit;
        this.hint = hint;
    }

    record Credentials(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {
    }

    @PostMapping("/login")
    Mono<Account> login(@Valid @RequestBody Credentials credentials, ServerWebExchange exchange) {
        String address = addressOf(exchange);
        return throttle.attempt(credentials.email(), address)
                .flatMap(wait -> wait.isPresent()
                        ? Mono.error(SignInProblem.tooManyAttempts(wait.get()))
                        : authenticate(credentials))
                .flatMap(signedIn -> sessions.start(exchange, signedIn))
                .flatMap(signedIn -> accounts.findByEmail(signedIn.getName()))
                .flatMap(account -> throttle.recordSuccess(account.email())
                        .then(audit.record(account.email(), "auth.signed-in", "user:" + account.id().value(),
                                Map.of("address", address)))
                        .thenReturn(account))
                .handle((account, sink) -> {
                    log.info("{} signed in from {}", account.email(), address);
                    sink.next(account);
                });
    }

    @GetMapping("/me")
    Mono<Account> me() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .flatMap(signedIn -> accounts.findByEmail(signedIn.getName()))
                .switchIfEmpty(Mono.error(SignInProblem::notSignedIn));
    }

    /** Nothing to return: calling it makes sure the {@code XSRF-TOKEN} cookie is set before a first POST. */
    @GetMapping("/csrf")
    ResponseEntity<Void> csrf() {
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/logout")
    Mono<ResponseEntity<Void>> logout(ServerWebExchange exchange) {
        Mono<Void> recorded = ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(signedIn -> audit.record(signedIn.getName(), "auth.signed-out", null, Map.of()));
        return recorded.then(exchange.getSession().flatMap(WebSession::invalidate))
                .then(Mono.fromRunnable(() -> hint.clear(exchange)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private Mono<Authentication> authenticate(Credentials credentials) {
        return authentication.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated(credentials.email().trim(), credentials.password()))
                .onErrorMap(AuthenticationException.class, refused -> SignInProblem.badCredentials());
    }

    private static String addressOf(ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange);
        return address == null ? "unknown" : address;
    }
}
