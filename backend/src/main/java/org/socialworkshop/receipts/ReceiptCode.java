package org.socialworkshop.receipts;

import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.shared.SignatureText;

/**
 * What a receipt's code names: {@code REGISTER-NUMBER.SIGNATURE}, as its QR code and address carry it, or, at the
 * counter, {@code REGISTER-NUMBER} alone, as printed on it ({@code signature} null then).
 */
record ReceiptCode(String register, long number, byte @Nullable [] signature) {

    private static final Pattern CODE = Pattern.compile("([A-Z0-9-]{1,24})-([1-9]\\d{0,17})(?:\\.([A-Za-z0-9_-]{80,90}))?");

    /** The code read, or empty when it is not shaped like one. */
    static Optional<ReceiptCode> parse(String code) {
        Matcher match = CODE.matcher(code);
        if (!match.matches()) {
            return Optional.empty();
        }
        byte[] signature = null;
        if (match.group(3) != null) {
            signature = SignatureText.parse(match.group(3)).orElse(null);
            if (signature == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new ReceiptCode(match.group(1), Long.parseLong(match.group(2)), signature));
    }

    /** Whether the stored receipt {@code receipt} is the one named: its signature, when the code has one, is the stored one. */
    boolean names(SignedReceipt receipt) {
        return signature == null || MessageDigest.isEqual(receipt.signature(), signature);
    }
}
