package org.socialworkshop.corporate;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.idempotency.Idempotency;
import org.socialworkshop.platform.idempotency.IdempotentRequest;
import org.socialworkshop.platform.web.ClientAddress;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The corporate door: the public enquiry form, and for a company's buyers their own company (never another's: the
 * company is the signed-in buyer's, never taken from the request). See docs/api/corporate.md.
 */
@RestController
class CorporateController {

    private final Companies companies;
    private final Enquiries enquiries;
    private final Idempotency idempotency;

    CorporateController(Companies companies, Enquiries enquiries, Idempotency idempotency) {
        this.companies = companies;
        this.enquiries = enquiries;
        this.idempotency = idempotency;
    }

    /** An enquiry from a company not yet registered; {@code lang} the page's, for the answer. */
    record EnquiryBody(@NotBlank @Size(max = 200) String companyName, @Nullable @Size(max = 40) String creditCode,
            @NotBlank @Size(max = 100) String contactName, @NotBlank @Size(max = 40) String contactPhone,
            @NotBlank @Email @Size(max = 254) String contactEmail, @NotBlank @Size(max = 2000) String needs,
            @NotNull @Pattern(regexp = "zh-CN|en") String lang) {
    }

    @PostMapping(path = "/api/corporate/enquiries", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> enquire(@Valid @RequestBody EnquiryBody body,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        Enquiries.Sent sent = new Enquiries.Sent(body.companyName(), body.creditCode(), body.contactName(), body.contactPhone(),
                body.contactEmail(), body.needs(), body.lang());
        return idempotency.execute(exchange, key, body, () -> enquiries.send(sent, ClientAddress.of(exchange))
                .map(received -> ResponseEntity.status(201).body(received)));
    }

    @GetMapping("/api/corporate/company")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<Company> company() {
        return companies.ofBuyer();
    }

    @PostMapping(path = "/api/corporate/company/locations", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<ResponseEntity<byte[]>> addLocation(@Valid @RequestBody CompanyForms.LocationBody location,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        return idempotency.execute(exchange, key, location, () -> companies.buyersCompany()
                .flatMap(company -> companies.addLocation(company, location.location()))
                .map(added -> ResponseEntity.status(201).body(added)));
    }

    @DeleteMapping("/api/corporate/company/locations/{locationId}")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<ResponseEntity<Void>> removeLocation(@PathVariable UUID locationId) {
        return companies.buyersCompany().flatMap(company -> companies.removeLocation(company, locationId))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
