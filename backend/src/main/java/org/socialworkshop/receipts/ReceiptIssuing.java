package org.socialworkshop.receipts;

import org.socialworkshop.catalog.Channel;
import org.socialworkshop.ordering.OrderPaid;
import org.socialworkshop.ordering.OrderPaymentReceived;
import org.socialworkshop.ordering.OrderRefunded;
import org.socialworkshop.platform.outbox.OutboxHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Receipts follow the order's events: a sale receipt when it is paid, a payment receipt for each part paid before, a refund receipt for each refund. */
@Configuration(proxyBeanMethods = false)
class ReceiptIssuing {

    /**
     * Not for counter sales: their receipt is the tablet's, stored in the transaction that stores the order
     * (CounterReceipts), so there is nothing to issue, and no delivery is written for them.
     */
    @Bean
    OutboxHandler<OrderPaid> saleReceiptHandler(Receipts receipts) {
        return OutboxHandler.of("receipts.sale", OrderPaid.class, paid -> paid.channel() != Channel.POS,
                paid -> receipts.issueSale(paid).then());
    }

    @Bean
    OutboxHandler<OrderPaymentReceived> paymentReceiptHandler(Receipts receipts) {
        return OutboxHandler.of("receipts.payment", OrderPaymentReceived.class, received -> receipts.issuePayment(received).then());
    }

    @Bean
    OutboxHandler<OrderRefunded> refundReceiptHandler(Receipts receipts) {
        return OutboxHandler.of("receipts.refund", OrderRefunded.class, refunded -> receipts.issueRefund(refunded).then());
    }
}
