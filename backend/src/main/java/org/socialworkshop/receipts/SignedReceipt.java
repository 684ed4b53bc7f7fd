package org.socialworkshop.receipts;

import org.socialworkshop.shared.SignatureText;

/**
 * A receipt as issued: its content, the canonical bytes that were signed, their SHA-256 ({@code hash}, hex),
 * and the Ed25519 signature. The {@link #code()} is what the QR code carries after {@code /r/}.
 */
public record SignedReceipt(ReceiptContent content, byte[] payload, String hash, byte[] signature) {

    /** {@code REGISTER-NUMBER.SIGNATURE}, the signature in base64url without padding. */
    public String code() {
        return content.register() + "-" + content.number() + "." + SignatureText.of(signature);
    }

    /** The path of the public verification page. */
    public String path() {
        return "/r/" + code();
    }
}
