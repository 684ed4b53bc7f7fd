package org.socialworkshop.receipts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.platform.database.Database;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The Ed25519 keys receipts are signed with. One key is active; a rotation retires it and makes a new one, and
 * retired keys stay published so old receipts keep verifying. Private keys are stored encrypted with AES-256-GCM
 * under a key derived (PBKDF2-HMAC-SHA256) from {@code workshop.receipts.key-secret}; decrypted keys are kept in
 * memory by id, with their public halves. Creating and rotating take a transaction-scoped advisory lock, so several instances starting at
 * once create one key.
 */
@Component
class ReceiptKeys {

    private static final Logger log = LoggerFactory.getLogger(ReceiptKeys.class);
    private static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final ReceiptSettings settings;
    private final Map<String, SigningKey> signingKeys = new ConcurrentHashMap<>();

    ReceiptKeys(Database db, ReceiptSettings settings) {
        this.db = db;
        this.settings = settings;
        if (settings.demoSecret()) {
            log.warn("RECEIPT_KEY_SECRET is not set: the receipt signing key is encrypted with the public demo secret. "
                    + "Set it (and keep it) before issuing real receipts.");
        }
    }

    /** Makes sure a signing key exists from the first start on, not only from the first receipt. */
    @EventListener(ApplicationReadyEvent.class)
    void createOnFirstStart() {
        active().subscribe(key -> log.info("Receipts are signed with key {}", key.id()),
                failure -> log.warn("Could not prepare the receipt signing key yet: {}", failure.toString()));
    }

    /** A key able to sign. */
    record SigningKey(String id, PrivateKey privateKey, byte[] publicKey) {
    }

    /** A published key; a POS tablet's names the register whose receipts it signs. */
    record PublishedKey(String id, byte[] publicKey, boolean active, @Nullable String register) {
    }

    /** The active key, created if there is none yet. Call inside the issuing transaction. */
    Mono<SigningKey> active() {
        return activeStored()
                .switchIfEmpty(db.inTransaction(() -> lock().then(activeStored().switchIfEmpty(Mono.defer(this::create)))))
                .map(this::signing);
    }

    /**
     * The key {@code activeId}, which the caller read as the active one in its own transaction (with the register it
     * locks, saving a round trip), or the active key found or created as by {@link #active()} when there was none.
     * A key's private half is decrypted once and then kept in memory.
     */
    Mono<SigningKey> signing(@Nullable String activeId) {
        if (activeId == null) {
            return active();
        }
        SigningKey known = signingKeys.get(activeId);
        return known != null ? Mono.just(known) : db.sql("SELECT id, public_key, private_key FROM receipt_keys WHERE id = :id")
                .bind("id", activeId)
                .map(row -> new Stored(row.get("id", String.class), row.get("public_key", byte[].class), row.get("private_key", byte[].class)))
                .one()
                .map(this::signing);
    }

    /** Retires the active key and makes a new one; completes with the new key's id. */
    Mono<String> rotate() {
        return db.inTransaction(() -> lock()
                .then(db.sql("UPDATE receipt_keys SET retired_at = now() WHERE retired_at IS NULL AND register IS NULL").update())
                .then(Mono.defer(this::create))
                .map(Stored::id));
    }

    /** Every key ever used, oldest first. */
    Mono<List<PublishedKey>> published() {
        return db.sql("SELECT id, public_key, retired_at IS NULL AS active, register FROM receipt_keys ORDER BY created_at, id")
                .map(row -> new PublishedKey(row.get("id", String.class), row.get("public_key", byte[].class), row.get("active", Boolean.class),
                        row.get("register", String.class)))
                .list();
    }

    Mono<byte[]> publicKey(String id) {
        return db.sql("SELECT public_key FROM receipt_keys WHERE id = :id").bind("id", id)
                .map(row -> row.get("public_key", byte[].class))
                .first();
    }

    private record Stored(String id, byte[] publicKey, byte[] encryptedPrivateKey) {
    }

    /** The server's active key (a POS tablet's key is its register's, and not the server's to sign with). */
    private Mono<Stored> activeStored() {
        return db.sql("SELECT id, public_key, private_key FROM receipt_keys WHERE retired_at IS NULL AND register IS NULL")
                .map(row -> new Stored(row.get("id", String.class), row.get("public_key", byte[].class), row.get("private_key", byte[].class)))
                .first();
    }

