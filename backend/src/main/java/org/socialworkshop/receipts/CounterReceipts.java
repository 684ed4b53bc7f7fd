package org.socialworkshop.receipts;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.receipts.ReceiptContent.Kind;
import org.socialworkshop.receipts.ReceiptContent.Line;
import org.socialworkshop.receipts.ReceiptContent.Tender;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Receipts that POS tablets number, chain and sign themselves (ADR 0017): each paired tablet's public key is a receipt
 * key of its register, published with the others. The server never signs such a receipt; it checks it. What the
 * receipt says must be what the server makes of the sale or the return (lines, taxes, total, tenders, makers, seller,
 * the sale a refund gives money back for), byte for byte in the canonical encoding, with only the number, issue time,
 * chain link and key chosen by the tablet; the number and link must continue the register's series, and the signature
 * must be the tablet's. Then it is stored as any receipt, in the caller's transaction.
 */
@Service
public class CounterReceipts {

    /** Members of a receipt worked out from others: a difference there is reported where it comes from. */
    private static final Set<String> DERIVED = Set.of("amount", "taxes", "total", "change");

    /** How far a tablet's clock may run ahead of the server's. */
    static final Duration CLOCK_AHEAD = Duration.ofMinutes(5);

    private final Database db;
    private final ReceiptCodec codec;
    private final Receipts receipts;

    CounterReceipts(Database db, ReceiptCodec codec, Receipts receipts) {
        this.db = db;
        this.codec = codec;
        this.receipts = receipts;
    }

    /**
     * What the server makes of something a tablet signs a receipt for: everything the receipt says except the number,
     * time, chain link and key, which the tablet chooses; and the source key it is stored under (the one the outbox's
     * receipt handlers look for, so that they never issue a second receipt for it).
     */
    public sealed interface Signed permits Sale, Refund {

        String register();

        String keyId();

        UUID orderId();

        String sourceKey();

        /** The receipt with the number, time, link and key the tablet chose. */
        ReceiptContent content(long number, Instant issuedAt, String previousHash);
    }

    /**
     * What the server makes of a sale. For a sale made online that is the catalog's now and the shop's seller; for
     * one made offline, where the buyer has the receipt already, the caller may take from {@link #claimed} what it
     * accepts.
     */
    public record Sale(String register, String keyId, UUID orderId, ReceiptContent.Seller seller, List<Line> lines, List<Tender> tenders,
            List<ReceiptContent.MakerName> makers, @Nullable Integer pickupNumber) implements Signed {

        public Sale {
            lines = List.copyOf(lines);
            tenders = List.copyOf(tenders);
            makers = List.copyOf(makers);
        }

        public Money total() {
            return lines.stream().map(Line::amount).reduce(Money::plus).orElseThrow();
        }

        @Override
        public String sourceKey() {
            return "sale:" + orderId;
        }

        @Override
        public ReceiptContent content(long number, Instant issuedAt, String previousHash) {
            return new ReceiptContent(register, number, Kind.SALE, issuedAt, register + "-" + number, null, seller, lines,
                    Receipts.taxes(lines), total(), tenders, ReceiptContent.MakerName.zh(makers), previousHash, keyId, pickupNumber,
                    ReceiptContent.MakerName.latin(makers));
        }
    }

    /**
     * What the server makes of a return at the counter: a refund receipt of the tablet's register for the refund
     * {@code refundId} of the order {@code orderNumber}, naming the sale receipt it refunds ({@code refundOf},
     * {@code REGISTER-NUMBER}), its lines the units given back, paid back by {@code tenders} (a card or wallet the sale
     * was paid with, cash from the drawer, or both); no makers, as the online shop's refund receipts.
     */
    public record Refund(String register, String keyId, UUID orderId, UUID refundId, String orderNumber, String refundOf,
            ReceiptContent.Seller seller, List<Line> lines, List<Tender> tenders) implements Signed {

        public Refund {
            lines = List.copyOf(lines);
            tenders = List.copyOf(tenders);
        }

        public Money total() {
            return lines.stream().map(Line::amount).reduce(Money::plus).orElseThrow();
        }

        @Override
        public String sourceKey() {
            return Receipts.refundKey(refundId);
        }

        @Override
        public ReceiptContent content(long number, Instant issuedAt, String previousHash) {
            return new ReceiptContent(register, number, Kind.REFUND, issuedAt, orderNumber, refundOf, seller, lines,
                    Receipts.taxes(lines), total(), tenders, List.of(), previousHash, keyId, null, List.of());
        }
    }

    /**
     * A sale receipt as a return at the counter finds it: the order it was issued for, its number as a refund names it
     * ({@code REGISTER-NUMBER}), its full code and what it says.
     */
    public record Original(UUID orderId, String number, String code, ReceiptContent content) {
    }

    /** A receipt as stored: its code for the QR, its number and hash (the series' new position). */
    public record Stored(String code, long number, String hash) {
    }

    /** Where a register's series stands: the number and hash of its last receipt. */
    public record Position(long lastNumber, String lastHash) {
    }

