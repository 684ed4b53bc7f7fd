package org.socialworkshop.receipts;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.socialworkshop.platform.database.Database;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The registers receipts are numbered in, for the modules that open their own (each POS register is one). A new
 * register starts its chain at the SHA-256 of its id, as every register does (ADR 0011).
 */
@Service
public class ReceiptRegisters {

    private final Database db;

    ReceiptRegisters(Database db) {
        this.db = db;
    }

    /** A register's names and how far its series has come. */
    public record Register(String id, String nameZh, String nameEn, long lastNumber) {
    }

    /**
     * Opens a register; call inside the transaction that creates what it numbers for. An id already taken is
     * refused by the database (unique key), which the caller's request answers as a conflict.
     */
    public Mono<Register> open(String id, String nameZh, String nameEn) {
        return db.sql("INSERT INTO receipt_registers (id, name_zh, name_en, last_hash) VALUES (:id, :zh, :en, :first)")
                .bind("id", id).bind("zh", nameZh).bind("en", nameEn).bind("first", ReceiptBook.firstHash(id))
                .update()
                .thenReturn(new Register(id, nameZh, nameEn, 0));
    }

    /**
     * Publishes a POS tablet's public key (raw Ed25519, 32 bytes) as the key that signs {@code register}'s receipts from
     * now on; completes with its key id. Call inside the pairing's transaction: a register has one active tablet key.
     */
    public Mono<String> publishDeviceKey(String register, UUID deviceId, byte[] publicKey) {
        String keyId = "device-" + deviceId;
        return db.sql("INSERT INTO receipt_keys (id, public_key, register) VALUES (:id, :key, :register)")
                .bind("id", keyId).bind("key", publicKey).bind("register", register)
                .update()
                .thenReturn(keyId);
    }

    /** The tablet key stops signing (its tablet was revoked); it stays published, so its receipts keep verifying. */
    public Mono<Void> retireDeviceKey(String keyId) {
        return db.sql("UPDATE receipt_keys SET retired_at = now() WHERE id = :id AND register IS NOT NULL AND retired_at IS NULL")
                .bind("id", keyId)
                .update()
                .then();
    }

    /** The registers among {@code ids} that exist, by id. */
    public Mono<Map<String, Register>> find(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT id, name_zh, name_en, last_number FROM receipt_registers WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(String[]::new))
                .map(row -> new Register(row.get("id", String.class), row.get("name_zh", String.class),
                        row.get("name_en", String.class), row.get("last_number", Long.class)))
                .list()
                .map(found -> found.stream().collect(Collectors.toMap(Register::id, register -> register)));
    }
}
