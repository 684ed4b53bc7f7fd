package org.socialworkshop.identity;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Coordinators set the PINs cashiers sign in with on the POS tablets. See docs/api/pos.md. */
@RestController
class StaffPinController {

    private final StaffPins pins;

    StaffPinController(StaffPins pins) {
        this.pins = pins;
    }

    record NewPin(@NotNull @Size(max = 6) String pin) {
    }

    @GetMapping("/api/admin/staff/cashiers")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<List<StaffPins.CashierPin>> cashiers() {
        return pins.cashiers();
    }

    record Discounts(@Min(0) @Max(100) int upTo) {
    }

    /** How much of a line (percent) the cashier may take off at the counter, 0 for nothing. */
    @PutMapping("/api/admin/staff/{id}/discounts")
    Mono<ResponseEntity<Void>> allowDiscounts(@PathVariable UUID id, @Valid @RequestBody Discounts discounts) {
        return pins.allowDiscounts(new UserId(id), discounts.upTo()).thenReturn(ResponseEntity.noContent().build());
    }

    @PutMapping("/api/admin/staff/{id}/pin")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ResponseEntity<Void>> setPin(@PathVariable UUID id, @Valid @RequestBody NewPin pin) {
        return pins.set(new UserId(id), pin.pin()).thenReturn(ResponseEntity.noContent().build());
    }
}
