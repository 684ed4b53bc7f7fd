package org.socialworkshop.pos;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Voided lines and the drawer opened without a sale, recorded for the shift's reports (docs/api/pos.md). Each is known
 * by the id the tablet gave it: sent again, it is recorded once.
 */
@RestController
class DrawerController {

    private final Counters counters;
    private final DrawerEvents events;

    DrawerController(Counters counters, DrawerEvents events) {
        this.counters = counters;
        this.events = events;
    }

    /** Units of a variant taken off the sale before it was paid, and their amount as the tablet priced them. */
    record VoidBody(@NotNull UUID id, @NotNull UUID variantId, @Min(1) @Max(999) int quantity,
            @NotNull @Valid ShiftController.MovedCash amount) {
    }

    @PostMapping("/api/pos/voids")
    Mono<ResponseEntity<Map<String, UUID>>> voided(@Valid @RequestBody VoidBody body, ServerWebExchange exchange) {
        return counters.staffed(exchange).flatMap(counter -> CurrentUser.name().flatMap(cashier -> events.voided(counter.register().id(),
                        cashier, new DrawerEvents.LineVoid(body.id(), new VariantId(body.variantId()), body.quantity(), body.amount().money()))))
                .map(voided -> ResponseEntity.status(201).body(Map.of("id", voided.id())));
    }

    /** The drawer opened without a sale, and why (change for a note, a count, a correction). */
    record NoSaleBody(@NotNull UUID id, @NotBlank @Size(max = 200) String reason) {
    }

    @PostMapping("/api/pos/shift/no-sale")
    Mono<ResponseEntity<Map<String, UUID>>> noSale(@Valid @RequestBody NoSaleBody body, ServerWebExchange exchange) {
        return counters.staffed(exchange).flatMap(counter -> CurrentUser.name().flatMap(cashier -> events.noSale(counter.register().id(),
                        cashier, body.id(), body.reason().trim())))
                .map(id -> ResponseEntity.status(201).body(Map.of("id", id)));
    }
}