    /** Who sells, as every receipt says it. */
    public ReceiptContent.Seller seller() {
        return receipts.seller();
    }

    /**
     * What a signed receipt says of the catalog (seller, lines, makers), and when it says it was issued; {@code makersEn}
     * only in format 3.
     */
    public record Claimed(Instant issuedAt, ReceiptContent.Seller seller, List<Line> lines, List<String> makers,
            @Nullable List<String> makersEn) {

        /** The makers as named, in both scripts; a receipt without Latin names gives the Chinese twice. */
        public List<ReceiptContent.MakerName> makerNames() {
            List<String> latin = makersEn == null || makersEn.size() != makers.size() ? makers : makersEn;
            return IntStream.range(0, makers.size())
                    .mapToObj(index -> new ReceiptContent.MakerName(makers.get(index), latin.get(index))).toList();
        }
    }

    /** What the receipt a tablet signed says of the catalog, for a sale it made offline; refused when it is no receipt. */
    public Claimed claimed(byte[] payload) {
        return codec.claimed(payload);
    }

    /** Where {@code register}'s series stands now. */
    public Mono<Position> position(String register) {
        return db.sql("SELECT last_number, last_hash FROM receipt_registers WHERE id = :id").bind("id", register)
                .map(row -> new Position(row.get("last_number", Long.class), row.get("last_hash", String.class)))
                .one();
    }

    /**
     * Checks the receipt a tablet signed for {@code sale} (or a return) and stores it as the next of its register; call
     * inside the transaction that stores the sale. Refused with a {@link ReceiptRefused} problem when it says anything
     * else than the server makes of the sale, does not continue the series, is not signed by the register's active
     * tablet key, or is dated ahead of the server's clock by more than {@link #CLOCK_AHEAD}.
     */
    public Mono<Stored> store(Signed sale, byte[] payload, byte[] signature) {
        ReceiptContent expected = check(sale, payload);
        SignedReceipt receipt = new SignedReceipt(expected, payload, ReceiptKeys.hex(ReceiptKeys.sha256(payload)), signature);
        // One statement locks the register and stores the receipt when it continues the series with the register's key;
        // the signature is checked with that key after it, and a failure rolls the caller's transaction back with it.
        return receipts.storeContinuing(sale.sourceKey(), sale.orderId(), receipt).flatMap(found -> {
            if (found.keyId() == null || !found.keyId().equals(expected.keyId())) {
                return Mono.error(ReceiptRefused.keyRetired());
            }
            if (expected.number() != found.lastNumber() + 1 || !expected.previousHash().equals(found.lastHash())) {
                return Mono.error(ReceiptRefused.outOfSequence(new Position(found.lastNumber(), found.lastHash()), found.keyId()));
            }
            if (!ReceiptKeys.verify(Objects.requireNonNull(found.publicKey()), payload, signature)) {
                return Mono.error(ReceiptRefused.signatureInvalid());
            }
            if (!found.stored()) {
                return Mono.error(new IllegalStateException("The receipt continued its register's series but was not stored"));
            }
            return Mono.just(new Stored(receipt.code(), expected.number(), receipt.hash()));
        });
    }

    /**
     * Whether the receipt a tablet signed would be stored now: it continues its register's series with the register's
     * active key, and the signature is that key's. For a return whose money goes back through a payment provider
     * before its receipt is stored: nothing is given back for a receipt that will be refused. {@link #store} checks
     * it all again under the register's lock.
     */
    public Mono<Void> verify(ReceiptContent checked, byte[] payload, byte[] signature) {
        return db.sql("""
                        SELECT r.last_number, r.last_hash, k.id AS key_id, k.public_key
                        FROM receipt_registers r LEFT JOIN receipt_keys k ON k.register = r.id AND k.retired_at IS NULL
                        WHERE r.id = :id""")
                .bind("id", checked.register())
                .map(row -> {
                    String keyId = row.get("key_id", String.class);
                    if (keyId == null || !keyId.equals(checked.keyId())) {
                        throw ReceiptRefused.keyRetired();
                    }
                    long last = Objects.requireNonNull(row.get("last_number", Long.class));
                    String lastHash = Objects.requireNonNull(row.get("last_hash", String.class));
                    if (checked.number() != last + 1 || !checked.previousHash().equals(lastHash)) {
                        throw ReceiptRefused.outOfSequence(new Position(last, lastHash), keyId);
                    }
                    if (!ReceiptKeys.verify(Objects.requireNonNull(row.get("public_key", byte[].class)), payload, signature)) {
                        throw ReceiptRefused.signatureInvalid();
                    }
                    return true;
                })
                .one()
                .then();
    }

