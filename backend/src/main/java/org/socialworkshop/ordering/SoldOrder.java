package org.socialworkshop.ordering;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.shared.Money;

/**
 * An order as other modules read it after the sale (receipts, earnings): its frozen lines with what has been
 * refunded of them, and its total. See {@link OrderRecords}.
 */
public record SoldOrder(UUID id, String number, Channel channel, List<Line> lines, Money total, Money refunded) {

    public SoldOrder {
        lines = List.copyOf(lines);
    }

    /** A frozen line; {@code productId} is null for the delivery fee; {@code discount} was taken off it at the counter. */
    public record Line(UUID lineId, @Nullable UUID productId, String sku, String nameZh, String nameEn, String variantZh,
            String variantEn, int quantity, Money unitPrice, BigDecimal taxRate, int refundedQuantity, Money discount) {

        public Money amount() {
            return unitPrice.times(quantity).minus(discount);
        }

        /** What {@code units} of the line were sold for: their share of the amount after the discount, rounded down. */
        public Money amountOf(int units) {
            return units == quantity ? amount()
                    : new Money(Math.floorDiv(amount().minor() * units, quantity), unitPrice.currency());
        }
    }
}
