package org.socialworkshop.corporate;

import org.socialworkshop.catalog.Channel;
import org.socialworkshop.ordering.OrderPaid;
import org.socialworkshop.platform.outbox.OutboxHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * A company's order is handed over when it is delivered in full and paid, whichever comes last: the last delivery does
 * it for an order paid already ({@link Deliveries#record}); this does it when the payment comes after the last delivery.
 */
@Configuration(proxyBeanMethods = false)
class DeliveredAndPaid {

    /** One delivery to a transaction: it locks the order's quote and the order, as recording a delivery does, in that order. */
    @Bean
    OutboxHandler<OrderPaid> deliveredAndPaidHandler(Deliveries deliveries) {
        return new OutboxHandler<>() {
            @Override
            public String name() {
                return "corporate.delivered-and-paid";
            }

            @Override
            public Class<OrderPaid> eventType() {
                return OrderPaid.class;
            }

            @Override
            public boolean wants(OrderPaid paid) {
                return paid.channel() == Channel.CORPORATE;
            }

            @Override
            public int maxBatch() {
                return 1;
            }

            @Override
            public Mono<Void> handle(OrderPaid paid) {
                return deliveries.paid(paid.orderId());
            }
        };
    }
}
