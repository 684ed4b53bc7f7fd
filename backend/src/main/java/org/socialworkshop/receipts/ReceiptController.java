package org.socialworkshop.receipts;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Public reads of receipts by their code, and the published keys. See docs/api/receipts.md. */
@RestController
class ReceiptController {

    private final ReceiptBook book;
    private final ReceiptKeys keys;
    private final ReceiptSettings settings;

    ReceiptController(ReceiptBook book, ReceiptKeys keys, ReceiptSettings settings) {
        this.book = book;
        this.keys = keys;
        this.settings = settings;
    }

    @GetMapping("/api/receipts/{code}")
    Mono<ReceiptView> receipt(@PathVariable String code, ServerWebExchange exchange) {
        return book.find(code)
                .map(checked -> ReceiptView.of(checked, shopUrl(exchange), settings.timeZone()))
                .switchIfEmpty(Mono.error(NotGenuine::new));
    }

    @GetMapping("/.well-known/receipt-keys")
    Mono<Map<String, List<Map<String, String>>>> keys() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return keys.published().map(published -> Map.of("keys", published.stream()
                .map(key -> Map.of("kty", "OKP", "crv", "Ed25519", "x", base64.encodeToString(key.publicKey()), "kid", key.id(),
                        "use", "sig", "alg", "EdDSA"))
                .toList()));
    }

    /** The shop's address for links: configured, or the one this request came to. */
    String shopUrl(ServerWebExchange exchange) {
        if (settings.publicUrl() != null) {
            String configured = settings.publicUrl().toString();
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        URI request = exchange.getRequest().getURI();
        return request.getScheme() + "://" + request.getRawAuthority();
    }

    /** No receipt has this code: it was mistyped, made up, or its signature is not the receipt's. */
    static final class NotGenuine extends ProblemException {

        NotGenuine() {
            super(HttpStatus.NOT_FOUND, "Receipt not found",
                    "No receipt has this code. A receipt printed by the workshop always verifies; this one is not genuine.");
            getBody().setProperty("verification", Map.of("signatureValid", false, "chainValid", false, "status", "NOT_GENUINE"));
        }
    }
}
