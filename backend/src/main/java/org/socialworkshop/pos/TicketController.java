package org.socialworkshop.pos;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.ordering.CounterOrders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stations' tickets and the counter's pickups (docs/api/pos.md, step 7), for staff signed in (a kitchen or bar
 * screen, a cashier); and the customers' "ready" list, for anyone: pickup numbers only, nothing about who ordered.
 * Screens follow the changes as server-sent events (the whole list each time, so a missed event loses nothing).
 */
@RestController
class TicketController {

    /** A comment line this often keeps proxies from closing a quiet stream. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final Tickets tickets;
    private final CounterOrders orders;

    TicketController(Tickets tickets, CounterOrders orders) {
        this.tickets = tickets;
        this.orders = orders;
    }

    @GetMapping("/api/pos/tickets")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'CASHIER')")
    Mono<List<Tickets.Ticket>> open(@RequestParam @NotNull Tickets.Station station) {
        return tickets.open(station);
    }

    @GetMapping(path = "/api/pos/tickets/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'CASHIER')")
    Flux<ServerSentEvent<List<Tickets.Ticket>>> stream(@RequestParam @NotNull Tickets.Station station) {
        return events(tickets.watch(station), "tickets");
    }

    @PostMapping("/api/pos/tickets/{id}/ready")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'CASHIER')")
    Mono<Tickets.Ticket> ready(@PathVariable UUID id) {
        return tickets.ready(id);
    }

    @PostMapping("/api/pos/tickets/{id}/collected")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'CASHIER')")
    Mono<Tickets.Ticket> collected(@PathVariable UUID id) {
        return tickets.collected(id);
    }

    /** The pickup numbers ready to be collected, for the screen customers watch. */
    @GetMapping("/api/pos/ready")
    Mono<List<Tickets.Ready>> ready() {
        return tickets.ready();
    }

    @GetMapping(path = "/api/pos/ready/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<List<Tickets.Ready>>> readyStream() {
        return events(tickets.watchReady(), "ready");
    }

    /** Online pickup orders due today, or the one with {@code number}. */
    @GetMapping("/api/pos/pickups")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'CASHIER')")
    Mono<List<CounterOrders.Pickup>> pickups(@RequestParam(required = false) @Nullable @Size(max = 40)
            @Pattern(regexp = "[A-Za-z0-9-]+") String number) {
        return orders.pickups(number == null || number.isBlank() ? null : number.trim());
    }

    /** The buyer collected their online order at the counter: it is fulfilled. */
    @PostMapping("/api/pos/pickups/{orderId}/handed-over")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'CASHIER')")
    Mono<Void> handedOver(@PathVariable UUID orderId) {
        return orders.handedOver(orderId);
    }

    private static <T> Flux<ServerSentEvent<T>> events(Flux<T> lists, String name) {
        return Flux.merge(lists.map(list -> ServerSentEvent.builder(list).event(name).build()),
                Flux.interval(KEEP_ALIVE).map(tick -> ServerSentEvent.<T>builder().comment("keep-alive").build()));
    }
}
