package org.socialworkshop.receipts;

import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.platform.web.ProblemException;
import org.socialworkshop.platform.web.PublicAddress;
import org.socialworkshop.receipts.render.EscPos;
import org.socialworkshop.receipts.render.Paper;
import org.socialworkshop.receipts.render.QrCodes;
import org.socialworkshop.receipts.render.ReceiptPdf;
import org.socialworkshop.shared.Language;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.scheduler.Schedulers;
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
    private final PublicAddress publicAddress;
    private final QrCodes qrCodes;
    private final ReceiptPdf pdfs;
    private final EscPos escPos;

    ReceiptController(ReceiptBook book, ReceiptKeys keys, ReceiptSettings settings, PublicAddress publicAddress, QrCodes qrCodes,
            ReceiptPdf pdfs, EscPos escPos) {
        this.publicAddress = publicAddress;
        this.book = book;
        this.keys = keys;
        this.settings = settings;
        this.qrCodes = qrCodes;
        this.pdfs = pdfs;
        this.escPos = escPos;
    }

    /**
     * The receipt as JSON, or a rendering when the code ends in {@code .pdf}, {@code .escpos} or {@code .png}
     * (a signature never contains a dot, so the suffix is unambiguous).
     */
    @GetMapping("/api/receipts/{code}")
    Mono<ResponseEntity<?>> receipt(@PathVariable String code, @RequestParam(required = false) @Nullable String paper,
            @RequestParam(required = false) @Nullable Integer width, @RequestParam(required = false) @Nullable Integer size,
            ServerWebExchange exchange) {
        for (String suffix : List.of(".pdf", ".escpos", ".png")) {
            if (code.endsWith(suffix)) {
                String bare = code.substring(0, code.length() - suffix.length());
                return switch (suffix) {
                    case ".pdf" -> pdf(bare, paper, exchange).map(response -> response);
                    case ".escpos" -> escpos(bare, width, exchange).map(response -> response);
                    default -> qr(bare, size, exchange).map(response -> response);
                };
            }
        }
        return book.find(code)
                .<ResponseEntity<?>>map(checked -> ResponseEntity.ok(ReceiptView.of(checked, shopUrl(exchange), settings.timeZone())))
                .switchIfEmpty(Mono.error(NotGenuine::new));
    }

    @GetMapping("/api/receipts/{code}/qr.png")
    Mono<ResponseEntity<byte[]>> qr(@PathVariable String code, @RequestParam(required = false) @Nullable Integer size,
            ServerWebExchange exchange) {
        int pixels = size == null ? 300 : size;
        if (pixels < QrCodes.MIN_SIZE || pixels > QrCodes.MAX_SIZE) {
            return Mono.error(InvalidInput.field("size", "must be between " + QrCodes.MIN_SIZE + " and " + QrCodes.MAX_SIZE));
        }
        return rendered(code, exchange, MediaType.IMAGE_PNG, "qr.png", (receipt, url) -> qrCodes.png(url, pixels));
    }

    @GetMapping("/api/receipts/{code}/receipt.pdf")
    Mono<ResponseEntity<byte[]>> pdf(@PathVariable String code, @RequestParam(required = false) @Nullable String paper,
            ServerWebExchange exchange) {
        Paper chosen = paper == null ? Paper.ROLL_80MM : Paper.fromParameter(paper).orElse(null);
        if (chosen == null) {
            return Mono.error(InvalidInput.field("paper", "must be 80mm or a4"));
        }
        Language language = Language.of(exchange.getLocaleContext().getLocale() == null ? Locale.SIMPLIFIED_CHINESE
                : exchange.getLocaleContext().getLocale());
        return rendered(code, exchange, MediaType.APPLICATION_PDF, "receipt.pdf",
                (receipt, url) -> pdfs.render(receipt, url, chosen, settings.timeZone(), language));
    }

    @GetMapping("/api/receipts/{code}/receipt.escpos")
    Mono<ResponseEntity<byte[]>> escpos(@PathVariable String code, @RequestParam(required = false) @Nullable Integer width,
            ServerWebExchange exchange) {
        int millimetres = width == null ? 80 : width;
        if (millimetres != 58 && millimetres != 80) {
            return Mono.error(InvalidInput.field("width", "must be 58 or 80"));
        }
        return rendered(code, exchange, MediaType.APPLICATION_OCTET_STREAM, "receipt.escpos",
                (receipt, url) -> escPos.render(receipt, url, millimetres, settings.timeZone()));
    }

    /** A rendering of a genuine receipt, made off the event loop (rendering blocks), cached by the browser for a day. */
    private Mono<ResponseEntity<byte[]>> rendered(String code, ServerWebExchange exchange, MediaType type, String filename,
            BiFunction<SignedReceipt, String, byte[]> render) {
        String base = shopUrl(exchange);
        return book.find(code)
                .switchIfEmpty(Mono.error(NotGenuine::new))
                .flatMap(checked -> Mono.fromCallable(() -> render.apply(checked.receipt(), base + checked.receipt().path()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(bytes -> ResponseEntity.ok().contentType(type)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                        .body(bytes));
    }

    @GetMapping("/.well-known/receipt-keys")
    Mono<Map<String, List<Map<String, String>>>> keys() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return keys.published().map(published -> Map.of("keys", published.stream().map(key -> {
            Map<String, String> jwk = new LinkedHashMap<>(Map.of("kty", "OKP", "crv", "Ed25519", "x", base64.encodeToString(key.publicKey()),
                    "kid", key.id(), "use", "sig", "alg", "EdDSA"));
            if (key.register() != null) {
                jwk.put("register", key.register()); // a POS tablet's key signs its register's receipts only
            }
            return jwk;
        }).toList()));
    }

    /** The shop's address for links ({@link PublicAddress}). */
    String shopUrl(ServerWebExchange exchange) {
        return publicAddress.of(exchange);
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
