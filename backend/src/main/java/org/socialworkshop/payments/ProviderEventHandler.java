package org.socialworkshop.payments;

import org.socialworkshop.platform.outbox.OutboxHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Applies stored provider events, at least once each; {@link Payments} makes applying them again harmless. */
@Component
class ProviderEventHandler implements OutboxHandler<ProviderEventReceived> {

    private final Payments payments;

    ProviderEventHandler(Payments payments) {
        this.payments = payments;
    }

    @Override
    public String name() {
        return "payments.apply-provider-event";
    }

    @Override
    public Class<ProviderEventReceived> eventType() {
        return ProviderEventReceived.class;
    }

    @Override
    public Mono<Void> handle(ProviderEventReceived event) {
        return payments.apply(event.eventId());
    }
}
