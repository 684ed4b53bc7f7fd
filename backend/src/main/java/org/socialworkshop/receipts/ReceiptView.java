package org.socialworkshop.receipts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.shared.Money;

/** A receipt as `GET /api/receipts/{code}` shows it (docs/api/receipts.md). */
record ReceiptView(String code, String url, String register, long number, ReceiptContent.Kind kind, Instant issuedAt,
        String localTime, String timeZone, String orderNumber, @Nullable Reference refundOf, ReceiptContent.Seller seller,
        List<ReceiptContent.Line> lines, List<ReceiptContent.Tax> taxes, Money total, List<ReceiptContent.Tender> tenders,
        List<String> makers, Signed signed, ReceiptBook.Verification verification,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer pickupNumber,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<String> makersEn) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    record Reference(String code, String register, long number) {
    }

    record Signed(String keyId, String algorithm, String previousHash, String hash, String signature, String payload) {
    }

    static ReceiptView of(ReceiptBook.Checked checked, String shopUrl, ZoneId zone) {
        SignedReceipt receipt = checked.receipt();
        ReceiptContent content = receipt.content();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        SignedReceipt sale = checked.refunded();
        Reference refundOf = sale == null ? null : new Reference(sale.code(), sale.content().register(), sale.content().number());
        return new ReceiptView(receipt.code(), shopUrl + receipt.path(), content.register(), content.number(), content.kind(),
                content.issuedAt(), LOCAL.format(content.issuedAt().atZone(zone)), zone.getId(), content.orderNumber(), refundOf,
                content.seller(), content.lines(), content.taxes(), content.total(), content.tenders(), content.makers(),
                new Signed(content.keyId(), "Ed25519", content.previousHash(), receipt.hash(), base64.encodeToString(receipt.signature()),
                        base64.encodeToString(receipt.payload())),
                checked.verification(), content.pickupNumber(), content.makersEn());
    }
}
