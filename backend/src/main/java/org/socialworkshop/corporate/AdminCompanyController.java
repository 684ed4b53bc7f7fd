package org.socialworkshop.corporate;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.idempotency.Idempotency;
import org.socialworkshop.platform.idempotency.IdempotentRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Coordinators answer enquiries, register companies and manage their locations and buyers. See docs/api/corporate.md. */
@RestController
@RequestMapping("/api/admin/corporate")
@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
class AdminCompanyController {

    private final Companies companies;
    private final Enquiries enquiries;
    private final Idempotency idempotency;

    AdminCompanyController(Companies companies, Enquiries enquiries, Idempotency idempotency) {
        this.companies = companies;
        this.enquiries = enquiries;
        this.idempotency = idempotency;
    }

    /** An existing buyer's account by e-mail, or a new one with a name and an initial password. */
    record BuyerBody(@NotBlank @Email @Size(max = 254) String email, @Nullable @Size(max = 100) String displayName,
            @Nullable @Size(max = 200) String password) {
    }

    @GetMapping("/enquiries")
    Mono<List<Enquiries.Enquiry>> enquiries(@RequestParam(required = false) Enquiries.@Nullable Status status) {
        return enquiries.list(status);
    }

    @PostMapping("/enquiries/{id}/decline")
    Mono<ResponseEntity<Void>> decline(@PathVariable UUID id) {
        return enquiries.decline(id).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/companies")
    Mono<List<Companies.Summary>> companies() {
        return companies.list();
    }

    @GetMapping("/companies/{id}")
    Mono<Company> company(@PathVariable UUID id) {
        return companies.one(id);
    }

    /** Registers a company; {@code enquiry} the id of the enquiry it answers, if any. */
    @PostMapping(path = "/companies", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> register(@Valid @RequestBody CompanyForms.CompanyBody company,
            @RequestParam(required = false) @Nullable UUID enquiry,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        return idempotency.execute(exchange, key, company, () -> companies.register(company.details(), enquiry)
                .map(registered -> ResponseEntity.created(URI.create("/api/admin/corporate/companies/" + registered.id()))
                        .body(registered)));
    }

    @PutMapping("/companies/{id}")
    Mono<Company> update(@PathVariable UUID id, @Valid @RequestBody CompanyForms.CompanyBody company) {
        return companies.update(id, company.details());
    }

    @PostMapping(path = "/companies/{id}/locations", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> addLocation(@PathVariable UUID id, @Valid @RequestBody CompanyForms.LocationBody location,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        return idempotency.execute(exchange, key, location, () -> companies.addLocation(id, location.location())
                .map(added -> ResponseEntity.status(201).body(added)));
    }

    @DeleteMapping("/companies/{id}/locations/{locationId}")
    Mono<ResponseEntity<Void>> removeLocation(@PathVariable UUID id, @PathVariable UUID locationId) {
        return companies.removeLocation(id, locationId).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/companies/{id}/buyers")
    Mono<Company> addBuyer(@PathVariable UUID id, @Valid @RequestBody BuyerBody buyer) {
        return companies.addBuyer(id, new Companies.NewBuyer(buyer.email(), buyer.displayName(), buyer.password()));
    }

    @DeleteMapping("/companies/{id}/buyers/{userId}")
    Mono<ResponseEntity<Void>> removeBuyer(@PathVariable UUID id, @PathVariable UUID userId) {
        return companies.removeBuyer(id, userId).thenReturn(ResponseEntity.noContent().build());
    }
}
