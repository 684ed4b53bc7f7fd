package org.socialworkshop.identity;

import java.net.URI;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.idempotency.Idempotency;
import org.socialworkshop.platform.idempotency.IdempotentRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Admins create accounts for staff, makers and partner companies' buyers. */
@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class AccountController {

    private final Accounts accounts;
    private final Idempotency idempotency;
    AccountController(Accounts accounts, Idempotency idempotency) {
        this.accounts = accounts;
        this.idempotency = idempotency;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> create(@Valid @RequestBody NewAccount request,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key,
            ServerWebExchange exchange) {
        return idempotency.execute(exchange, key, request,
                () -> accounts.create(request).map(account -> ResponseEntity
                        .created(URI.create("/api/admin/users/" + account.id().value()))
                        .body(account)));
    }
}
