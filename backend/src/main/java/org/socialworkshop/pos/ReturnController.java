package org.socialworkshop.pos;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.shared.SignatureText;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Returns at the counter, for the cashier signed in at the tablet: the original sale found by its receipt's code (or
 * number, or the address its QR code holds) with what may still be returned, and the return with the refund receipt the
 * tablet signed. See docs/api/pos.md, "Returns at the counter". A return is known by the id the tablet gave it, so
 * sending it again stores nothing twice; no {@code Idempotency-Key} is needed.
 */
@RestController
class ReturnController {

    /** A receipt's code ({@code REGISTER-NUMBER.SIGNATURE}) or its number alone ({@code REGISTER-NUMBER}). */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9-]{1,24}-[1-9]\\d{0,17}(\\.[A-Za-z0-9_-]{80,90})?");
    private static final String CODE_MESSAGE = "must be a receipt's code (REGISTER-NUMBER.SIGNATURE), its address (…/r/CODE) or its "
            + "number (REGISTER-NUMBER)";

    private final Counters counters;
    private final Returns returns;

    ReturnController(Counters counters, Returns returns) {
        this.counters = counters;
        this.returns = returns;
    }

    @GetMapping("/api/pos/returns/lookup")
    Mono<Returns.Found> lookup(@RequestParam @NotBlank @Size(max = 400) String receipt, ServerWebExchange exchange) {
        String code = code(receipt, "receipt");
        return counters.staffed(exchange).then(returns.lookup(code));
    }

    /** Units of a line of the original sale given back; {@code restock} (false when left out): they go back to stock. */
    record ReturnLine(@NotNull UUID lineId, @Min(1) @Max(999) int quantity, @Nullable Boolean restock) {
    }

    /**
     * A return: its id made on the tablet, the original receipt's code (or number, or address), the lines given back,
     * how the money goes back ({@code CASH}, or {@code ORIGINAL}: as the sale was paid), an optional reason, and the refund
     * receipt the tablet signed.
     */
    record ReturnBody(@NotNull UUID clientId, @NotBlank @Size(max = 400) String original,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid ReturnLine> lines,
            @NotNull @jakarta.validation.constraints.Pattern(regexp = "CASH|ORIGINAL") String tender,
            @Nullable @Size(max = 200) String reason, @NotNull @Valid SaleController.SignedReceipt receipt) {
    }

    /** A return: 201 when stored now, 200 with the same answer when it was stored before. */
    @PostMapping("/api/pos/returns")
    Mono<ResponseEntity<Returns.Returned>> make(@Valid @RequestBody ReturnBody body, ServerWebExchange exchange) {
        if (body.lines().stream().map(ReturnLine::lineId).distinct().count() != body.lines().size()) {
            throw InvalidInput.field("lines", "each line of the sale at most once");
        }
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().trim();
        Returns.Return wanted = new Returns.Return(body.clientId(), code(body.original(), "original"),
                body.lines().stream().map(line -> new Returns.Wanted(line.lineId(), line.quantity(), Boolean.TRUE.equals(line.restock()))).toList(),
                Returns.Tender.valueOf(body.tender()), reason,
                SignatureText.parse(body.receipt().payload()).orElse(new byte[0]),
                SignatureText.parse(body.receipt().signature()).orElse(new byte[0]));
        return counters.staffed(exchange).flatMap(counter -> returns.make(counter, wanted))
                .map(returned -> ResponseEntity.status(returned.created() ? 201 : 200).body(returned));
    }

    /**
     * The receipt's code as typed or scanned: an address is taken from its {@code /r/} on (a USB scanner types the QR
     * code's address), without its query or fragment; a 400 problem on {@code field} when it is no code.
     */
    static String code(String typed, String field) {
        String code = typed.strip();
        int at = code.lastIndexOf("/r/");
        if (at >= 0) {
            code = code.substring(at + 3).split("[?#]", 2)[0];
        }
        if (!CODE.matcher(code).matches()) {
            throw InvalidInput.field(field, CODE_MESSAGE);
        }
        return code;
    }
}
