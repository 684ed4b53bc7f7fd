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
 * written when there are any, so that every receipt without them keeps the bytes of format 1. Format 3 (ADR 0033)
 * adds what an English reader needs: the seller's English name and address, each line's English variant, and the
 * makers' names in Latin script ({@code makersEn}, one for each of {@code makers}); receipts issued before it, and
 * those old tablets sign, keep their format ({@link #withoutFormat3}).
 */
public record ReceiptContent(String register, long number, Kind kind, Instant issuedAt, String orderNumber,
        @Nullable String refundOf, Seller seller, List<Line> lines, List<Tax> taxes, Money total, List<Tender> tenders,
        List<String> makers, String previousHash, String keyId, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer pickupNumber,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<String> makersEn) {

    public ReceiptContent {
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
        tenders = List.copyOf(tenders);
        makers = List.copyOf(makers);
        makersEn = makersEn == null ? null : List.copyOf(makersEn);
        if (makersEn != null && makersEn.size() != makers.size()) {
            throw new IllegalArgumentException("A receipt names each maker in Latin script too: " + makers + " / " + makersEn);
        }
    }

    /** A receipt of format 1 or 2: no English seller, variants or makers' names. */
    public ReceiptContent(String register, long number, Kind kind, Instant issuedAt, String orderNumber, @Nullable String refundOf,
            Seller seller, List<Line> lines, List<Tax> taxes, Money total, List<Tender> tenders, List<String> makers, String previousHash,
            String keyId, @Nullable Integer pickupNumber) {
        this(register, number, kind, issuedAt, orderNumber, refundOf, seller, lines, taxes, total, tenders, makers, previousHash, keyId,
                pickupNumber, null);
    }

    /** A receipt of format 1: no pickup number, no options or discounts on its lines. */
    public ReceiptContent(String register, long number, Kind kind, Instant issuedAt, String orderNumber, @Nullable String refundOf,
            Seller seller, List<Line> lines, List<Tax> taxes, Money total, List<Tender> tenders, List<String> makers, String previousHash,
            String keyId) {
        this(register, number, kind, issuedAt, orderNumber, refundOf, seller, lines, taxes, total, tenders, makers, previousHash, keyId,
                null);
    }

    /**
     * The format of the canonical bytes: 3 when the receipt speaks English too, else 2 when it says anything format 1
     * cannot, else 1.
     */
    public int format() {
        if (makersEn != null || seller.nameEn() != null || seller.addressEn() != null
                || lines.stream().anyMatch(line -> line.variantEn() != null)) {
            return 3;
        }
        return pickupNumber != null || lines.stream().anyMatch(line -> line.options() != null || line.discount() != null) ? 2 : 1;
    }

    /**
     * This receipt as a signer that does not know format 3 writes it (a POS tablet still running an older page): the
     * English members left out, everything else the same.
     */
    public ReceiptContent withoutFormat3() {
        return new ReceiptContent(register, number, kind, issuedAt, orderNumber, refundOf,
                new Seller(seller.name(), seller.address(), seller.taxId()),
                lines.stream().map(line -> new Line(line.name(), line.nameEn(), line.variant(), line.quantity(), line.unitPrice(),
                        line.amount(), line.taxRate(), line.options(), line.discount())).toList(),
                taxes, total, tenders, makers, previousHash, keyId, pickupNumber, null);
    }

    /** The makers' names in Latin script, or in the receipt's own words when it is of a format without them. */
    public List<String> makersLatin() {
        return makersEn == null ? makers : makersEn;
    }

    /** A sale, a refund, or a payment of part of a company's order before the rest (its sale receipt names it). */
    public enum Kind {
        SALE, REFUND, PAYMENT
    }

    /**
     * Who sells: the shop identity's legal name, Chinese address and credit code when the receipt is made; from format 3
     * also the shop's English name and address.
     */
    public record Seller(String name, String address, String taxId, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String nameEn,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String addressEn) {

        /** A seller of format 1 or 2, in Chinese only. */
        public Seller(String name, String address, String taxId) {
            this(name, address, taxId, null, null);
        }
    }

    /** A maker as a receipt names them: in Chinese characters and in Latin script. */
    public record MakerName(String zh, String latin) {

        /** The names of {@code makers} in Chinese, in order. */
        public static List<String> zh(List<MakerName> makers) {
            return makers.stream().map(MakerName::zh).toList();
        }

        /** The names of {@code makers} in Latin script, in order. */
        public static List<String> latin(List<MakerName> makers) {
            return makers.stream().map(MakerName::latin).toList();
        }
    }

    /**
     * One line: Chinese name (the receipt's language of record), English name, variant, and amounts. The unit price
     * includes the price of the chosen {@code options}; {@code amount} is unit price × quantity less the
     * {@code discount}. Both are left out (null) when there are none. {@code variantEn} (format 3) is the variant in
     * English, empty when the line has no variant.
     */
    public record Line(String name, String nameEn, String variant, int quantity, Money unitPrice, Money amount, String taxRate,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Option> options,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Discount discount,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String variantEn) {

        public Line {
            options = options == null || options.isEmpty() ? null : List.copyOf(options);
        }

        /** A line of format 1 or 2, its variant in Chinese only. */
        public Line(String name, String nameEn, String variant, int quantity, Money unitPrice, Money amount, String taxRate,
                @Nullable List<Option> options, @Nullable Discount discount) {
            this(name, nameEn, variant, quantity, unitPrice, amount, taxRate, options, discount, null);
        }

        /** A line of format 1: no options, no discount. */
        public Line(String name, String nameEn, String variant, int quantity, Money unitPrice, Money amount, String taxRate) {
            this(name, nameEn, variant, quantity, unitPrice, amount, taxRate, null, null, null);
        }

        /**
         * Units sold at a unit price, the amount their product, the rate written plainly ({@code "0.13"}, {@code "0"}), the
         * variant in both languages (format 3).
         */
        public static Line of(String name, String nameEn, String variant, String variantEn, int quantity, Money unitPrice,
                BigDecimal taxRate) {
            return new Line(name, nameEn, variant, quantity, unitPrice, unitPrice.times(quantity), rate(taxRate), null, null, variantEn);
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