    /**
     * Whether the signed receipt says what the server makes of {@code sale}, byte for byte, and is not dated ahead of
     * the server's clock; completes with what it says, or is refused with a {@link ReceiptRefused} problem. Neither
     * the series nor the signature is looked at here: {@link #store} does, under the register's lock. A receipt of a
     * format before 3 (from a tablet still on an older page) is expected without the English members.
     */
    public ReceiptContent check(Signed sale, byte[] payload) {
        JsonNode signed = tree(payload);
        ReceiptContent full = expected(sale, signed);
        ReceiptContent expected = signed.path("v").asInt(0) < 3 ? full.withoutFormat3() : full;
        byte[] expectedPayload = codec.payload(expected);
        if (!Arrays.equals(expectedPayload, payload)) {
            throw difference(codec.tree(expectedPayload), signed, "");
        }
        if (expected.issuedAt().isAfter(Instant.now().plus(CLOCK_AHEAD))) {
            throw ReceiptRefused.inTheFuture();
        }
        return expected;
    }

    /** The receipt stored for a sale's order, for answering a sale sent again. */
    public Mono<Stored> stored(UUID orderId) {
        return receipts.sale(orderId).map(CounterReceipts::stored);
    }

    /** The receipt stored for a refund, for answering a return sent again. */
    public Mono<Stored> storedRefund(UUID refundId) {
        return receipts.refund(refundId).map(CounterReceipts::stored);
    }

    private static Stored stored(SignedReceipt receipt) {
        return new Stored(receipt.code(), receipt.content().number(), receipt.hash());
    }

    /**
     * The sale receipt a return is made against, found by its full code ({@code REGISTER-NUMBER.SIGNATURE}, as its QR
     * code and address carry it) or by its number alone ({@code REGISTER-NUMBER}, as printed on it), for a cashier at
     * the counter; empty when no receipt has it. A refund receipt is found too: the caller says it is none to return.
     */
    public Mono<Original> original(String code) {
        return Mono.justOrEmpty(ReceiptCode.parse(code)).flatMap(parsed -> db.sql("SELECT order_id, " + ReceiptCodec.COLUMNS
                        + " FROM receipts WHERE register = :register AND number = :number")
                .bind("register", parsed.register()).bind("number", parsed.number())
                .map(row -> codec.readable(row).filter(parsed::names).map(receipt -> new Original(row.get("order_id", UUID.class),
                        receipt.content().register() + "-" + receipt.content().number(), receipt.code(), receipt.content())))
                .first()
                .flatMap(Mono::justOrEmpty));
    }

    /** The receipt the server expects, with the number, time, link and key as the tablet chose them. */
    private ReceiptContent expected(Signed sale, JsonNode signed) {
        long number = signed.path("number").asLong(0);
        String issuedAt = signed.path("issuedAt").asString("");
        String previousHash = signed.path("previousHash").asString("");
        if (number < 1 || previousHash.isEmpty()) {
            throw ReceiptRefused.unreadable();
        }
        Instant issued;
        try {
            issued = Instant.from(ReceiptCodec.MICROS.parse(issuedAt));
        } catch (DateTimeParseException notATime) {
            throw ReceiptRefused.differs("/issuedAt", "UTC with six decimals, e.g. 2026-12-06T10:00:00.123000Z", issuedAt);
        }
        return sale.content(number, issued, previousHash);
    }

    private JsonNode tree(byte[] payload) {
        try {
            JsonNode tree = codec.tree(payload);
            if (!tree.isObject()) {
                throw ReceiptRefused.unreadable();
            }
            return tree;
        } catch (JacksonException notJson) {
            throw ReceiptRefused.unreadable();
        }
    }

    /**
     * The first place (a JSON pointer) where the signed receipt says something else than the expected one; an amount of
     * money is one value there.
     */
    private static ReceiptRefused difference(JsonNode expected, JsonNode signed, String at) {
        ReceiptRefused found = firstDifference(expected, signed, at);
        return found != null ? found : ReceiptRefused.notCanonical();
    }

    private static @Nullable ReceiptRefused firstDifference(JsonNode expected, JsonNode signed, String at) {
        boolean money = expected.has("amount") && expected.has("currency") && expected.size() == 2;
        if (expected.isObject() && signed.isObject() && !money) {
            // what follows from other members (an amount from its price and quantity) is looked at after them
            for (boolean derived : new boolean[] {false, true}) {
                for (Map.Entry<String, JsonNode> member : expected.properties()) {
                    if (DERIVED.contains(member.getKey()) != derived) {
                        continue;
                    }
                    ReceiptRefused inner = firstDifference(member.getValue(), signed.path(member.getKey()), at + "/" + member.getKey());
                    if (inner != null) {
                        return inner;
                    }
                }
            }
            for (Iterator<String> names = signed.propertyNames().iterator(); names.hasNext(); ) {
                String name = names.next();
                if (!expected.has(name)) {
                    return ReceiptRefused.differs(at + "/" + name, null, signed.get(name));
                }
            }
            return null;
        }
        if (expected.isArray() && signed.isArray() && expected.size() == signed.size()) {
            for (int index = 0; index < expected.size(); index++) {
                ReceiptRefused inner = firstDifference(expected.get(index), signed.get(index), at + "/" + index);
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        return expected.equals(signed) ? null : ReceiptRefused.differs(at, expected, signed.isMissingNode() ? null : signed);
    }
}
