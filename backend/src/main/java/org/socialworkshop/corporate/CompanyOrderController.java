package org.socialworkshop.corporate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Companies' orders: buyers see theirs; coordinators record bank transfers and 发票. See docs/api/corporate.md. */
@RestController
class CompanyOrderController {

    private final CompanyOrders orders;

    CompanyOrderController(CompanyOrders orders) {
        this.orders = orders;
    }

    record TransferBody(@NotNull @Valid PriceController.MoneyBody amount, @NotBlank @Size(max = 60) String reference) {
    }

    record FapiaoBody(@NotNull @Pattern(regexp = "[0-9]{8,20}") String number, @NotNull CompanyOrders.Kind kind,
            @NotNull LocalDate issuedOn) {
    }

    @GetMapping("/api/corporate/orders")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<List<CompanyOrders.View>> mine() {
        return orders.ofBuyer();
    }

    @GetMapping("/api/corporate/orders/{orderId}")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<CompanyOrders.View> mine(@PathVariable UUID orderId) {
        return orders.ofBuyer(orderId);
    }

    @GetMapping("/api/admin/corporate/orders")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<List<CompanyOrders.View>> all() {
        return orders.all();
    }

    @GetMapping("/api/admin/corporate/orders/{orderId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<CompanyOrders.View> one(@PathVariable UUID orderId) {
        return orders.one(orderId);
    }

    @PostMapping("/api/admin/corporate/orders/{orderId}/transfers")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<Map<String, Boolean>> transfer(@PathVariable UUID orderId, @Valid @RequestBody TransferBody body) {
        return orders.recordTransfer(orderId, body.amount().money(), body.reference()).map(recorded -> Map.of("recorded", recorded));
    }

    record InvoiceBody(@Min(1) @Max(2) int instalment) {
    }

    @PostMapping("/api/admin/corporate/orders/{orderId}/invoices")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ResponseEntity<CompanyOrders.Payment>> invoice(@PathVariable UUID orderId, @Valid @RequestBody InvoiceBody body) {
        return orders.sendInvoice(orderId, body.instalment()).map(sent -> ResponseEntity.status(201).body(sent));
    }

    @PutMapping("/api/admin/corporate/orders/{orderId}/fapiao")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<CompanyOrders.Fapiao> fapiao(@PathVariable UUID orderId, @Valid @RequestBody FapiaoBody body) {
        return orders.recordFapiao(orderId, new CompanyOrders.Fapiao(body.number(), body.kind(), body.issuedOn()));
    }
}
