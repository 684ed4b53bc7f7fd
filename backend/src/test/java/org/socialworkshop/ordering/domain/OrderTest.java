package org.socialworkshop.ordering.domain;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialworkshop.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order's rules, with plain objects: no Spring, no database, no mocks. */
class OrderTest {

    static final BigDecimal GOODS = new BigDecimal("0.13");
    static final BigDecimal CATERING = new BigDecimal("0.06");

    final OrderLine cups = line("CUP", 2, 6800, GOODS);
    final OrderLine noodles = line("NOODLES", 1, 2200, CATERING);
    final Order order = Order.place(UUID.randomUUID(), new OrderNumber(2026, 42), List.of(cups, noodles));

    @Test
    void totalsAndTaxPerRate() {
        assertThat(order.total()).isEqualTo(Money.fen(15_800));
        assertThat(order.taxes()).extracting(TaxLine::rate, line -> line.gross().minor(), line -> line.tax().minor())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("0.06"), 2200L, 125L),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("0.13"), 13_600L, 1565L));
    }

    @Test
    void paidOnlyWithExactlyItsTotal() {
        assertThatThrownBy(() -> order.markPaid(Money.fen(15_799))).isInstanceOf(OrderRuleBroken.class);
        assertThat(order.markPaid(Money.fen(15_800)).status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.status()).as("immutable").isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void everyMoveNotListedIsRefused() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(allowed(from, to));
            }
        }
        Order cancelled = order.cancel();
        assertThatThrownBy(() -> cancelled.markPaid(Money.fen(15_800))).hasMessageContaining("CANCELLED");
        assertThatThrownBy(order::fulfil).hasMessageContaining("PENDING_PAYMENT");
        assertThatThrownBy(() -> order.refund(Money.fen(100))).isInstanceOf(OrderRuleBroken.class);
    }

    @Test
    void refundsNeverExceedWhatWasPaid() {
        Order paid = order.markPaid(order.total()).fulfil();
        Order partly = paid.refundLines(Map.of(cups.id(), 1));
        assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(partly.refundable()).isEqualTo(Money.fen(9000));
        assertThatThrownBy(() -> partly.refundLines(Map.of(cups.id(), 2))).hasMessageContaining("1 units left");
        assertThatThrownBy(() -> partly.refund(Money.fen(9001))).isInstanceOf(OrderRuleBroken.class);
        Order full = partly.refund(Money.fen(9000));
        assertThat(full.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(full.refunded()).isEqualTo(full.total());
        assertThatThrownBy(() -> full.refund(Money.fen(1))).isInstanceOf(OrderRuleBroken.class);
    }

    @Test
    void badLinesAndNumbersAreRefused() {
        assertThatThrownBy(() -> line("X", 0, 100, GOODS)).isInstanceOf(OrderRuleBroken.class);
        assertThatThrownBy(() -> line("X", 1, 0, GOODS)).isInstanceOf(OrderRuleBroken.class);
        assertThatThrownBy(() -> Order.place(UUID.randomUUID(), new OrderNumber(2026, 1), List.of()))
                .isInstanceOf(OrderRuleBroken.class);
        assertThat(new OrderNumber(2026, 123)).hasToString("WS-2026-000123");
        assertThat(new OrderNumber(2026, 1)).hasToString("WS-2026-000001");
        assertThat(new OrderNumber(2027, 1_234_567)).hasToString("WS-2027-1234567");
        assertThat(OrderNumber.parse(new OrderNumber(2027, 1_234_567).toString())).isEqualTo(new OrderNumber(2027, 1_234_567));
        assertThat(OrderNumber.parse("WS-2026-000123")).isEqualTo(new OrderNumber(2026, 123));
        assertThatThrownBy(() -> OrderNumber.parse("2026-123")).isInstanceOf(OrderRuleBroken.class);
        assertThat(OrderNumber.atRegister("CANTEEN-1", 42)).as("a counter sale carries its receipt's number").hasToString("CANTEEN-1-42");
        assertThat(OrderNumber.parse("CANTEEN-1-42")).isEqualTo(OrderNumber.atRegister("CANTEEN-1", 42));
        assertThatThrownBy(() -> OrderNumber.parse("canteen-1-42")).isInstanceOf(OrderRuleBroken.class);
        assertThatThrownBy(() -> OrderNumber.parse("CANTEEN-1-042")).isInstanceOf(OrderRuleBroken.class);
        assertThatThrownBy(() -> OrderNumber.parse("WS-2026-0123")).isInstanceOf(OrderRuleBroken.class);
    }

    static OrderLine line(String sku, int quantity, long unitFen, BigDecimal rate) {
        return new OrderLine(UUID.randomUUID(), UUID.randomUUID(), sku, sku, quantity, Money.fen(unitFen), rate);
    }

    private static boolean allowed(OrderStatus from, OrderStatus to) {
        return switch (from) {
            case PENDING_PAYMENT -> EnumSet.of(OrderStatus.PAID, OrderStatus.CANCELLED).contains(to);
            case PAID -> EnumSet.of(OrderStatus.FULFILLED, OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED).contains(to);
            case FULFILLED -> EnumSet.of(OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED).contains(to);
            case PARTIALLY_REFUNDED -> EnumSet.of(OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED, OrderStatus.FULFILLED).contains(to);
            case CANCELLED, REFUNDED -> false;
        };
    }
}
