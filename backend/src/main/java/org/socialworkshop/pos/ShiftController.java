package org.socialworkshop.pos;

import java.net.URI;
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
import org.socialworkshop.shared.SignatureText;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The shift at the tablet's register and its cash drawer, for the cashier signed in there: open with the counted
 * float, pay cash in or out with a reason, close with the counted cash. See docs/api/pos.md.
 */
@RestController
class ShiftController {

    private final Counters counters;
    private final Shifts shifts;
    private final ShiftReports reports;
    private final Idempotency idempotency;

    ShiftController(Counters counters, Shifts shifts, ShiftReports reports, Idempotency idempotency) {
        this.counters = counters;
        this.shifts = shifts;
        this.reports = reports;
        this.idempotency = idempotency;
    }

    /** Cash counted, in fen (0 for an empty drawer); the currency, when given, must be the shop's. */
    record Cash(@Min(0) @Max(100_000_000) long amount, @Nullable @Pattern(regexp = "CNY") String currency) {

        Money money() {
            return Money.fen(amount);
        }
    }

    record Opening(@NotNull @Valid Cash openingFloat) {
    }

    /** Cash that moves: at least one fen. */
    record MovedCash(@Min(1) @Max(100_000_000) long amount, @Nullable @Pattern(regexp = "CNY") String currency) {

        Money money() {
            return Money.fen(amount);
        }
    }

    record Movement(@NotNull Shifts.Movement kind, @NotNull @Valid MovedCash amount, @NotBlank @Size(max = 200) String reason) {
    }

    record Counted(@NotNull @Valid Cash countedCash) {
    }

    /** The open shift, or {@code null}: a tablet asks this on every start. */
    record Current(Shifts.@Nullable Shift shift) {
    }

    @GetMapping("/api/pos/shift")
    Mono<Current> current(ServerWebExchange exchange) {
        return counters.staffed(exchange).flatMap(counter -> shifts.current(counter.register().id()))
                .map(shift -> new Current(shift.orElse(null)));
    }

    @PostMapping(path = "/api/pos/shift", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> open(@Valid @RequestBody Opening opening,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        return counters.staffed(exchange).flatMap(counter -> idempotency.execute(exchange, key, opening, () -> shifts
                .open(counter.register().id(), opening.openingFloat().money())
                .map(shift -> ResponseEntity.created(URI.create("/api/pos/shift")).body(shift))));
    }

    @PostMapping(path = "/api/pos/shift/cash-movements", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> move(@Valid @RequestBody Movement movement,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        return counters.staffed(exchange).flatMap(counter -> idempotency.execute(exchange, key, movement, () -> shifts
                .move(counter.register().id(), movement.kind(), movement.amount().money(), movement.reason().trim())
                .map(shift -> ResponseEntity.status(201).body(shift))));
    }

    /** Closes the shift; with an {@code Idempotency-Key}, a retry after a lost answer gets the closing, not a 409. */
    @PostMapping(path = "/api/pos/shift/close", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> close(@Valid @RequestBody Counted counted,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        return counters.staffed(exchange).flatMap(counter -> idempotency.execute(exchange, key, counted, () -> shifts
                .close(counter.register().id(), counted.countedCash().money())
                // the Z report at once; were it lost here, it is made the first time it is asked for
                .flatMap(closed -> reports.z(closed.id()).then(shifts.byId(closed.id())))
                .map(ResponseEntity::ok)));
    }

    /** A report as answered: its code, the page that shows and checks it, and what it says. */
    record IssuedReport(UUID id, ShiftReports.Kind kind, String code, String url, JsonNode report) {

        static IssuedReport of(ShiftReports.Issued issued) {
            return new IssuedReport(issued.id(), issued.kind(), issued.code(), "/pos/report.html?code=" + issued.code(), issued.content());
        }
    }

    /** An X report of the open shift, made now. */
    @PostMapping("/api/pos/shift/reports")
    Mono<ResponseEntity<IssuedReport>> xReport(ServerWebExchange exchange) {
        return counters.staffed(exchange).flatMap(counter -> reports.x(counter.register().id()))
                .map(issued -> ResponseEntity.status(201).body(IssuedReport.of(issued)));
    }

    /** A report and whether it is genuine, for anyone holding its code (printed under its QR code). */
    record CheckedReport(String code, String url, JsonNode report, Signed signed, boolean valid) {
    }

    record Signed(String keyId, String algorithm, String hash, String signature, String payload) {
    }

    @GetMapping("/api/pos/reports/{code}")
    Mono<CheckedReport> report(@PathVariable String code) {
        return reports.check(code)
                .map(checked -> new CheckedReport(checked.report().code(), "/pos/report.html?code=" + checked.report().code(),
                        checked.report().content(), new Signed(checked.report().keyId(), "Ed25519", checked.report().hash(),
                                SignatureText.of(checked.report().signature()), SignatureText.of(checked.report().payload())),
                        checked.valid()))
                .switchIfEmpty(Mono.error(PosProblem::unknownReport));
    }
}
