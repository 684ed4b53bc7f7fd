package org.socialworkshop.receipts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.shared.Money;

/**
 * What a receipt says: everything that is signed (see docs/api/receipts.md for the canonical encoding).
 * {@code issuedAt} has microsecond precision, as PostgreSQL keeps it. A refund receipt has positive amounts
 * and names the sale it refunds in {@code refundOf} ({@code "REGISTER-NUMBER"}).
 */
public record ReceiptContent(String register, long number, Kind kind, Instant issuedAt, String orderNumber,
        @Nullable String refundOf, Seller seller, List<Line> lines, List<Tax> taxes, Money total, List<Tender> tenders,
        List<String> makers, String previousHash, String keyId) {

    public ReceiptContent {
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
        tenders = List.copyOf(tenders);
        makers = List.copyOf(makers);
    }

    public enum Kind {
        SALE, REFUND
    }

    /** Who sells: from configuration ({@code workshop.receipts.seller.*}). */
    public record Seller(String name, String address, String taxId) {
    }

    /** One line: Chinese name (the receipt's language of record), English name, variant, and amounts. */
    public record Line(String name, String nameEn, String variant, int quantity, Money unitPrice, Money amount, String taxRate) {

        /** Units sold at a unit price, the amount their product, the rate written plainly ({@code "0.13"}, {@code "0"}). */
        public static Line of(String name, String nameEn, String variant, int quantity, Money unitPrice, BigDecimal taxRate) {
            return new Line(name, nameEn, variant, quantity, unitPrice, unitPrice.times(quantity), rate(taxRate));
        }

        /** A tax rate as receipts write it. */
        public static String rate(BigDecimal rate) {
            return rate.stripTrailingZeros().toPlainString();
        }
    }

    /** Tax included in the total at one rate ({@code "0.13"}). */
    public record Tax(String rate, Money gross, Money tax, Money net) {
    }

    /**
     * How it was paid: {@code CARD}, {@code WALLET}, {@code CASH} (with {@code given} and {@code change}) or
     * {@code ONLINE} (a provider's hosted page, method not known to us).
     */
    public record Tender(String type, @Nullable String provider, Money amount, @Nullable Money given, @Nullable Money change,
            @Nullable String reference) {
    }
}
