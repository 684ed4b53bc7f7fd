package org.socialworkshop.pos;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.platform.security.LoginThrottle;
import org.socialworkshop.receipts.ReceiptRegisters;
import org.socialworkshop.receipts.SignedDocuments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * POS registers and the tablets paired to them (docs/adr/0017-pos-registers-devices-and-steps.md). A register is
 * opened together with its receipt series; a tablet pairs with a one-time code a coordinator asks for, proving that it
 * holds the Ed25519 key it registers, and is known afterwards by the SHA-256 of the credential it chose. At most one
 * tablet per register is active: it alone signs the register's receipts.
 */
@Service
public class PosRegisters {

    static final Duration CODE_VALID = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final ReceiptRegisters receiptRegisters;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    PosRegisters(Database db, ReceiptRegisters receiptRegisters, LoginThrottle throttle, AuditLog audit) {
        this.db = db;
        this.receiptRegisters = receiptRegisters;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * A register as coordinators see it: its receipt series, its active tablet, whether a code is waiting, and the
     * Stripe Terminal reader that takes its cards (none in demo mode, or before one is set), and the ESC/POS printer on its
     * counter ({@code host:port}, none when the tablet prints through the browser).
     */
    public record Register(String id, RegisterKind kind, String nameZh, String nameEn, long lastReceiptNumber,
            @Nullable Device device, @Nullable OffsetDateTime pairingCodeExpiresAt, @Nullable String cardReader, @Nullable String printer) {
    }

    /** A paired tablet. */
    public record Device(UUID id, String label, OffsetDateTime pairedAt, String pairedBy, @Nullable OffsetDateTime revokedAt) {
    }

    /** A code to pair a tablet with, shown once to the coordinator who asked for it. */
    public record PairingCode(String registerId, String code, OffsetDateTime expiresAt) {
    }

    /** A tablet, as it knows itself: its register, and the id of the key it signs the register's receipts with. */
    public record PairedDevice(Device device, Register register, String keyId) {
    }

    /** Opens a register and its receipt series; the id is the one receipts will carry (e.g. {@code CANTEEN-1}). */
    public Mono<Register> open(String id, RegisterKind kind, String nameZh, String nameEn) {
        return db.inTransaction(() -> receiptRegisters.open(id, nameZh, nameEn)
                        .then(db.sql("INSERT INTO pos_registers (id, kind) VALUES (:id, :kind)")
                                .bind("id", id).bind("kind", kind.name()).update())
                        .then(audit.record("pos.register-opened", "register:" + id, Map.of("kind", kind.name()))))
                .onErrorMap(DuplicateKeyException.class, taken -> PosProblem.registerTaken())
                .then(Mono.defer(() -> one(id)));
    }

    /** Every register, by id. */
    Mono<List<Register>> list() {
        return registers(null);
    }

    /** One register; a 404 problem when there is none. */
    Mono<Register> one(String id) {
        return registers(id).flatMap(found -> found.isEmpty() ? Mono.error(PosProblem.unknownRegister()) : Mono.just(found.get(0)));
    }

    private Mono<List<Register>> registers(@Nullable String only) {
        return db.sql("""
                        SELECT r.id, r.kind, r.card_reader, r.printer, d.id AS device_id, d.label, d.paired_at, d.paired_by, c.expires_at
                        FROM pos_registers r
                        LEFT JOIN pos_devices d ON d.register_id = r.id AND d.revoked_at IS NULL
                        LEFT JOIN pos_pairing_codes c ON c.register_id = r.id AND c.expires_at > now()
                        WHERE CAST(:only AS text) IS NULL OR r.id = :only
                        ORDER BY r.id""")
                .bindNullable("only", only, String.class)
                .map(row -> new Row(row.get("id", String.class), RegisterKind.valueOf(row.get("kind", String.class)),
                        row.get("device_id", UUID.class) == null ? null : device(row, null), row.get("expires_at", OffsetDateTime.class),
                        row.get("card_reader", String.class), row.get("printer", String.class)))
                .list()
                .flatMap(this::named);
    }

    /** The registers with their names and how far their receipt series have come. */
    private Mono<List<Register>> named(List<Row> rows) {
        return receiptRegisters.find(rows.stream().map(Row::id).toList()).map(series -> rows.stream().map(row -> {
            ReceiptRegisters.Register names = series.get(row.id());
            return new Register(row.id(), row.kind(), names.nameZh(), names.nameEn(), names.lastNumber(), row.device(),
                    row.codeExpiresAt(), row.cardReader(), row.printer());
        }).toList());
    }

    private record Row(String id, RegisterKind kind, @Nullable Device device, @Nullable OffsetDateTime codeExpiresAt,
            @Nullable String cardReader, @Nullable String printer) {
    }

    /** Sets the ESC/POS printer on the register's counter ({@code host:port}), or none. */
    Mono<Register> printer(String registerId, @Nullable String address) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("UPDATE pos_registers SET printer = :printer WHERE id = :id")
                        .bind("id", registerId).bindNullable("printer", address, String.class)
                        .update()
                        .flatMap(updated -> updated == 0 ? Mono.error(PosProblem.unknownRegister())
                                : audit.record(actor, "pos.printer-set", "register:" + registerId,
                                        address == null ? Map.of() : Map.of("printer", address)))))
                .then(Mono.defer(() -> one(registerId)));
    }

    /** Pairs the register with a Stripe Terminal reader ({@code tmr_…}), or with none. */
    Mono<Register> cardReader(String registerId, @Nullable String reader) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql(
                                "UPDATE pos_registers SET card_reader = :reader WHERE id = :id")
                        .bind("id", registerId).bindNullable("reader", reader, String.class)
                        .update()
                        .flatMap(updated -> updated == 0 ? Mono.error(PosProblem.unknownRegister())
                                : audit.record(actor, "pos.card-reader-set", "register:" + registerId,
                                        reader == null ? Map.of() : Map.of("reader", reader)))))
                .then(Mono.defer(() -> one(registerId)));
    }

    private static Device device(Readable row, @Nullable OffsetDateTime revokedAt) {
        return new Device(row.get("device_id", UUID.class), row.get("label", String.class), row.get("paired_at", OffsetDateTime.class),
                row.get("paired_by", String.class), revokedAt);
    }

    /**
     * A new pairing code for the register, valid for {@link #CODE_VALID}; an earlier code not yet used stops working.
     * Refused while a tablet is paired to the register.
     */
    Mono<PairingCode> pairingCode(String registerId) {
        return db.inTransaction(() -> db.sql("""
                                SELECT EXISTS (SELECT FROM pos_devices WHERE register_id = r.id AND revoked_at IS NULL) AS paired
                                FROM pos_registers r WHERE r.id = :id FOR UPDATE""")
                        .bind("id", registerId)
                        .map(row -> row.get("paired", Boolean.class))
                        .one()
                        .switchIfEmpty(Mono.error(PosProblem::unknownRegister))
                        // Two registers' live codes may not be equal (one in a hundred million): then another is drawn.
                        .flatMap(paired -> paired ? Mono.error(PosProblem.alreadyPaired())
                                : Flux.range(0, 5).concatMap(attempt -> issueCode(registerId)).next()));
    }

    /** A new code for the register, or empty when the one drawn is another register's live code. */
    private Mono<PairingCode> issueCode(String registerId) {
        String code = "%08d".formatted(RANDOM.nextInt(100_000_000));
        return CurrentUser.name().flatMap(actor -> db.sql("""
                        INSERT INTO pos_pairing_codes (register_id, code_hash, expires_at, created_by)
                        SELECT :id, :hash, now() + :seconds * interval '1 second', :by
                        WHERE NOT EXISTS (SELECT FROM pos_pairing_codes WHERE code_hash = :hash AND register_id <> :id)
                        ON CONFLICT (register_id) DO UPDATE SET code_hash = excluded.code_hash, expires_at = excluded.expires_at,
                            created_by = excluded.created_by
                        RETURNING expires_at""")
                .bind("id", registerId).bind("hash", SignedDocuments.sha256Hex(utf8(code)))
                .bind("seconds", CODE_VALID.toSeconds())
                .bind("by", actor)
                .map(row -> row.get("expires_at", OffsetDateTime.class))
                .one()
                .flatMap(expires -> audit.record(actor, "pos.pairing-code-issued", "register:" + registerId,
                                Map.of("expiresAt", expires.toString()))
                        .thenReturn(new PairingCode(registerId, code, expires))));
    }

    /**
     * Pairs a tablet: the code must be live, {@code proof} an Ed25519 signature of {@code "pair:" + code} by
     * {@code publicKey}, and the register without an active tablet. Wrong codes are counted per network address like
     * sign-in failures (in a transaction of their own, so that a refused pairing still counts). The tablet is known
     * afterwards by {@code credential}, which only it holds. {@code withDevice} runs in the pairing's transaction.
     */
    Mono<PairedDevice> pair(String code, byte[] publicKey, byte[] proof, String credential, String label, String address,
            Function<PairedDevice, Mono<Void>> withDevice) {
        String throttled = "pos-pairing@" + address;
        return throttle.attempt(throttled, address).flatMap(wait -> {
            if (wait.isPresent()) {
                return Mono.error(PosProblem.tooManyTries(wait.get()));
            }
            if (!SignedDocuments.verifiesWith(publicKey, utf8("pair:" + code), proof)) {
                return Mono.error(PosProblem.keyNotProven());
            }
            UUID id = UUID.randomUUID();
            return db.inTransaction(() -> db.sql("""
                                    DELETE FROM pos_pairing_codes WHERE code_hash = :code AND expires_at > now()
                                    RETURNING register_id, created_by""")
                            .bind("code", SignedDocuments.sha256Hex(utf8(code)))
                            .map(row -> Map.entry(row.get("register_id", String.class), row.get("created_by", String.class)))
                            .one()
                            .switchIfEmpty(Mono.error(PosProblem::wrongCode))
                            .flatMap(used -> receiptRegisters.publishDeviceKey(used.getKey(), id, publicKey)
                                    .flatMap(keyId -> db.sql("""
                                                    INSERT INTO pos_devices (id, register_id, label, credential_hash, key_id, paired_by)
                                                    VALUES (:id, :register, :label, :credential, :key, :by)""")
                                            .bind("id", id).bind("register", used.getKey()).bind("label", label)
                                            .bind("credential", SignedDocuments.sha256Hex(utf8(credential))).bind("key", keyId)
                                            .bind("by", used.getValue())
                                            .update())
                                    .thenReturn(used.getKey()))
                            .flatMap(registerId -> audit.record("device:" + id, "pos.device-paired", "register:" + registerId,
                                    Map.of("device", id.toString(), "label", label)))
                            .then(Mono.defer(() -> device(credential)))
                            .flatMap(paired -> withDevice.apply(paired).thenReturn(paired)))
                    .onErrorMap(DuplicateKeyException.class, paired -> PosProblem.alreadyPaired())
                    .flatMap(paired -> throttle.recordSuccess(throttled).thenReturn(paired));
        });
    }

    /**
     * The active tablet known by this credential, with its register; empty for an unknown or revoked one. Asked on every
     * counter request (no cache: a revoked tablet stops at once), so the tablet, its register and a waiting pairing
     * code come in one query, the register's names and series in one more.
     */
    Mono<PairedDevice> device(String credential) {
        return db.sql("""
                        SELECT d.id AS device_id, d.register_id, d.label, d.paired_at, d.paired_by, d.key_id, r.kind, r.card_reader,
                               r.printer, c.expires_at
                        FROM pos_devices d JOIN pos_registers r ON r.id = d.register_id
                        LEFT JOIN pos_pairing_codes c ON c.register_id = r.id AND c.expires_at > now()
                        WHERE d.credential_hash = :credential AND d.revoked_at IS NULL""")
                .bind("credential", SignedDocuments.sha256Hex(utf8(credential)))
                .map(row -> new Found(new Row(row.get("register_id", String.class), RegisterKind.valueOf(row.get("kind", String.class)),
                        device(row, null), row.get("expires_at", OffsetDateTime.class), row.get("card_reader", String.class),
                        row.get("printer", String.class)), row.get("key_id", String.class)))
                .one()
                .flatMap(found -> named(List.of(found.register())).map(registers -> new PairedDevice(
                        Objects.requireNonNull(found.register().device()), registers.get(0), found.keyId())));
    }

    private record Found(Row register, String keyId) {
    }

    /** Revokes a tablet: its credential stops working at once. Revoking a revoked tablet changes nothing. */
    Mono<Device> revoke(UUID deviceId) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("""
                        UPDATE pos_devices SET revoked_at = now(), revoked_by = :by WHERE id = :id AND revoked_at IS NULL
                        RETURNING register_id, key_id""")
                .bind("id", deviceId).bind("by", actor)
                .map(row -> Map.entry(row.get("register_id", String.class), row.get("key_id", String.class)))
                .one()
                .flatMap(revoked -> receiptRegisters.retireDeviceKey(revoked.getValue())
                        .then(audit.record(actor, "pos.device-revoked", "register:" + revoked.getKey(),
                                Map.of("device", deviceId.toString()))))
                .then(db.sql("SELECT id AS device_id, label, paired_at, paired_by, revoked_at FROM pos_devices WHERE id = :id")
                        .bind("id", deviceId)
                        .map(row -> device(row, row.get("revoked_at", OffsetDateTime.class)))
                        .one()
                        .switchIfEmpty(Mono.error(PosProblem::unknownDevice)))));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
