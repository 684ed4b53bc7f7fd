package org.socialworkshop.piecework;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.piecework.domain.LedgerEntry;
import org.socialworkshop.platform.idempotency.Idempotency;
import org.socialworkshop.platform.idempotency.IdempotentRequest;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.shared.Money;
import org.socialworkshop.shared.Page;
import org.socialworkshop.platform.web.PlausibleDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** Coordinators' piece-work: rates, work and its checks, adjustments, payouts, statements, the overview. See docs/api/piecework.md. */
@RestController
@RequestMapping("/api/admin/piecework")
@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
class AdminPieceworkController {

    static final String LOCATION = "^(WORKSHOP_SHOP|ONLINE_STORE_ROOM)$";

    private final PieceRates rates;
    private final WorkRecords work;
    private final Corrections corrections;
    private final MakerPayouts payouts;
    private final Statements statements;
    private final Ledger ledger;
    private final MakerAccounts accounts;
    private final Idempotency idempotency;
    private final RevenueShares shares;
    private final TopUps topUps;
    private final WorkshopTime time;

    AdminPieceworkController(PieceRates rates, WorkRecords work, Corrections corrections, MakerPayouts payouts, Statements statements,
            Ledger ledger, MakerAccounts accounts, Idempotency idempotency, RevenueShares shares, TopUps topUps, WorkshopTime time) {
        this.shares = shares;
        this.topUps = topUps;
        this.rates = rates;
        this.work = work;
        this.corrections = corrections;
        this.payouts = payouts;
        this.statements = statements;
        this.ledger = ledger;
        this.accounts = accounts;
        this.idempotency = idempotency;
        this.time = time;
    }

    record NewOperation(@NotNull UUID productId, @Nullable UUID variantId, @NotBlank @Size(max = 60) String nameZh,
            @NotBlank @Size(max = 60) String nameEn, @Min(0) @Max(1_000_000) long rate, @NotNull @PlausibleDate LocalDate validFrom) {
    }

    record NewRate(@Min(0) @Max(1_000_000) long rate, @NotNull @PlausibleDate LocalDate validFrom) {
    }

    record CheckBody(@Min(0) @Max(100_000) int accepted, @Min(0) @Max(100_000) int rejected, @Nullable @Size(max = 500) String reason,
            @Nullable @Pattern(regexp = LOCATION) String receiveTo) {

        WorkRecords.Check check() {
            return new WorkRecords.Check(accepted, rejected, reason == null || reason.isBlank() ? null : reason.trim(), receiveTo);
        }
    }