    private Mono<Void> lock() {
        return db.sql("SELECT pg_advisory_xact_lock(hashtext('receipt-keys')) IS NOT NULL AS locked")
                .map(row -> row.get("locked", Boolean.class)).one().then();
    }

    private Mono<Stored> create() {
        KeyPair pair = generate();
        byte[] raw = raw(pair.getPublic());
        String id = "rk-" + LocalDate.now(ZoneOffset.UTC) + "-" + HexFormat.of().formatHex(sha256(raw), 0, 4);
        byte[] encrypted = encrypt(pair.getPrivate().getEncoded());
        log.info("Created receipt signing key {}", id);
        return db.sql("INSERT INTO receipt_keys (id, public_key, private_key) VALUES (:id, :public, :private)")
                .bind("id", id).bind("public", raw).bind("private", encrypted)
                .update()
                .thenReturn(new Stored(id, raw, encrypted));
    }

    private SigningKey signing(Stored stored) {
        return signingKeys.computeIfAbsent(stored.id(), id -> new SigningKey(id, decrypt(stored.encryptedPrivateKey()), stored.publicKey()));
    }

    /**
     * The Ed25519 signature of {@code payload}. BouncyCastle signs (from the key's 32-byte seed) in about a tenth of the
     * time JDK 17's implementation takes, and Ed25519 signatures are deterministic: the same bytes either way.
     */
    static byte[] sign(PrivateKey key, byte[] payload) {
        if (!(key instanceof EdECPrivateKey edec) || edec.getBytes().isEmpty()) {
            throw new IllegalStateException("Ed25519 signing needs an Ed25519 private key with its seed");
        }
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(edec.getBytes().get(), 0, payload, 0, payload.length, signature, 0);
        return signature;
    }

    /**
     * Whether {@code signature} is a valid Ed25519 signature (RFC 8032) of {@code payload} by the raw 32-byte public
     * key. BouncyCastle's verification takes about a seventh of the CPU of JDK 17's (docs/performance.md, "POS sale"),
     * and every counter sale verifies one.
     */
    static boolean verify(byte[] rawPublicKey, byte[] payload, byte[] signature) {
        return rawPublicKey.length == Ed25519.PUBLIC_KEY_SIZE && signature.length == Ed25519.SIGNATURE_SIZE
                && Ed25519.verify(signature, 0, rawPublicKey, 0, payload, 0, payload.length);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot make Ed25519 keys", e);
        }
    }

    /** salt (16) | iv (12) | AES-256-GCM ciphertext with tag. */
    byte[] encrypt(byte[] plain) {
        byte[] salt = new byte[16];
        byte[] iv = new byte[12];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, wrappingKey(salt, settings.secret()), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(salt.length + iv.length + sealed.length).put(salt).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt the receipt key", e);
        }
    }

    /**
     * The private key sealed in {@code blob}. A key sealed with the public demo secret while a secret is set now still
     * opens, with a warning: before this version the app did not read {@code RECEIPT_KEY_SECRET} (only
     * {@code WORKSHOP_RECEIPTS_KEYSECRET}), so an installation that set it has keys sealed with the demo secret; a
     * rotation makes one sealed with the secret.
     */
    PrivateKey decrypt(byte[] blob) {
        try {
            return open(blob, settings.secret());
        } catch (GeneralSecurityException e) {
            if (!settings.demoSecret()) {
                try {
                    PrivateKey opened = open(blob, ReceiptSettings.DEMO_SECRET);
                    log.warn("A receipt signing key is sealed with the public demo secret, not RECEIPT_KEY_SECRET (set before "
                            + "the app read that name?): rotate the key (POST /api/admin/receipts/keys/rotate) so that new "
                            + "receipts are signed with one sealed with the secret.");
                    return opened;
                } catch (GeneralSecurityException notTheDemoSecretEither) {
                    e.addSuppressed(notTheDemoSecretEither);
                }
            }
            throw new IllegalStateException("The receipt signing key cannot be decrypted: is RECEIPT_KEY_SECRET the one it "
                    + "was created with?", e);
        }
    }

    private static PrivateKey open(byte[] blob, String secret) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, wrappingKey(Arrays.copyOfRange(blob, 0, 16), secret),
                new GCMParameterSpec(128, Arrays.copyOfRange(blob, 16, 28)));
        byte[] pkcs8 = cipher.doFinal(blob, 28, blob.length - 28);
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static SecretKeySpec wrappingKey(byte[] salt, String secret) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, ITERATIONS, 256);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        return new SecretKeySpec(key, "AES");
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
