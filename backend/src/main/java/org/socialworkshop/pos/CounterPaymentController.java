package org.socialworkshop.pos;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.socialworkshop.payments.CounterMethod;
import org.socialworkshop.payments.CounterPayment;
import org.socialworkshop.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Card and wallet payments at the counter (docs/api/pos.md, step 8): started for a sale by the cashier signed in at
 * the tablet, followed until the buyer has paid (or the card was declined, or the reader could not take it), and
 * cancelled from the tablet. A payment is known by the id the tablet gave it: starting it again takes nothing twice.
 */
@RestController
class CounterPaymentController {

    private final Counters counters;
    private final CounterPayments payments;

    CounterPaymentController(Counters counters, CounterPayments payments) {
        this.counters = counters;
        this.payments = payments;
    }

    /** A payment to take: its id, the sale's client id, how, and how much of the sale. */
    record StartBody(@NotNull UUID id, @NotNull UUID sale, @NotNull CounterMethod method, @NotNull @Valid ShiftController.MovedCash amount) {
    }

    /** 201 with the payment as it stands (waiting for the buyer, or failed at once when the reader cannot take it). */
    @PostMapping("/api/pos/payments")
    Mono<ResponseEntity<CounterPayment>> start(@Valid @RequestBody StartBody body, ServerWebExchange exchange) {
        return counters.staffed(exchange).flatMap(counter -> CurrentUser.name().flatMap(cashier -> payments.start(counter, cashier,
                        new CounterPayments.Start(body.id(), body.sale(), body.method(), body.amount().money()),
                        exchange.getRequest().getURI().resolve("/"))))
                .map(payment -> ResponseEntity.status(201).body(payment));
    }

    @GetMapping("/api/pos/payments/{id}")
    Mono<CounterPayment> get(@PathVariable UUID id, ServerWebExchange exchange) {
        return counters.staffed(exchange).flatMap(counter -> payments.get(counter, id));
    }

    /** Cancels a payment still waiting; one paid for a sale not completed is refunded. */
    @PostMapping("/api/pos/payments/{id}/cancel")
    Mono<CounterPayment> cancel(@PathVariable UUID id, ServerWebExchange exchange) {
        return counters.staffed(exchange).flatMap(counter -> payments.cancel(counter, id));
    }
}
