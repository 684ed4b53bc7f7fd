package org.socialworkshop.shared;

import java.util.Base64;
import java.util.Optional;

/**
 * A signature as printed in a verification code: unpadded base64url. Read back only in that exact spelling, so a
 * code has one spelling: base64 leaves spare bits in the last character, which a lenient decoder ignores, and a
 * code whose spare bits are set would otherwise verify as the same signature.
 */
public final class SignatureText {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SignatureText() {
    }

    public static String of(byte[] signature) {
        return ENCODER.encodeToString(signature);
    }

    /** The signature this text spells, or empty if it is not base64url or not in its one canonical spelling. */
    public static Optional<byte[]> parse(String text) {
        try {
            byte[] signature = Base64.getUrlDecoder().decode(text);
            return ENCODER.encodeToString(signature).equals(text) ? Optional.of(signature) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
