package org.socialworkshop.corporate;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.idempotency.Idempotency;
import org.socialworkshop.platform.idempotency.IdempotentRequest;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Deliveries of companies' orders: coordinators record them (and who received them) and print their notes; buyers
 * read their company's and print the notes too. See docs/api/corporate.md, "Deliveries".
 */
@RestController
class DeliveryController {

    private final Deliveries deliveries;
    private final DeliveryNotePdf pdf;
    private final Idempotency idempotency;

    DeliveryController(Deliveries deliveries, DeliveryNotePdf pdf, Idempotency idempotency) {
        this.deliveries = deliveries;
        this.pdf = pdf;
        this.idempotency = idempotency;
    }

    record PiecesBody(@NotNull UUID lineId, @NotNull @Min(0) @Max(100_000) Integer pieces) {
    }

    record DeliveryBody(@NotNull UUID locationId, @NotNull LocalDate deliveredOn, @Nullable @Size(max = 60) String carrier,
            @Nullable @Size(max = 100) String tracking, @Nullable @Size(max = 500) String note, @Nullable @Size(max = 100) String receivedBy,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid PiecesBody> lines) {
    }

    record ReceivedBody(@NotBlank @Size(max = 100) String receivedBy) {
    }

    @PostMapping(path = "/api/admin/corporate/orders/{orderId}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ResponseEntity<byte[]>> record(@PathVariable UUID orderId, @Valid @RequestBody DeliveryBody body,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        Deliveries.NewDelivery delivery = new Deliveries.NewDelivery(body.locationId(), body.deliveredOn(), body.carrier(), body.tracking(),
                body.note(), body.receivedBy(), body.lines().stream().map(line -> new Deliveries.Pieces(line.lineId(), line.pieces())).toList());
        return idempotency.execute(exchange, key, body, () -> deliveries.record(orderId, delivery)
                .map(made -> ResponseEntity.created(URI.create("/api/admin/corporate/orders/" + orderId + "/deliveries/" + made.id()))
                        .body(made)));
    }

    @GetMapping("/api/admin/corporate/orders/{orderId}/deliveries")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<Deliveries.OrderDeliveries> ofOrder(@PathVariable UUID orderId) {
        return deliveries.ofOrder(orderId);
    }

    @PutMapping("/api/admin/corporate/orders/{orderId}/deliveries/{deliveryId}/received")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<Deliveries.Delivery> received(@PathVariable UUID orderId, @PathVariable UUID deliveryId, @Valid @RequestBody ReceivedBody body) {
        return deliveries.received(orderId, deliveryId, body.receivedBy());
    }

    @GetMapping("/api/admin/corporate/orders/{orderId}/deliveries/{deliveryId}/note.pdf")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ResponseEntity<byte[]>> note(@PathVariable UUID orderId, @PathVariable UUID deliveryId) {
        return deliveries.forNote(orderId, deliveryId, false).flatMap(this::pdf);
    }

    @GetMapping("/api/corporate/orders/{orderId}/deliveries")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<Deliveries.OrderDeliveries> mine(@PathVariable UUID orderId) {
        return deliveries.ofBuyer(orderId);
    }

    @GetMapping("/api/corporate/orders/{orderId}/deliveries/{deliveryId}/note.pdf")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<ResponseEntity<byte[]>> myNote(@PathVariable UUID orderId, @PathVariable UUID deliveryId) {
        return deliveries.forNote(orderId, deliveryId, true).flatMap(this::pdf);
    }

    /** The note rendered off the event loop. */
    private Mono<ResponseEntity<byte[]>> pdf(Map.Entry<Deliveries.OrderDeliveries, Deliveries.Delivery> found) {
        return Mono.fromCallable(() -> pdf.render(found.getKey(), found.getValue()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(bytes -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + found.getValue().number() + ".pdf\"")
                        .body(bytes));
    }
}
