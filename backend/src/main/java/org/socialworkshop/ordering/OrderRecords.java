package org.socialworkshop.ordering;

import java.util.UUID;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Read access to orders for the modules that follow a sale (receipts, piece-work earnings). */
@Service
public class OrderRecords {

    private final Orders orders;

    OrderRecords(Orders orders) {
        this.orders = orders;
    }

    /** The order with its frozen lines; empty when there is none. */
    public Mono<SoldOrder> sold(UUID orderId) {
        return orders.load(orderId).map(stored -> new SoldOrder(orderId, stored.order().number().toString(), stored.channel(),
                stored.lines().stream().map(line -> new SoldOrder.Line(line.line().id(), line.productId(), line.line().sku(),
                        line.nameZh(), line.nameEn(), line.variantZh(), line.variantEn(), line.line().quantity(),
                        line.line().unitPrice(), line.line().taxRate(), line.refundedQuantity(), line.line().discount())).toList(),
                stored.order().total(), stored.order().refunded()));
    }
}
