package org.socialworkshop.mail;

import java.util.List;
import java.util.Map;

import org.socialworkshop.catalog.Channel;
import org.socialworkshop.mail.MailComposer.Content;
import org.socialworkshop.ordering.OrderPaid;
import org.socialworkshop.ordering.OrderPrepared;
import org.socialworkshop.ordering.OrderRefunded;
import org.socialworkshop.payments.PaymentFailed;
import org.socialworkshop.platform.outbox.OutboxHandler;
import org.socialworkshop.receipts.ReceiptMailing;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** Mails follow the order's events, one mail per event; sending is a delivery of its own, so a server that is down loses nothing. */
@Configuration(proxyBeanMethods = false)
class MailHandlers {

    static final String SEND = "mail.send";

    /** Once paid: the confirmation with the receipt, which the receipts module issues from the same event. */
    @Bean
    OutboxHandler<OrderPaid> orderConfirmedMail(MailComposer composer, ReceiptMailing receipts) {
        return OutboxHandler.of("mail.order-confirmed", OrderPaid.class, paid -> paid.channel() == Channel.ONLINE,
                paid -> composer.write("order-confirmed:" + paid.orderId(), paid.orderId(), buyer -> receipts.saleReceiptCode(paid.orderId())
                        // the receipt is issued by its own delivery of this event; until it is, this one fails and is tried again
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException("Order " + paid.orderNumber() + " has no receipt yet")))
                        .map(code -> new Content(MailKind.ORDER_CONFIRMED, Map.of(), List.of(buyer.delivery() ? "delivery" : "pickup"), code))));
    }

    /** A failed attempt, not one that ran out of time (the order is then cancelled, and there is nothing to try again). */
    @Bean
    OutboxHandler<PaymentFailed> paymentFailedMail(MailComposer composer) {
        return OutboxHandler.of("mail.payment-failed", PaymentFailed.class, failed -> "FAILED".equals(failed.outcome()),
                failed -> composer.write("payment-failed:" + failed.paymentId(), failed.orderId(),
                        buyer -> Mono.just(Content.of(MailKind.PAYMENT_FAILED))));
    }

    @Bean
    OutboxHandler<OrderPrepared> orderPreparedMail(MailComposer composer) {
        return OutboxHandler.of("mail.order-prepared", OrderPrepared.class, prepared -> composer.write(
                (prepared.shipped() ? "shipped:" : "ready-for-pickup:") + prepared.orderId(), prepared.orderId(),
                buyer -> Mono.just(!prepared.shipped() ? Content.of(MailKind.READY_FOR_PICKUP)
                        : prepared.trackingNote() == null || prepared.trackingNote().isBlank() ? Content.of(MailKind.SHIPPED)
                        : new Content(MailKind.SHIPPED, Map.of("tracking", prepared.trackingNote()), List.of("tracking"), null))));
    }

    @Bean
    OutboxHandler<OrderRefunded> refundedMail(MailComposer composer) {
        return OutboxHandler.of("mail.refunded", OrderRefunded.class, refunded -> composer.write("refunded:" + refunded.refundId(),
                refunded.orderId(), buyer -> Mono.just(new Content(MailKind.REFUNDED, Map.of("amount", refunded.amount().yuan()),
                        List.of(), null))));
    }

    /** Only with an SMTP server: an instance without one leaves queued mails to those that have one. */
    @Bean
    @ConditionalOnProperty(prefix = "spring.mail", name = "host")
    OutboxHandler<MailQueued> mailSending(SmtpMail smtp) {
        return OutboxHandler.of(SEND, MailQueued.class, 1, queued -> smtp.send(queued.mailId()));
    }
}
