package org.socialworkshop.corporate;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.idempotency.Idempotency;
import org.socialworkshop.platform.idempotency.IdempotentRequest;
import org.socialworkshop.shared.Money;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Quotes: buyers ask for them, read their company's, accept one with a purchase-order number or ask for changes;
 * coordinators price and send versions, or decline. See docs/api/corporate.md, "Quotes".
 */
@RestController
class QuoteController {

    private final Quotes quotes;
    private final Companies companies;
    private final QuotePdf pdf;
    private final Idempotency idempotency;

    QuoteController(Quotes quotes, Companies companies, QuotePdf pdf, Idempotency idempotency) {
        this.quotes = quotes;
        this.companies = companies;
        this.pdf = pdf;
        this.idempotency = idempotency;
    }

    record QuoteRequest(@NotNull @Size(min = 1, max = 100) List<PriceController.@NotNull @Valid LineBody> lines, @NotNull LocalDate wantedBy,
            @Nullable UUID locationId, @Nullable @Size(max = 2000) String note) {
    }

    record ManualBody(@NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 100) String nameEn, @Min(1) @Max(100_000) int quantity,
            @NotNull @Valid PriceController.MoneyBody unitPrice) {
    }

    record DeliveryMoney(@Min(0) @Max(100_000_000) long amount, @NotNull @Pattern(regexp = "CNY") String currency) {
    }

    record VersionBody(@NotNull LocalDate validUntil, @NotNull @Valid DeliveryMoney delivery,
            @Size(max = 20) List<@NotNull @Valid ManualBody> manual, @Nullable @Size(max = 2000) String note) {
    }

    record AcceptBody(@Min(1) @Max(1000) int version, @NotBlank @Size(max = 60) String poNumber) {
    }

    record ChangesBody(@NotBlank @Size(max = 2000) String changes) {
    }

    record DeclineBody(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping(path = "/api/corporate/quotes", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<ResponseEntity<byte[]>> request(@Valid @RequestBody QuoteRequest body,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        Quotes.Request request = new Quotes.Request(body.lines().stream().map(PriceController.LineBody::wanted).toList(), body.wantedBy(),
                body.locationId(), body.note());
        return idempotency.execute(exchange, key, body, () -> quotes.request(request)
                .map(quote -> ResponseEntity.created(URI.create("/api/corporate/quotes/" + quote.id())).body(quote)));
    }

    @GetMapping("/api/corporate/quotes")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<List<Quotes.Summary>> mine() {
        return quotes.ofBuyer();
    }

    @GetMapping("/api/corporate/quotes/{id}")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<Quotes.Quote> mine(@PathVariable UUID id) {
        return quotes.ofBuyer(id);
    }

    @GetMapping("/api/corporate/quotes/{id}/versions/{version}/pdf")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<ResponseEntity<byte[]>> minePdf(@PathVariable UUID id, @PathVariable int version) {
        return quotes.ofBuyer(id).flatMap(quote -> pdf(quote, version));
    }

    @PostMapping("/api/corporate/quotes/{id}/accept")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<Quotes.Accepted> accept(@PathVariable UUID id, @Valid @RequestBody AcceptBody body) {
        return quotes.accept(id, body.version(), body.poNumber());
    }

    @PostMapping("/api/corporate/quotes/{id}/changes")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<Quotes.Quote> changes(@PathVariable UUID id, @Valid @RequestBody ChangesBody body) {
        return quotes.askChanges(id, body.changes());
    }

    @GetMapping("/api/admin/corporate/quotes")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<List<Quotes.Summary>> all(@RequestParam(required = false) Quotes.@Nullable Status status) {
        return quotes.list(status);
    }

    @GetMapping("/api/admin/corporate/quotes/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<Quotes.Quote> one(@PathVariable UUID id) {
        return quotes.one(id);
    }

    @GetMapping("/api/admin/corporate/quotes/{id}/versions/{version}/pdf")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ResponseEntity<byte[]>> onePdf(@PathVariable UUID id, @PathVariable int version) {
        return quotes.one(id).flatMap(quote -> pdf(quote, version));
    }

    /** The version as a PDF, rendered off the event loop; a version not sent is not found. */
    private Mono<ResponseEntity<byte[]>> pdf(Quotes.Quote quote, int version) {
        return Mono.justOrEmpty(quote.versions().stream().filter(sent -> sent.version() == version).findFirst())
                .switchIfEmpty(Mono.error(CorporateProblem::unknownQuote))
                .zipWith(companies.one(quote.companyId()))
                .flatMap(found -> Mono.fromCallable(() -> pdf.render(quote, found.getT1(), found.getT2()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(bytes -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + quote.number() + "-v" + version + ".pdf\"")
                        .body(bytes));
    }

    @PostMapping("/api/admin/corporate/quotes/{id}/versions")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<Quotes.Quote> send(@PathVariable UUID id, @Valid @RequestBody VersionBody body) {
        List<Quotes.ManualLine> manual = body.manual() == null ? List.of() : body.manual().stream()
                .map(line -> new Quotes.ManualLine(line.nameZh().strip(), line.nameEn().strip(), line.quantity(), line.unitPrice().money()))
                .toList();
        return quotes.send(id, new Quotes.Pricing(body.validUntil(), Money.fen(body.delivery().amount()), manual, body.note()));
    }

    @PostMapping("/api/admin/corporate/quotes/{id}/decline")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<Quotes.Quote> decline(@PathVariable UUID id, @Valid @RequestBody DeclineBody body) {
        return quotes.decline(id, body.reason());
    }
}