    record NewWork(@NotNull UUID makerId, @NotNull UUID operationId, @NotNull @PlausibleDate LocalDate workDate, @Min(1) @Max(100_000) int pieces,
            @Nullable @Size(max = 500) String note, @Nullable @Valid CheckBody check, @Nullable UUID orderId,
            @Nullable @Min(1) @Max(1440) Integer minutes) {
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    record Adjustment(@NotNull UUID makerId, @Min(-10_000_000) @Max(10_000_000) long amount, @NotBlank @Size(max = 500) String reason) {
    }

    record Replacement(@NotNull UUID makerId, @Min(-10_000_000) @Max(10_000_000) long amount) {
    }

    record Correction(@NotBlank @Size(max = 500) String reason, @Nullable @Valid Replacement replacement) {
    }

    record NewPayout(@NotNull UUID makerId, @Min(1) @Max(10_000_000) long amount, @NotNull MakerPayouts.Method method,
            @Nullable @Size(max = 100) String reference) {
    }

    record NewBatch(@NotNull MakerPayouts.Method method, @Nullable @Size(max = 1000) List<UUID> makerIds) {
    }

    record Hours(@Min(0) @Max(44_640) int minutes) {
    }

    record AccountLink(@NotBlank @Email @Size(max = 254) String email) {
    }

    record ConsignmentTerms(@NotNull UUID makerId, @NotNull @DecimalMin(value = "0.001") @DecimalMax("1") BigDecimal share) {
    }

    @GetMapping("/operations")
    Mono<List<PieceRates.Operation>> operations(@RequestParam(required = false) @Nullable UUID productId) {
        return rates.ofProduct(productId);
    }

    @PostMapping("/operations")
    Mono<ResponseEntity<PieceRates.Operation>> createOperation(@Valid @RequestBody NewOperation body) {
        return rates.create(body.productId(), body.variantId(), body.nameZh().trim(), body.nameEn().trim(), body.rate(), body.validFrom())
                .map(created -> ResponseEntity.status(201).body(created));
    }

    @PostMapping("/operations/{id}/rates")
    Mono<ResponseEntity<PieceRates.Operation>> setRate(@PathVariable UUID id, @Valid @RequestBody NewRate body) {
        return rates.setRate(id, body.rate(), body.validFrom()).map(updated -> ResponseEntity.status(201).body(updated));
    }

    /**
     * Records a maker's work; with an {@code Idempotency-Key}, sending the same record again (an answer lost to a
     * dropped connection, a double click) answers the first outcome instead of recording and paying the work twice.
     */
    @PostMapping(path = "/work", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "201", description = "The work record (the first outcome again for a key sent before)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = WorkRecords.WorkRecord.class)))
    Mono<ResponseEntity<byte[]>> record(@Valid @RequestBody NewWork body,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        if (body.workDate().isAfter(time.today().plusDays(1))) {
            throw InvalidInput.field("workDate", "must not be in the future");
        }
        return idempotency.execute(exchange, key, body, () -> work.record(body.makerId(), body.operationId(), body.workDate(),
                        body.pieces(), body.note(), body.check() == null ? null : body.check().check(), body.orderId(), body.minutes())
                .map(recorded -> ResponseEntity.status(201).body(recorded)));
    }

    @PostMapping("/work/{id}/check")
    Mono<WorkRecords.WorkRecord> check(@PathVariable UUID id, @Valid @RequestBody CheckBody body) {
        return work.check(id, body.check());
    }

    @PostMapping("/work/{id}/decline")
    Mono<WorkRecords.WorkRecord> decline(@PathVariable UUID id, @Valid @RequestBody Reason body) {
        return work.decline(id, body.reason().trim());
    }

    @GetMapping("/work")
    Mono<Page<WorkRecords.WorkRecord>> list(@RequestParam(required = false) WorkRecords.@Nullable Status status,
            @RequestParam(required = false) @Nullable UUID makerId, @RequestParam(required = false) @Nullable @PlausibleDate YearMonth month,
            @RequestParam(required = false) @Nullable UUID orderId, @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Page.Request.MAX_SIZE) int size) {
        return work.list(status, makerId, month, orderId, new Page.Request(page, size));
    }

    /** Books an adjustment to a maker's earnings; an {@code Idempotency-Key} makes sending it again safe, as for work. */
    @PostMapping(path = "/adjustments", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "201", description = "The ledger entry booked (the first outcome again for a key sent before)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = LedgerEntry.class)))
    Mono<ResponseEntity<byte[]>> adjust(@Valid @RequestBody Adjustment body,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        if (body.amount() == 0) {
            throw InvalidInput.field("amount", "must not be zero");
        }
        return idempotency.execute(exchange, key, body, () -> corrections.adjust(body.makerId(), body.amount(), body.reason().trim())
                .map(entry -> ResponseEntity.status(201).body(entry)));
    }

    @PostMapping("/entries/{id}/corrections")
    Mono<ResponseEntity<Corrections.Corrected>> correct(@PathVariable UUID id, @Valid @RequestBody Correction body) {
        Replacement replacement = body.replacement();
        return corrections.correct(id, body.reason().trim(), replacement == null ? null : replacement.makerId(),
                replacement == null ? null : replacement.amount()).map(corrected -> ResponseEntity.status(201).body(corrected));
    }

    @PostMapping(path = "/payouts", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> pay(@Valid @RequestBody NewPayout body,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        return idempotency.execute(exchange, key, body, () -> payouts.pay(body.makerId(), body.amount(), body.method(), body.reference())
                .map(paid -> ResponseEntity.status(201).body(paid)));
    }

    @PostMapping(path = "/payout-batches", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> batch(@Valid @RequestBody NewBatch body,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        return idempotency.execute(exchange, key, body, () -> payouts.batch(body.method(), body.makerIds())
                .map(batch -> ResponseEntity.status(201).body(batch)));
    }

    @GetMapping("/payout-batches/{id}/payouts.csv")
    Mono<ResponseEntity<String>> csv(@PathVariable UUID id) {
        return payouts.csv(id).map(csv -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"payouts-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv));
    }

    @GetMapping("/makers/{makerId}/balance")
    Mono<Map<String, Object>> balance(@PathVariable UUID makerId, @RequestParam(required = false) @Nullable @PlausibleDate LocalDate asOf) {
        return ledger.balance(makerId, asOf).map(balance -> Map.of("makerId", makerId, "asOf", asOf == null ? time.today() : asOf,
                "balance", Money.fen(balance)));
    }

    @GetMapping("/makers/{makerId}/months/{month}")
    Mono<Statements.Statement> statement(@PathVariable UUID makerId, @PathVariable @PlausibleDate YearMonth month) {
        return statements.month(makerId, month);
    }

    @PutMapping("/makers/{makerId}/account")
    Mono<ResponseEntity<Void>> link(@PathVariable UUID makerId, @Valid @RequestBody AccountLink body) {
        return accounts.link(body.email(), makerId).thenReturn(ResponseEntity.noContent().build());
    }

    @PutMapping("/consignments/{productId}")
    Mono<ResponseEntity<Void>> consign(@PathVariable UUID productId, @Valid @RequestBody ConsignmentTerms body) {
        return shares.consign(productId, body.makerId(), body.share()).thenReturn(ResponseEntity.noContent().build());
    }

    @PutMapping("/makers/{makerId}/hours/{month}")
    Mono<ResponseEntity<Void>> hours(@PathVariable UUID makerId, @PathVariable @PlausibleDate YearMonth month, @Valid @RequestBody Hours body) {
        return topUps.hours(makerId, month, body.minutes()).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/months/{month}/top-ups")
    Mono<List<TopUps.TopUp>> topUps(@PathVariable @PlausibleDate YearMonth month) {
        return topUps.book(month);
    }

    @GetMapping("/overview")
    Mono<Statements.Overview> overview(@RequestParam(required = false) @Nullable @PlausibleDate YearMonth month) {
        return statements.overview(month == null ? time.thisMonth() : month);
    }
}
