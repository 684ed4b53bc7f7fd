package org.socialworkshop.ordering;

import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.payments.Payments;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.platform.web.PublicAddress;
import org.socialworkshop.shared.Language;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The buyer's order, opened with its access token (staff need none). A wrong token is answered like an unknown
 * order, so links cannot be probed. See docs/api/orders.md.
 */
@RestController
@RequestMapping("/api/orders/{orderId}")
class OrderController {

    private final Orders orders;
    private final OrderViews views;
    private final Checkout checkout;
    private final Payments payments;
    private final PublicAddress publicAddress;

    OrderController(Orders orders, OrderViews views, Checkout checkout, Payments payments, PublicAddress publicAddress) {
        this.orders = orders;
        this.views = views;
        this.checkout = checkout;
        this.payments = payments;
        this.publicAddress = publicAddress;
    }

    @GetMapping
    Mono<OrderView> order(@PathVariable UUID orderId, @RequestParam(required = false) @Nullable String token, Locale locale) {
        Language language = Language.of(locale);
        return CurrentUser.hasAnyRole("ADMIN", "COORDINATOR", "CASHIER")
                .flatMap(staff -> staff ? views.view(orderId, language, false) : views.viewWithToken(orderId, token, language))
                .switchIfEmpty(Mono.error(OrderingProblem::unknownOrder));
    }

    /** Pay again after a failed attempt (or continue the open one). */
    @PostMapping("/payment")
    Mono<Checkout.Placed.Payment> payAgain(@PathVariable UUID orderId, @RequestParam(required = false) @Nullable String token,
            Locale locale, ServerWebExchange exchange) {
        return allowed(orderId, token).then(checkout.payAgain(orderId, token == null ? "" : token, CheckoutController.shopUrl(exchange, publicAddress),
                Language.of(locale)));
    }

    /** The buyer is back from the provider: ask it whether the payment went through. */
    @PostMapping("/payment/confirm")
    Mono<ResponseEntity<OrderView>> confirm(@PathVariable UUID orderId, @RequestParam(required = false) @Nullable String token,
            Locale locale) {
        return allowed(orderId, token).then(payments.confirm(orderId).then())
                .then(views.view(orderId, Language.of(locale), false))
                .map(view -> ResponseEntity.accepted().body(view));
    }

    private Mono<Void> allowed(UUID orderId, @Nullable String token) {
        return CurrentUser.hasAnyRole("ADMIN", "COORDINATOR", "CASHIER")
                .flatMap(staff -> staff ? Mono.just(true) : orders.tokenMatches(orderId, token))
                .flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(OrderingProblem.unknownOrder()));
    }
}
