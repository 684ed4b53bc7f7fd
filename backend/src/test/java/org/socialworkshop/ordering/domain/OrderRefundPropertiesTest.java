package org.socialworkshop.ordering.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.socialworkshop.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever refunds are asked, in whatever order, no more is ever given back than was paid. */
class OrderRefundPropertiesTest {

    @Property(tries = 300)
    void refundsNeverExceedPaymentAndStatusFollowsTheBalance(@ForAll("orders") List<OrderLine> lines,
            @ForAll("refunds") List<Long> askedFen) {
        Order order = Order.place(UUID.randomUUID(), new OrderNumber(2026, 1), lines);
        Order current = order.markPaid(order.total());
        for (long asked : askedFen) {
            try {
                current = current.refund(Money.fen(asked));
            } catch (OrderRuleBroken refused) {
                assertThat(asked).isGreaterThan(current.refundable().minor());
            }
            assertThat(current.refunded().minor()).isBetween(0L, order.total().minor());
            assertThat(current.refunded().plus(current.refundable())).isEqualTo(order.total());
            assertThat(current.status()).isEqualTo(current.refundable().minor() == 0 ? OrderStatus.REFUNDED
                    : current.refunded().minor() == 0 ? OrderStatus.PAID : OrderStatus.PARTIALLY_REFUNDED);
        }
    }

    @Property(tries = 300)
    void taxPerRateNeverExceedsTheGrossAndSumsToTheTotal(@ForAll("orders") List<OrderLine> lines) {
        Order order = Order.place(UUID.randomUUID(), new OrderNumber(2026, 1), lines);
        long gross = order.taxes().stream().mapToLong(tax -> tax.gross().minor()).sum();
        assertThat(gross).isEqualTo(order.total().minor());
        order.taxes().forEach(tax -> assertThat(tax.tax().minor()).isBetween(0L, tax.gross().minor()));
    }

    @Provide
    Arbitrary<List<OrderLine>> orders() {
        Arbitrary<OrderLine> line = Combinators.combine(
                Arbitraries.integers().between(1, 50),
                Arbitraries.longs().between(1, 200_000),
                Arbitraries.of(new BigDecimal("0.13"), new BigDecimal("0.06"), BigDecimal.ZERO))
                .as((quantity, price, rate) -> new OrderLine(UUID.randomUUID(), UUID.randomUUID(), "SKU", "item",
                        quantity, Money.fen(price), rate));
        return line.list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Long>> refunds() {
        return Arbitraries.longs().between(1, 2_000_000).list().ofMaxSize(10);
    }
}
