package org.socialworkshop.ordering;

import java.util.Locale;
import java.util.Map;

import org.socialworkshop.payments.PaymentCaptured;
import org.socialworkshop.payments.PaymentFailed;
import org.socialworkshop.payments.PaymentRefundedExternally;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.outbox.OutboxHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What ordering does when the payments module reports: each a handler of one outbox event. */
@Configuration(proxyBeanMethods = false)
class PaymentOutcomes {

    @Bean
    OutboxHandler<PaymentCaptured> orderPaidHandler(OrderLifecycle lifecycle) {
        // One order per transaction: marking it paid sells its reserved stock, locking stock levels that checkouts
        // lock too (in one order, ADR 0010); a batch would hold several orders' levels, taken in no common order.
        return OutboxHandler.of("ordering.payment-captured", PaymentCaptured.class, 1, lifecycle::paid);
    }

    @Bean
    OutboxHandler<PaymentFailed> orderPaymentFailedHandler(AuditLog audit) {
        return OutboxHandler.of("ordering.payment-failed", PaymentFailed.class, failed -> audit.record("system", "order.payment-" + failed.outcome().toLowerCase(Locale.ROOT),
                "order:" + failed.orderId(), Map.of("provider", failed.provider(), "payment", failed.paymentId().toString())));
    }

    @Bean
    OutboxHandler<PaymentRefundedExternally> orderRefundedAtProviderHandler(Refunds refunds) {
        return OutboxHandler.of("ordering.refunded-at-provider", PaymentRefundedExternally.class, refunds::recordExternal);
    }
}
