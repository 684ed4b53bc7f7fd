package org.socialworkshop.receipts;

import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socialworkshop.shared.SignatureText;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing for documents other than receipts (earnings statements, impact reports), the same way: canonical JSON
 * (docs/api/receipts.md), SHA-256, Ed25519 with the active receipt key, verifiable with the published keys.
 */
@Service
public class SignedDocuments {

    private final ReceiptKeys keys;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CanonicalJson canonical = new CanonicalJson(json);

    SignedDocuments(ReceiptKeys keys) {
        this.keys = keys;
    }

    /** A signature with the key that made it, and the payload's SHA-256 in hex. */
    public record Signature(String keyId, byte[] signature, String hash) {
    }

    /** The canonical bytes of a value (records, maps, lists of strings, integers, booleans). */
    public byte[] canonical(Object value) {
        return canonical.bytes(value instanceof JsonNode tree ? tree : json.valueToTree(value));
    }

    /** The value as the JSON tree whose canonical bytes are signed; store it as it is. */
    public JsonNode tree(Object value) {
        return json.valueToTree(value);
    }

    /** Signs with the active key; call inside the transaction that stores the document. */
    public Mono<Signature> sign(byte[] payload) {
        return keys.active().map(key -> new Signature(key.id(), ReceiptKeys.sign(key.privateKey(), payload),
                ReceiptKeys.hex(ReceiptKeys.sha256(payload))));
    }

    /** Whether the signature verifies with the published key {@code keyId}. */
    public Mono<Boolean> verify(String keyId, byte[] payload, byte[] signature) {
        return keys.publicKey(keyId).map(key -> ReceiptKeys.verify(key, payload, signature)).defaultIfEmpty(false);
    }

    /**
     * Whether {@code signature} is an Ed25519 signature of {@code payload} by a key that is not (yet) published, given
     * as its raw 32 bytes: a POS tablet proving at pairing that it holds the key it registers.
     */
    public static boolean verifiesWith(byte[] rawPublicKey, byte[] payload, byte[] signature) {
        return rawPublicKey.length == 32 && ReceiptKeys.verify(rawPublicKey, payload, signature);
    }

    /**
     * The code printed under a signed document's QR code: its id as {@link UUID#toString()} writes it, a dot, and its
     * signature in unpadded base64url. The signature makes the code unguessable, so documents cannot be enumerated.
     */
    public record Code(UUID id, byte[] signature) {

        private static final Pattern FORMAT = Pattern.compile(
                "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([A-Za-z0-9_-]{80,90})");

        /** The code's parts, or empty when it is not such a code. */
        public static Optional<Code> parse(String text) {
            Matcher match = FORMAT.matcher(text);
            if (!match.matches()) {
                return Optional.empty();
            }
            return SignatureText.parse(match.group(2)).map(signature -> new Code(UUID.fromString(match.group(1)), signature));
        }

        /** Whether {@code stored} is the signature this code names (compared in constant time). */
        public boolean names(byte[] stored) {
            return MessageDigest.isEqual(stored, signature);
        }

        public static String of(UUID id, byte[] signature) {
            return id + "." + SignatureText.of(signature);
        }
    }

    public static String sha256Hex(byte[] payload) {
        return ReceiptKeys.hex(ReceiptKeys.sha256(payload));
    }
}
