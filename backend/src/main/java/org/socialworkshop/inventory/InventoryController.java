package org.socialworkshop.inventory;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.ProductId;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.platform.idempotency.Idempotency;
import org.socialworkshop.platform.idempotency.IdempotentRequest;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Coordinators record and read stock. See docs/api/catalog.md. */
@RestController
@RequestMapping("/api/admin/stock")
@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
class InventoryController {

    private final Inventory inventory;
    private final StockReads reads;
    private final Idempotency idempotency;

    InventoryController(Inventory inventory, StockReads reads, Idempotency idempotency) {
        this.inventory = inventory;
        this.reads = reads;
        this.idempotency = idempotency;
    }

    record Receipt(@NotNull UUID variantId, @NotBlank @Size(max = 40) String location,
            @Min(1) @Max(100_000) long quantity, @Size(max = 500) @Nullable String note) {
    }

    record Adjustment(@NotNull UUID variantId, @NotBlank @Size(max = 40) String location,
            @Min(-100_000) @Max(100_000) long delta, @NotBlank @Size(min = 3, max = 500) String reason) {
    }

    record Transfer(@NotNull UUID variantId, @NotBlank @Size(max = 40) String from, @NotBlank @Size(max = 40) String to,
            @Min(1) @Max(100_000) long quantity) {
    }

    record Threshold(@NotNull UUID variantId, @NotBlank @Size(max = 40) String location,
            @Min(0) @Max(100_000) int lowStockThreshold) {
    }

    @GetMapping("/locations")
    Mono<List<StockReads.Location>> locations(Locale locale) {
        return reads.locations(Language.of(locale));
    }

    @GetMapping
    Mono<List<StockLevel>> levels(@RequestParam(required = false) @Nullable UUID productId,
            @RequestParam(required = false) @Size(max = 40) @Nullable String location, Locale locale) {
        return reads.levels(productId == null ? null : new ProductId(productId), location, Language.of(locale));
    }

    @GetMapping("/movements")
    Mono<Page<StockMovement>> movements(@RequestParam(required = false) @Nullable UUID variantId,
            @RequestParam(required = false) @Size(max = 40) @Nullable String location,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Page.Request.MAX_SIZE) int size) {
        return reads.movements(variantId, location, new Page.Request(page, size));
    }

    @GetMapping("/alerts")
    Mono<List<StockReads.Alert>> alerts() {
        return reads.alerts();
    }

    @PostMapping(path = "/receipts", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> receive(@Valid @RequestBody Receipt receipt,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        return idempotency.execute(exchange, key, receipt, () -> inventory
                .receive(new VariantId(receipt.variantId()), receipt.location(), receipt.quantity(), receipt.note())
                .map(movement -> ResponseEntity.status(201).body(movement)));
    }

    @PostMapping(path = "/adjustments", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> adjust(@Valid @RequestBody Adjustment adjustment,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        if (adjustment.delta() == 0) {
            return Mono.error(InvalidInput.field("delta", "must not be zero"));
        }
        return idempotency.execute(exchange, key, adjustment, () -> inventory
                .adjust(new VariantId(adjustment.variantId()), adjustment.location(), adjustment.delta(), adjustment.reason().trim())
                .map(movement -> ResponseEntity.status(201).body(movement)));
    }

    @PostMapping(path = "/transfers", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> transfer(@Valid @RequestBody Transfer transfer,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        if (transfer.from().equals(transfer.to())) {
            return Mono.error(InvalidInput.field("to", "must differ from 'from'"));
        }
        return idempotency.execute(exchange, key, transfer, () -> inventory
                .transfer(new VariantId(transfer.variantId()), transfer.from(), transfer.to(), transfer.quantity())
                .map(movements -> ResponseEntity.status(201).body(movements)));
    }

    @PutMapping("/thresholds")
    Mono<ResponseEntity<Void>> threshold(@Valid @RequestBody Threshold threshold) {
        return inventory.setThreshold(new VariantId(threshold.variantId()), threshold.location(), threshold.lowStockThreshold())
                .thenReturn(ResponseEntity.noContent().build());
    }
}
