package org.socialworkshop.ordering;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * The receipts of an order, for the order page. Implemented by the receipts module (which reads ordering, so
 * ordering cannot call it directly); without it orders show no receipts.
 */
public interface ReceiptLinks {

    Mono<List<OrderView.Receipt>> of(UUID orderId);
}
