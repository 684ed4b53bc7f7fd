package org.socialworkshop.ordering.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.socialworkshop.shared.Money;

/**
 * An order of any channel, with the rules that keep it honest: it is paid only with exactly its total, moves
 * only along {@link OrderStatus#next()}, and never refunds more money, or more units of a line, than were paid
 * for. Immutable: every action returns the order as it is afterwards.
 */
public final class Order {

    private final UUID id;
    private final OrderNumber number;
    private final List<OrderLine> lines;
    private final OrderStatus status;
    private final Money refunded;
    private final Map<UUID, Integer> refundedUnits;

    private Order(UUID id, OrderNumber number, List<OrderLine> lines, OrderStatus status, Money refunded,
            Map<UUID, Integer> refundedUnits) {
        this.id = id;
        this.number = number;
        this.lines = List.copyOf(lines);
        this.status = status;
        this.refunded = refunded;
        this.refundedUnits = Map.copyOf(refundedUnits);
    }

    /** A new order awaiting payment; it needs at least one line, all in one currency. */
    public static Order place(UUID id, OrderNumber number, List<OrderLine> lines) {
        if (lines.isEmpty()) {
            throw OrderRuleBroken.invalid("An order needs at least one line.");
        }
        Currency currency = lines.get(0).unitPrice().currency();
        if (lines.stream().anyMatch(line -> !line.unitPrice().currency().equals(currency))) {
            throw OrderRuleBroken.invalid("All lines of an order must be in one currency.");
        }
        return new Order(id, number, lines, OrderStatus.PENDING_PAYMENT, Money.zero(currency), Map.of());
    }

    /** An order as it was stored, with what has been refunded of it so far. */
    public static Order restore(UUID id, OrderNumber number, List<OrderLine> lines, OrderStatus status, Money refunded,
            Map<UUID, Integer> refundedUnits) {
        Order placed = place(id, number, lines);
        if (refunded.minor() < 0 || refunded.minor() > placed.total().minor()) {
            throw OrderRuleBroken.invalid("An order cannot have refunded more than its total.");
        }
        return new Order(id, number, lines, status, refunded, refundedUnits);
    }

    public Money total() {
        return lines.stream().map(OrderLine::amount).reduce(Money.zero(currency()), Money::plus);
    }

    /** The tax in the total, per rate, rounded once per rate (see {@link Money#includedTax}). */
    public List<TaxLine> taxes() {
        Map<BigDecimal, Money> grossByRate = new TreeMap<>();
        lines.forEach(line -> grossByRate.merge(line.taxRate().stripTrailingZeros(), line.amount(), Money::plus));
        return grossByRate.entrySet().stream()
                .map(rate -> new TaxLine(rate.getKey(), rate.getValue(), rate.getValue().includedTax(rate.getKey())))
                .toList();
    }

    /** Payment arrived: it must be exactly the total. */
    public Order markPaid(Money amount) {
        if (!amount.equals(total())) {
            throw OrderRuleBroken.wrongPayment(total().minor(), amount.minor());
        }
        return moveTo(OrderStatus.PAID, refunded, refundedUnits);
    }

    public Order cancel() {
        return moveTo(OrderStatus.CANCELLED, refunded, refundedUnits);
    }

    public Order fulfil() {
        return moveTo(OrderStatus.FULFILLED, refunded, refundedUnits);
    }

    /** What can still be given back. */
    public Money refundable() {
        return status.isPaid() ? total().minus(refunded) : Money.zero(currency());
    }

    /** Gives back an amount of money, not tied to lines (e.g. a goodwill partial refund). */
    public Order refund(Money amount) {
        return withRefund(amount, refundedUnits);
    }

    /** Gives back chosen units of lines, at the price they were sold for. */
    public Order refundLines(Map<UUID, Integer> units) {
        Map<UUID, Integer> after = new HashMap<>(refundedUnits);
        Money amount = Money.zero(currency());
        for (Map.Entry<UUID, Integer> entry : units.entrySet()) {
            OrderLine line = line(entry.getKey());
            int already = refundedUnits.getOrDefault(line.id(), 0);
            if (entry.getValue() < 1 || already + entry.getValue() > line.quantity()) {
                throw OrderRuleBroken.invalid("Line " + line.sku() + " has " + (line.quantity() - already)
                        + " units left to refund.");
            }
            after.put(line.id(), already + entry.getValue());
            amount = amount.plus(line.amountOf(entry.getValue()));
        }
        return withRefund(amount, after);
    }

    /** Gives back everything not yet refunded: the money left, and every unit not yet refunded. */
    public Order refundRest() {
        return refund(refundable(), unitsLeft());
    }

    /**
     * Gives back an agreed amount together with units (e.g. "the rest", settled later at the amount it had when it
     * was agreed): the units must still be unrefunded, the amount within what is refundable.
     */
    public Order refund(Money amount, Map<UUID, Integer> units) {
        Map<UUID, Integer> after = new HashMap<>(refundedUnits);
        for (Map.Entry<UUID, Integer> entry : units.entrySet()) {
            OrderLine line = line(entry.getKey());
            int already = refundedUnits.getOrDefault(line.id(), 0);
            if (entry.getValue() < 0 || already + entry.getValue() > line.quantity()) {
                throw OrderRuleBroken.invalid("Line " + line.sku() + " has " + (line.quantity() - already)
                        + " units left to refund.");
            }
            after.put(line.id(), already + entry.getValue());
        }
        return withRefund(amount, after);
    }

    /** Units not yet refunded, per line. */
    public Map<UUID, Integer> unitsLeft() {
        Map<UUID, Integer> left = new HashMap<>();
        lines.forEach(line -> {
            int units = line.quantity() - refundedUnits(line.id());
            if (units > 0) {
                left.put(line.id(), units);
            }
        });
        return left;
    }

    private Order withRefund(Money amount, Map<UUID, Integer> units) {
        if (amount.minor() <= 0) {
            throw OrderRuleBroken.invalid("A refund must be a positive amount.");
        }
        if (amount.minor() > refundable().minor()) {
            throw OrderRuleBroken.refundTooLarge(amount.minor(), refundable().minor());
        }
        Money afterRefund = refunded.plus(amount);
        OrderStatus target = afterRefund.equals(total()) ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        return moveTo(target, afterRefund, units);
    }

    private Order moveTo(OrderStatus target, Money refundedAfter, Map<UUID, Integer> unitsAfter) {
        if (!status.canMoveTo(target)) {
            throw OrderRuleBroken.transition(status, target);
        }
        return new Order(id, number, lines, target, refundedAfter, unitsAfter);
    }

    private OrderLine line(UUID lineId) {
        return lines.stream().filter(line -> line.id().equals(lineId)).findFirst()
                .orElseThrow(() -> OrderRuleBroken.invalid("The order has no line " + lineId + "."));
    }

    private Currency currency() {
        return lines.get(0).unitPrice().currency();
    }

    public UUID id() {
        return id;
    }

    public OrderNumber number() {
        return number;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public OrderStatus status() {
        return status;
    }

    public Money refunded() {
        return refunded;
    }

    public int refundedUnits(UUID lineId) {
        return refundedUnits.getOrDefault(lineId, 0);
    }
}
