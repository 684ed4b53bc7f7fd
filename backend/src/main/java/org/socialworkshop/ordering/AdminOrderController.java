package org.socialworkshop.ordering;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.ordering.domain.OrderStatus;
import org.socialworkshop.platform.idempotency.Idempotency;
import org.socialworkshop.platform.idempotency.IdempotentRequest;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Money;
import org.socialworkshop.shared.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Staff see every order and act on it: refunds, fulfilment, cancelling. See docs/api/orders.md. */
@RestController
@RequestMapping("/api/admin/orders")
@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
class AdminOrderController {

    private final OrderViews views;
    private final Refunds refunds;
    private final OrderLifecycle lifecycle;
    private final Idempotency idempotency;

    AdminOrderController(OrderViews views, Refunds refunds, OrderLifecycle lifecycle, Idempotency idempotency) {
        this.views = views;
        this.refunds = refunds;
        this.lifecycle = lifecycle;
        this.idempotency = idempotency;
    }

    record RefundBody(@Nullable @Valid Amount amount, @Nullable @Size(max = 200) List<@Valid @NotNull LineUnits> lines,
            boolean restock, @NotBlank @Size(max = 500) String reason, Refunds.@Nullable Method method) {
    }

    record Amount(@Min(1) @Max(100_000_000) long amount, @Nullable @Pattern(regexp = "CNY") String currency) {
    }

    record LineUnits(@NotNull UUID lineId, @Min(1) @Max(10_000) int quantity) {
    }

    record StageBody(@NotNull @Pattern(regexp = "READY_FOR_PICKUP|SHIPPED|FULFILLED") String stage, @Nullable @Size(max = 500) String note) {
    }

    record CancelBody(@NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping
    Mono<Page<OrderViews.Summary>> list(@RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Page.Request.MAX_SIZE) int size) {
        return views.search(status, q, new Page.Request(page, size));
    }

    @GetMapping("/{orderId}")
    Mono<OrderView> order(@PathVariable UUID orderId, Locale locale) {
        return views.view(orderId, Language.of(locale), true).switchIfEmpty(Mono.error(OrderingProblem::unknownOrder));
    }

    @PostMapping(path = "/{orderId}/refunds", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> refund(@PathVariable UUID orderId, @Valid @RequestBody RefundBody body,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        List<LineUnits> lines = body.lines() == null ? List.of() : body.lines();
        if (body.amount() != null && !lines.isEmpty()) {
            throw InvalidInput.field("amount", "give an amount or lines, not both");
        }
        if (body.method() == Refunds.Method.AT_PROVIDER) {
            throw InvalidInput.field("method", "must be ORIGINAL, CASH or BANK_TRANSFER");
        }
        Map<UUID, Integer> units = new HashMap<>();
        lines.forEach(line -> units.merge(line.lineId(), line.quantity(), Integer::sum));
        Refunds.Request request = new Refunds.Request(body.amount() == null ? null : Money.fen(body.amount().amount()), units,
                body.restock(), body.reason().trim(), body.method() == null ? Refunds.Method.ORIGINAL : body.method());
        return idempotency.execute(exchange, key, body, () -> refunds.refund(orderId, request)
                .map(result -> ResponseEntity.status(201).body(result)));
    }

    @PostMapping("/{orderId}/fulfilment")
    Mono<OrderView> fulfilment(@PathVariable UUID orderId, @Valid @RequestBody StageBody body, Locale locale) {
        if ("SHIPPED".equals(body.stage()) && (body.note() == null || body.note().isBlank())) {
            throw InvalidInput.field("note", "a tracking note is needed for shipped orders");
        }
        String note = body.note() == null || body.note().isBlank() ? null : body.note().trim();
        return lifecycle.advance(orderId, body.stage(), note).then(order(orderId, locale));
    }

    @PostMapping("/{orderId}/cancel")
    Mono<OrderView> cancel(@PathVariable UUID orderId, @Valid @RequestBody CancelBody body, Locale locale) {
        return lifecycle.cancel(orderId, body.reason().trim()).flatMap(after -> after.status() == OrderStatus.CANCELLED
                ? order(orderId, locale)
                : Mono.error(OrderingProblem.wrongStage("Only orders waiting for payment can be cancelled.")));
    }
}
