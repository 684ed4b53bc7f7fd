package org.socialworkshop.makers;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Page;
import org.socialworkshop.platform.idempotency.Idempotency;
import org.socialworkshop.platform.idempotency.IdempotentRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Coordinators manage makers and their consent; anyone reads a consenting maker's public profile. */
@RestController
class MakerController {

    private final Makers makers;
    private final Idempotency idempotency;

    MakerController(Makers makers, Idempotency idempotency) {
        this.makers = makers;
        this.idempotency = idempotency;
    }

    record ConsentDecision(@NotNull Boolean granted, @Size(max = 500) @Nullable String note) {
    }

    @GetMapping("/api/makers/{id}")
    Mono<MakerCredit> publicProfile(@PathVariable UUID id, Locale locale) {
        return makers.publicProfile(new MakerId(id), Language.of(locale));
    }

    @GetMapping("/api/admin/makers")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<Page<Maker>> list(@RequestParam(required = false) @Size(max = 100) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Page.Request.MAX_SIZE) int size) {
        return makers.list(q, new Page.Request(page, size));
    }

    @GetMapping("/api/admin/makers/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<Maker> one(@PathVariable UUID id) {
        return makers.find(new MakerId(id));
    }

    @PostMapping(path = "/api/admin/makers", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ResponseEntity<byte[]>> create(@Valid @RequestBody MakerProfile profile,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key,
            ServerWebExchange exchange) {
        return idempotency.execute(exchange, key, profile, () -> makers.create(profile)
                .map(maker -> ResponseEntity.created(URI.create("/api/admin/makers/" + maker.id().value())).body(maker)));
    }

    @PutMapping("/api/admin/makers/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<Maker> update(@PathVariable UUID id, @Valid @RequestBody MakerProfile profile) {
        return makers.update(new MakerId(id), profile);
    }

    @PostMapping("/api/admin/makers/{id}/consent")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<Maker> consent(@PathVariable UUID id, @Valid @RequestBody ConsentDecision decision) {
        return makers.recordConsent(new MakerId(id), decision.granted(), decision.note());
    }
}
