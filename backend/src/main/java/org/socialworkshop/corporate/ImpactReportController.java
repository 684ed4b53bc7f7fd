package org.socialworkshop.corporate;

import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.platform.web.ProblemException;
import org.socialworkshop.platform.web.PublicAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Impact reports: buyers read their company's (per order, per year) and download them signed; coordinators any
 * company's; anyone holding a report's code checks it ({@code GET /api/impact-reports/{code}}, the page {@code /i/{code}}).
 * See docs/api/corporate.md.
 */
@RestController
class ImpactReportController {

    private static final ZoneId WORKSHOP = ZoneId.of("Asia/Shanghai");

    private final ImpactReports reports;
    private final ImpactPdf pdf;
    private final PublicAddress publicAddress;

    ImpactReportController(ImpactReports reports, ImpactPdf pdf, PublicAddress publicAddress) {
        this.reports = reports;
        this.pdf = pdf;
        this.publicAddress = publicAddress;
    }

    record Check(String code, String url, JsonNode report, Map<String, String> signed, Map<String, Object> verification) {
    }

    @GetMapping("/api/corporate/orders/{orderId}/impact")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<ImpactReport> mine(@PathVariable UUID orderId) {
        return reports.ofBuyersOrder(orderId).map(ImpactReports.Draft::report);
    }

    @GetMapping("/api/corporate/orders/{orderId}/impact.pdf")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<ResponseEntity<byte[]>> minePdf(@PathVariable UUID orderId, ServerWebExchange exchange) {
        return reports.ofBuyersOrder(orderId).flatMap(draft -> signedPdf(draft, exchange));
    }

    @GetMapping("/api/corporate/impact")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<ImpactReport> myYear(@RequestParam @Min(2000) @Max(2100) int year) {
        return reports.ofBuyersYear(pastOrThisYear(year)).map(ImpactReports.Draft::report);
    }

    @GetMapping("/api/corporate/impact.pdf")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<ResponseEntity<byte[]>> myYearPdf(@RequestParam @Min(2000) @Max(2100) int year, ServerWebExchange exchange) {
        return reports.ofBuyersYear(pastOrThisYear(year)).flatMap(draft -> signedPdf(draft, exchange));
    }

    @GetMapping("/api/admin/corporate/orders/{orderId}/impact")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ImpactReport> one(@PathVariable UUID orderId) {
        return reports.ofOrder(orderId).map(ImpactReports.Draft::report);
    }

    @GetMapping("/api/admin/corporate/orders/{orderId}/impact.pdf")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ResponseEntity<byte[]>> onePdf(@PathVariable UUID orderId, ServerWebExchange exchange) {
        return reports.ofOrder(orderId).flatMap(draft -> signedPdf(draft, exchange));
    }

    @GetMapping("/api/admin/corporate/companies/{companyId}/impact")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ImpactReport> year(@PathVariable UUID companyId, @RequestParam @Min(2000) @Max(2100) int year) {
        return reports.ofYear(companyId, pastOrThisYear(year)).map(ImpactReports.Draft::report);
    }

    @GetMapping("/api/admin/corporate/companies/{companyId}/impact.pdf")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ResponseEntity<byte[]>> yearPdf(@PathVariable UUID companyId, @RequestParam @Min(2000) @Max(2100) int year,
            ServerWebExchange exchange) {
        return reports.ofYear(companyId, pastOrThisYear(year)).flatMap(draft -> signedPdf(draft, exchange));
    }

    @GetMapping("/api/impact-reports/{code}")
    Mono<Check> check(@PathVariable String code, ServerWebExchange exchange) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return reports.check(code)
                .map(checked -> new Check(checked.report().code(), publicAddress.of(exchange) + "/i/" + checked.report().code(),
                        checked.report().content(),
                        Map.of("keyId", checked.report().keyId(), "algorithm", "Ed25519", "hash", checked.report().hash(),
                                "signature", base64.encodeToString(checked.report().signature()),
                                "payload", base64.encodeToString(checked.report().payload()),
                                "issuedAt", checked.report().issuedAt().toString()),
                        Map.of("signatureValid", checked.signatureValid(), "status", checked.signatureValid() ? "GENUINE" : "NOT_GENUINE")))
                .switchIfEmpty(Mono.error(NotGenuine::new));
    }

    private Mono<ResponseEntity<byte[]>> signedPdf(ImpactReports.Draft draft, ServerWebExchange exchange) {
        String base = publicAddress.of(exchange);
        String name = draft.report().order() != null ? "impact-" + draft.report().order().number() : "impact-" + draft.report().year();
        return reports.issue(draft)
                .flatMap(issued -> Mono.fromCallable(() -> pdf.render(issued, base + "/i/" + issued.code(), WORKSHOP))
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(bytes -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".pdf\"")
                        .body(bytes));
    }

    /** A year's summary can be read for a year that has begun. */
    private static int pastOrThisYear(int year) {
        if (year > ImpactReports.today().getYear()) {
            throw InvalidInput.field("year", "must not be after this year");
        }
        return year;
    }

    /** No report has this code. */
    static final class NotGenuine extends ProblemException {

        NotGenuine() {
            super(HttpStatus.NOT_FOUND, "Impact report not found", "No impact report has this code; it is not genuine.");
            getBody().setProperty("verification", Map.of("signatureValid", false, "status", "NOT_GENUINE"));
        }
    }
}
