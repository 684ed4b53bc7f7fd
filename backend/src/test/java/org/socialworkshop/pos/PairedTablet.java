package org.socialworkshop.pos;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.socialworkshop.shared.SignatureText;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What a tablet makes at pairing, as the POS page does with WebCrypto: an Ed25519 key pair and a 32-byte credential. */
public final class PairedTablet {

    private static final SecureRandom RANDOM = new SecureRandom();

    public final KeyPair keys;
    public final byte[] publicKey;
    public final String credential;
    private final byte[] seed;

    public PairedTablet() {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        seed = ((EdECPrivateKey) keys.getPrivate()).getBytes().orElseThrow();
        byte[] encoded = keys.getPublic().getEncoded();
        publicKey = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        credential = SignatureText.of(secret);
    }

    /** A register of its own, opened by {@code coordinator}, with this tablet paired to it; returns the register's id. */
    public String pairToNewRegister(WebTestClient coordinator, WebTestClient anonymous) {
        String id = "TEST-" + (1000 + RANDOM.nextInt(9_000_000));
        coordinator.post().uri("/api/admin/pos/registers")
                .bodyValue(Map.of("id", id, "kind", "CAFE", "nameZh", "测试 " + id, "nameEn", "Test " + id))
                .exchange().expectStatus().isCreated();
        String code = (String) coordinator.post().uri("/api/admin/pos/registers/" + id + "/pairing-codes").exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("code");
        pair(anonymous, code, UUID.randomUUID().toString()).expectStatus().isCreated();
        return id;
    }

    public WebTestClient.ResponseSpec pair(WebTestClient client, String code, String idempotencyKey) {
        return client.post().uri("/api/pos/pairing").header("Idempotency-Key", idempotencyKey)
                .bodyValue(Map.of("code", code, "publicKey", SignatureText.of(publicKey), "proof", SignatureText.of(sign("pair:" + code)),
                        "credential", credential, "label", "Counter tablet"))
                .exchange();
    }

    public byte[] sign(String text) {
        return sign(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The tablet's Ed25519 signature (BouncyCastle's, the same bytes as WebCrypto's and the JDK's, in less time). */
    public byte[] sign(byte[] bytes) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicKey, 0, bytes, 0, bytes.length, signature, 0);
        return signature;
    }

    public WebTestClient.ResponseSpec device(WebTestClient client) {
        return client.get().uri("/api/pos/device").header(HttpHeaders.COOKIE, "POS_DEVICE=" + credential).exchange();
    }
}
