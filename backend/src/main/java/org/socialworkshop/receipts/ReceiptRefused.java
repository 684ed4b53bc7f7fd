package org.socialworkshop.receipts;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A receipt signed by a POS tablet that is not stored (see {@link CounterReceipts}); nothing changes. */
public final class ReceiptRefused extends ProblemException {

    private ReceiptRefused(HttpStatus status, String type, String title, String detail) {
        super(status, title, detail);
        getBody().setType(URI.create("https://social-workshop.org/problems/" + type));
    }

    static ReceiptRefused unreadable() {
        return new ReceiptRefused(HttpStatus.UNPROCESSABLE_CONTENT, "receipt-differs", "Not a receipt",
                "The signed receipt is not a receipt's canonical JSON (docs/api/receipts.md).");
    }

    static ReceiptRefused notCanonical() {
        ReceiptRefused refused = new ReceiptRefused(HttpStatus.UNPROCESSABLE_CONTENT, "receipt-differs", "Receipt not canonical",
                "The signed receipt says what the sale says, but not in the canonical encoding (docs/api/receipts.md).");
        refused.getBody().setProperty("field", "");
        return refused;
    }

    /** The receipt says something else at {@code field} (a JSON pointer) than the server makes of the sale. */
    static ReceiptRefused differs(String field, @Nullable Object expected, @Nullable Object signed) {
        ReceiptRefused refused = new ReceiptRefused(HttpStatus.UNPROCESSABLE_CONTENT, "receipt-differs", "Receipt differs from the sale",
                "The signed receipt says something else at " + field + " than the server makes of this sale or return (a price or "
                        + "name changed since the tablet loaded the catalog, or a return's original changed?). Load again, check, and "
                        + "sign again.");
        refused.getBody().setProperty("field", field);
        refused.getBody().setProperty("expected", expected);
        refused.getBody().setProperty("signed", signed);
        return refused;
    }

    static ReceiptRefused inTheFuture() {
        return new ReceiptRefused(HttpStatus.UNPROCESSABLE_CONTENT, "receipt-differs", "Receipt dated ahead",
                "The receipt is dated more than " + CounterReceipts.CLOCK_AHEAD.toMinutes()
                        + " minutes ahead of the server's clock; set the tablet's clock right.");
    }

    static ReceiptRefused outOfSequence(CounterReceipts.Position position, String keyId) {
        ReceiptRefused refused = new ReceiptRefused(HttpStatus.CONFLICT, "receipt-out-of-sequence", "Receipt out of sequence",
                "The receipt's number or chain link does not follow the register's last receipt, number "
                        + position.lastNumber() + ". Number and link it again from there.");
        refused.getBody().setProperty("series", Map.of("lastNumber", position.lastNumber(), "lastHash", position.lastHash(),
                "keyId", keyId));
        return refused;
    }

    static ReceiptRefused signatureInvalid() {
        return new ReceiptRefused(HttpStatus.UNPROCESSABLE_CONTENT, "receipt-signature-invalid", "Signature invalid",
                "The signature is not this tablet's Ed25519 signature of the receipt.");
    }

    static ReceiptRefused keyRetired() {
        return new ReceiptRefused(HttpStatus.UNAUTHORIZED, "device-not-paired", "Tablet not paired",
                "This tablet's key no longer signs for the register (the tablet was revoked); pair it again.");
    }
}
