package org.socialworkshop.piecework;

import java.time.YearMonth;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.socialworkshop.platform.web.ProblemException;
import org.socialworkshop.shared.Language;
import org.socialworkshop.platform.web.PublicAddress;
import org.socialworkshop.platform.web.PlausibleDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Signed statements: the maker's own PDF, a coordinator's copy, and the public check behind the QR code
 * ({@code GET /api/statements/{code}}, the page {@code /s/{code}}).
 */
@RestController
class StatementController {

    private final SignedStatements signed;
    private final StatementPdf pdf;
    private final MakerAccounts accounts;
    private final WorkshopTime time;
    private final PublicAddress publicAddress;

    StatementController(SignedStatements signed, StatementPdf pdf, MakerAccounts accounts, WorkshopTime time, PublicAddress publicAddress) {
        this.publicAddress = publicAddress;
        this.signed = signed;
        this.pdf = pdf;
        this.accounts = accounts;
        this.time = time;
    }

    record Check(String code, String url, JsonNode statement, Map<String, String> signed, Map<String, Object> verification) {
    }

    @GetMapping("/api/maker/months/{month}/statement.pdf")
    @PreAuthorize("hasRole('MAKER')")
    Mono<ResponseEntity<byte[]>> own(@PathVariable @PlausibleDate YearMonth month, ServerWebExchange exchange) {
        return accounts.current().flatMap(maker -> statementPdf(maker, month, exchange));
    }

    @GetMapping("/api/admin/piecework/makers/{makerId}/months/{month}/statement.pdf")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ResponseEntity<byte[]>> copy(@PathVariable UUID makerId, @PathVariable @PlausibleDate YearMonth month, ServerWebExchange exchange) {
        return statementPdf(makerId, month, exchange);
    }

    @GetMapping("/api/statements/{code}")
    Mono<Check> check(@PathVariable String code, ServerWebExchange exchange) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return signed.check(code)
                .map(checked -> new Check(checked.statement().code(), origin(exchange) + "/s/" + checked.statement().code(),
                        checked.statement().content(),
                        Map.of("keyId", checked.statement().keyId(), "algorithm", "Ed25519", "hash", checked.statement().hash(),
                                "signature", base64.encodeToString(checked.statement().signature()),
                                "payload", base64.encodeToString(checked.statement().payload())),
                        Map.of("signatureValid", checked.signatureValid(), "status", checked.signatureValid() ? "GENUINE" : "NOT_GENUINE")))
                .switchIfEmpty(Mono.error(NotGenuine::new));
    }

    private Mono<ResponseEntity<byte[]>> statementPdf(UUID maker, YearMonth month, ServerWebExchange exchange) {
        String base = origin(exchange);
        java.util.Locale locale = exchange.getLocaleContext().getLocale();
        Language language = locale == null ? Language.ZH_CN : Language.of(locale);
        return signed.issue(maker, month)
                .flatMap(issued -> Mono.fromCallable(() -> pdf.render(issued, base + "/s/" + issued.code(), time.zone(), language))
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(bytes -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"statement-" + month + ".pdf\"")
                        .body(bytes));
    }

    private String origin(ServerWebExchange exchange) {
        return publicAddress.of(exchange);
    }

    /** No statement has this code. */
    static final class NotGenuine extends ProblemException {

        NotGenuine() {
            super(HttpStatus.NOT_FOUND, "Statement not found", "No statement has this code; it is not genuine.");
            getBody().setProperty("verification", Map.of("signatureValid", false, "status", "NOT_GENUINE"));
        }
    }
}
