package org.socialworkshop.payments.stripe;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.payments.Payments;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Stripe's events. The signature is checked before anything is stored (forged or stale: 400, nothing changes);
 * each event id is stored once and answered at once, and the work happens through the outbox. Exists only when
 * Stripe is configured; CSRF does not apply (see SecurityConfiguration), the signature does.
 */
@RestController
@Conditional(StripeConfigured.class)
class StripeWebhookController {

    private final StripeWebhooks webhooks;
    private final Payments payments;

    StripeWebhookController(StripeWebhooks webhooks, Payments payments) {
        this.webhooks = webhooks;
        this.payments = payments;
    }

    @PostMapping("/api/webhooks/stripe")
    Mono<ResponseEntity<Map<String, Object>>> receive(@RequestBody String payload,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        var event = webhooks.verify(payload, signature);
        return payments.receive(event).map(fresh -> ResponseEntity.ok(Map.of("received", true, "duplicate", !fresh)));
    }
}
