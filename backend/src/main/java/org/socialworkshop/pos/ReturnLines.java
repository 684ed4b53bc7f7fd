package org.socialworkshop.pos;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.ordering.SoldOrder;
import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.shared.Money;

/**
 * The lines of a sale receipt as a return at the counter sees them, and the lines of its refund receipt. Plain rules:
 * a sale receipt has one line per line of its order, in the order's order; units given back are refunded at their
 * share of what the line was sold for after its discount, rounded down, and all of a line's units at once its whole
 * amount (as the order's rules refund them: a discounted line returned in parts may keep a fen); a refund line says what
 * the sale's line said, its quantity the units given back, its discount the part of the sale's discount on them.
 */
final class ReturnLines {

    private ReturnLines() {
    }

    /**
     * A line of the sale, as the receipt showed it ({@code name} to {@code discount}), with the variant's English name,
     * the units refunded already ({@code returned}) and those that may still be returned, and whether they can go back
     * to stock.
     */
    record Returnable(UUID lineId, String name, String nameEn, String variant, String variantEn, int quantity, Money unitPrice,
            Money amount, String taxRate, @Nullable List<ReceiptContent.Option> options, ReceiptContent.@Nullable Discount discount,
            int returned, int returnable, boolean restockable) {
    }

    /** A line of the order paired with the receipt's line that showed it. */
    record Paired(SoldOrder.Line order, ReceiptContent.Line receipt) {
    }

    /** The order's lines with their receipt's lines; the receipt's lines must be the order's. */
    static List<Paired> paired(SoldOrder order, ReceiptContent sale) {
        if (order.lines().size() != sale.lines().size()) {
            throw new IllegalStateException("The receipt " + sale.register() + "-" + sale.number() + " has " + sale.lines().size()
                    + " lines, its order " + order.number() + " " + order.lines().size());
        }
        List<Paired> paired = new ArrayList<>();
        for (int index = 0; index < order.lines().size(); index++) {
            paired.add(new Paired(order.lines().get(index), sale.lines().get(index)));
        }
        return paired;
    }

    static Returnable returnable(Paired line, int left, boolean restockable) {
        ReceiptContent.Line shown = line.receipt();
        return new Returnable(line.order().lineId(), shown.name(), shown.nameEn(), shown.variant(), line.order().variantEn(),
                shown.quantity(), shown.unitPrice(), shown.amount(), shown.taxRate(), shown.options(), shown.discount(),
                line.order().refundedQuantity(), left, restockable);
    }

    /** The refund receipt's line for {@code units} of the sale's line given back. */
    static ReceiptContent.Line refunded(Paired line, int units) {
        ReceiptContent.Line shown = line.receipt();
        Money amount = line.order().amountOf(units);
        Money gross = shown.unitPrice().times(units);
        ReceiptContent.Discount discount = shown.discount() == null ? null
                : new ReceiptContent.Discount(gross.minus(amount), shown.discount().reason());
        return new ReceiptContent.Line(shown.name(), shown.nameEn(), shown.variant(), units, shown.unitPrice(), amount, shown.taxRate(),
                shown.options(), discount, line.order().variantEn());
    }
}
