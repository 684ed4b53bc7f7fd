package org.socialworkshop.receipts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.shared.Money;

/**
 * What a receipt says: everything that is signed (see docs/api/receipts.md for the canonical encoding).
 * {@code issuedAt} has microsecond precision, as PostgreSQL keeps it. A refund receipt has positive amounts
 * and names the sale it refunds in {@code refundOf} ({@code "REGISTER-NUMBER"}). A counter sale may carry the
 * customer's {@code pickupNumber}, and its lines chosen options and a discount: those are members of format 2 only,
 * written when there are any, so that every receipt without them keeps the bytes of format 1.
 */
public record ReceiptContent(String register, long number, Kind kind, Instant issuedAt, String orderNumber,
        @Nullable String refundOf, Seller seller, List<Line> lines, List<Tax> taxes, Money total, List<Tender> tenders,
        List<String> makers, String previousHash, String keyId, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer pickupNumber) {

    public ReceiptContent {
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
        tenders = List.copyOf(tenders);
        makers = List.copyOf(makers);
    }

    /** A receipt of format 1: no pickup number, no options or discounts on its lines. */
    public ReceiptContent(String register, long number, Kind kind, Instant issuedAt, String orderNumber, @Nullable String refundOf,
            Seller seller, List<Line> lines, List<Tax> taxes, Money total, List<Tender> tenders, List<String> makers, String previousHash,
            String keyId) {
        this(register, number, kind, issuedAt, orderNumber, refundOf, seller, lines, taxes, total, tenders, makers, previousHash, keyId,
                null);
    }

    /** The format of the canonical bytes: 2 when the receipt says anything format 1 cannot, else 1. */
    public int format() {
        return pickupNumber != null || lines.stream().anyMatch(line -> line.options() != null || line.discount() != null) ? 2 : 1;
    }

    /** A sale, a refund, or a payment of part of a company's order before the rest (its sale receipt names it). */
    public enum Kind {
        SALE, REFUND, PAYMENT
    }

    /** Who sells: the shop identity's legal name, Chinese address and credit code when the receipt is made. */
    public record Seller(String name, String address, String taxId) {
    }

    /**
     * One line: Chinese name (the receipt's language of record), English name, variant, and amounts. The unit price
     * includes the price of the chosen {@code options}; {@code amount} is unit price × quantity less the
     * {@code discount}. Both are left out (null) when there are none.
     */
    public record Line(String name, String nameEn, String variant, int quantity, Money unitPrice, Money amount, String taxRate,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Option> options,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Discount discount) {

        public Line {
            options = options == null || options.isEmpty() ? null : List.copyOf(options);
        }

        /** A line of format 1: no options, no discount. */
        public Line(String name, String nameEn, String variant, int quantity, Money unitPrice, Money amount, String taxRate) {
            this(name, nameEn, variant, quantity, unitPrice, amount, taxRate, null, null);
        }

        /** Units sold at a unit price, the amount their product, the rate written plainly ({@code "0.13"}, {@code "0"}). */
        public static Line of(String name, String nameEn, String variant, int quantity, Money unitPrice, BigDecimal taxRate) {
            return new Line(name, nameEn, variant, quantity, unitPrice, unitPrice.times(quantity), rate(taxRate));
        }

        /** A tax rate as receipts write it. */
        public static String rate(BigDecimal rate) {
            return rate.stripTrailingZeros().toPlainString();
        }
    }

    /** A chosen option (大杯, 少糖, 燕麦奶) and what it adds to the unit price (may be 0, or less than 0). */
    public record Option(String name, String nameEn, Money price) {
    }

    /** Taken off a line's amount at the counter, and why. */
    public record Discount(Money amount, String reason) {
    }

    /** Tax included in the total at one rate ({@code "0.13"}). */
    public record Tax(String rate, Money gross, Money tax, Money net) {
    }

    /**
     * How it was paid: {@code CARD}, {@code WALLET}, {@code CASH} (with {@code given} and {@code change}),
     * {@code ONLINE} (a provider's hosted page or invoice, method not known to us), {@code BANK_TRANSFER} (recorded by
     * staff), or {@code PREPAID}: paid before, with the payment receipt named in {@code reference}.
     */
    public record Tender(String type, @Nullable String provider, Money amount, @Nullable Money given, @Nullable Money change,
            @Nullable String reference) {
    }
}
