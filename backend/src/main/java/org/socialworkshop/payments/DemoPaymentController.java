package org.socialworkshop.payments;

import java.time.Instant;
import java.util.Map;

import org.socialworkshop.shared.Money;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The demo provider's payment page talks to this (see docs/api/orders.md). The session id is the page's only
 * key, as a Stripe Checkout URL is. Absent (404) when Stripe is configured.
 */
@RestController
@RequestMapping("/api/payments/demo/{sessionId}")
class DemoPaymentController {

    private final ObjectProvider<DemoProvider> demo;

    DemoPaymentController(ObjectProvider<DemoProvider> demo) {
        this.demo = demo;
    }

    /** A demo session; {@code invoice} when it stands for a company's invoice rather than a checkout. */
    record DemoSessionView(String sessionId, String orderNumber, Money amount, PaymentStatus status, String returnUrl, boolean invoice) {
    }

    @GetMapping
    Mono<DemoSessionView> session(@PathVariable String sessionId) {
        return provider().flatMap(provider -> provider.find(sessionId)).map(DemoPaymentController::view);
    }

    @PostMapping("/complete")
    Mono<Map<String, String>> complete(@PathVariable String sessionId) {
        return provider().flatMap(provider -> provider.complete(sessionId)).map(session -> Map.of("returnUrl", session.returnUrl()));
    }

    @PostMapping("/fail")
    Mono<Map<String, String>> fail(@PathVariable String sessionId) {
        return provider().flatMap(provider -> provider.fail(sessionId)).map(session -> Map.of("returnUrl", session.returnUrl()));
    }

    private Mono<DemoProvider> provider() {
        DemoProvider provider = demo.getIfAvailable();
        return provider == null ? Mono.error(PaymentProblem::unknownSession) : Mono.just(provider);
    }

    private static DemoSessionView view(DemoProvider.DemoSession session) {
        PaymentStatus status = session.status() == PaymentStatus.OPEN && session.expiresAt().toInstant().isBefore(Instant.now())
                ? PaymentStatus.EXPIRED : session.status();
        return new DemoSessionView(session.sessionId(), session.orderNumber(), session.amount(), status, session.returnUrl(),
                DemoProvider.invoice(session.sessionId()));
    }
}
