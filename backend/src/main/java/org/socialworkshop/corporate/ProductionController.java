package org.socialworkshop.corporate;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.socialworkshop.piecework.Production;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Production of companies' orders: coordinators read an order's production and split it across makers, and check a
 * quote against capacity; buyers read their own order's progress. See docs/api/corporate.md, "Production".
 */
@RestController
class ProductionController {

    private final CompanyProduction production;

    ProductionController(CompanyProduction production) {
        this.production = production;
    }

    record AssignmentBody(@NotNull UUID operationId, @NotNull UUID makerId, @Min(0) @Max(1_000_000) int pieces) {
    }

    record PlanBody(@NotNull @Size(max = 1000) List<@NotNull @Valid AssignmentBody> assignments) {
    }

    @GetMapping("/api/admin/corporate/orders/{orderId}/production")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<CompanyProduction.OrderWork> work(@PathVariable UUID orderId) {
        return production.work(orderId);
    }

    @PutMapping("/api/admin/corporate/orders/{orderId}/production/plan")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<CompanyProduction.OrderWork> plan(@PathVariable UUID orderId, @Valid @RequestBody PlanBody body) {
        return production.plan(orderId, body.assignments().stream()
                .map(assignment -> new Production.Assignment(assignment.operationId(), assignment.makerId(), assignment.pieces())).toList());
    }

    @GetMapping("/api/admin/corporate/quotes/{quoteId}/capacity")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<CompanyProduction.Capacity> capacity(@PathVariable UUID quoteId) {
        return production.capacity(quoteId);
    }

    @GetMapping("/api/corporate/orders/{orderId}/progress")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<CompanyProduction.OrderProgress> progress(@PathVariable UUID orderId) {
        return production.progressOfBuyer(orderId);
    }
}
