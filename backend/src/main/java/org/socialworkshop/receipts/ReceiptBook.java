package org.socialworkshop.receipts;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.ordering.OrderView;
import org.socialworkshop.ordering.ReceiptLinks;
import org.socialworkshop.shared.SignatureText;
import org.socialworkshop.platform.database.Database;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads receipts and checks them: the signature against the published key, and the chain on both sides (the
 * previous receipt's hash, the next receipt's link, or the register's last hash). A receipt is found only by its
 * full code: the signature in the code must be the stored one.
 */
@Service
class ReceiptBook implements ReceiptLinks {

    private final Database db;
    private final ReceiptCodec codec;
    private final ReceiptKeys keys;

    ReceiptBook(Database db, ReceiptCodec codec, ReceiptKeys keys) {
        this.db = db;
        this.codec = codec;
        this.keys = keys;
    }

    /** The verdict on one receipt. */
    record Verification(boolean signatureValid, boolean chainValid, Status status) {
    }

    enum Status {
        GENUINE, REFUNDED, PARTIALLY_REFUNDED, VOIDED, NOT_GENUINE
    }

    /** A receipt found by its code, with its verdict and, for a refund, the sale it refunds. */
    record Checked(SignedReceipt receipt, Verification verification, @Nullable SignedReceipt refunded) {
    }

    /** The result of checking a register from its first receipt to its last. */
    record RegisterCheck(String register, long checked, boolean valid, @Nullable Broken firstBroken) {
    }

    record Broken(long number, String reason) {
    }

    /** The receipt with this code and its verdict; empty when no receipt has this code (its signature included). */
    Mono<Checked> find(String code) {
        ReceiptCode parsed = ReceiptCode.parse(code).filter(named -> named.signature() != null).orElse(null);
        if (parsed == null) {
            return Mono.empty();
        }
        return load(parsed.register(), parsed.number())
                .filter(parsed::names)
                .flatMap(receipt -> Mono.zip(verify(receipt), refundedSale(receipt).map(List::of).defaultIfEmpty(List.of()))
                        .map(found -> new Checked(receipt, found.getT1(), found.getT2().isEmpty() ? null : found.getT2().get(0))));
    }

    /** The receipt stored under this register and number; empty if there is none, or if its row no longer reads as one. */
    Mono<SignedReceipt> load(String register, long number) {
        return db.sql("SELECT " + ReceiptCodec.COLUMNS + " FROM receipts WHERE register = :register AND number = :number")
                .bind("register", register).bind("number", number)
                .map(codec::readable)
                .first()
                .flatMap(Mono::justOrEmpty);
    }

    private Mono<SignedReceipt> refundedSale(SignedReceipt receipt) {
        String refundOf = receipt.content().refundOf();
        if (refundOf == null) {
            return Mono.empty();
        }
        int dash = refundOf.lastIndexOf('-');
        return load(refundOf.substring(0, dash), Long.parseLong(refundOf.substring(dash + 1)));
    }

    private record RegisterEnd(long number, String hash) {
    }

    Mono<Verification> verify(SignedReceipt receipt) {
        ReceiptContent content = receipt.content();
        String recomputed = ReceiptKeys.hex(ReceiptKeys.sha256(receipt.payload()));
        Mono<Boolean> signatureValid = keys.publicKey(content.keyId())
                .map(key -> ReceiptKeys.verify(key, receipt.payload(), receipt.signature()))
                .defaultIfEmpty(false);
        Mono<Boolean> previousLinks = content.number() == 1
                ? Mono.just(content.previousHash().equals(firstHash(content.register())))
                : load(content.register(), content.number() - 1)
                        .map(previous -> content.previousHash().equals(ReceiptKeys.hex(ReceiptKeys.sha256(previous.payload()))))
                        .defaultIfEmpty(false);
        // The register's end first, then (when it has moved on) the next receipt: a receipt and the register's new end
        // commit in one statement, so read in this order the next one is always found once the end has passed this
        // one. (Read the other way round, a receipt issued between the two reads made its predecessor, a genuine
        // receipt, read NOT_GENUINE: found under load by infra/cluster/faults.sh.)
        Mono<Boolean> nextLinks = db.sql("SELECT last_number, last_hash FROM receipt_registers WHERE id = :id")
                .bind("id", content.register())
                .map(row -> new RegisterEnd(row.get("last_number", Long.class), row.get("last_hash", String.class)))
                .one()
                .flatMap(end -> end.number() == content.number() ? Mono.just(recomputed.equals(end.hash()))
                        : end.number() < content.number() ? Mono.just(false)
                        : load(content.register(), content.number() + 1)
                                .map(next -> next.content().previousHash().equals(recomputed))
                                .defaultIfEmpty(false))
                .defaultIfEmpty(false);
        return Mono.zip(signatureValid, previousLinks, nextLinks, refundedTotal(receipt)).map(found -> {
            boolean chain = recomputed.equals(receipt.hash()) && found.getT2() && found.getT3();
            boolean genuine = found.getT1() && chain;
            long refunded = found.getT4();
            Status status = !genuine ? Status.NOT_GENUINE
                    : refunded >= content.total().minor() ? Status.REFUNDED
                    : refunded > 0 ? Status.PARTIALLY_REFUNDED
                    : Status.GENUINE;
            return new Verification(found.getT1(), chain, status);
        });
    }

    /** For a sale: what refund receipts have given back of it. */
    private Mono<Long> refundedTotal(SignedReceipt receipt) {
        if (receipt.content().kind() != ReceiptContent.Kind.SALE) {
            return Mono.just(0L);
        }
        return db.sql("SELECT coalesce(sum(total_minor), 0) AS refunded FROM receipts WHERE refund_of = :sale")
                .bind("sale", receipt.content().register() + "-" + receipt.content().number())
                .map(row -> row.get("refunded", Number.class).longValue())
                .one();
    }

    /**
     * Walks a register's receipts in number order and reports the first that is not as issued: a gap, a row that no
     * longer reads as a receipt, a link that does not match the previous receipt, a hash that does not match the
     * content, or a signature that fails.
     */
    Mono<RegisterCheck> check(String register) {
        record Walk(long expected, String previousHash, @Nullable Broken broken) {
        }
        record Stored(long number, @Nullable SignedReceipt receipt, boolean signatureValid) {
        }
        return Flux.range(0, Integer.MAX_VALUE)
                .concatMap(page -> db.sql("SELECT " + ReceiptCodec.COLUMNS + " FROM receipts WHERE register = :register "
                                + "ORDER BY number LIMIT 500 OFFSET :offset")
                        .bind("register", register).bind("offset", page * 500L)
                        .map(row -> Map.entry(row.get("number", Long.class), codec.readable(row)))
                        .list())
                .takeWhile(batch -> !batch.isEmpty())
                .concatMapIterable(batch -> batch)
                .concatMap(row -> row.getValue()
                        .map(receipt -> keys.publicKey(receipt.content().keyId())
                                .map(key -> ReceiptKeys.verify(key, receipt.payload(), receipt.signature()))
                                .defaultIfEmpty(false)
                                .map(valid -> new Stored(row.getKey(), receipt, valid)))
                        .orElse(Mono.just(new Stored(row.getKey(), null, false))))
                .reduce(new Walk(1, firstHash(register), null), (walk, stored) -> {
                    if (walk.broken() != null) {
                        return walk;
                    }
                    long number = stored.number();
                    SignedReceipt receipt = stored.receipt();
                    String recomputed = receipt == null ? "" : ReceiptKeys.hex(ReceiptKeys.sha256(receipt.payload()));
                    String reason = number != walk.expected() ? "number " + walk.expected() + " is missing"
                            : receipt == null ? "cannot be read as a receipt"
                            : !receipt.content().previousHash().equals(walk.previousHash()) ? "does not link to the receipt before it"
                            : !recomputed.equals(receipt.hash()) ? "content does not match its hash"
                            : !stored.signatureValid() ? "signature does not verify"
                            : null;
                    return reason == null ? new Walk(number + 1, recomputed, null)
                            : new Walk(walk.expected(), walk.previousHash(), new Broken(Math.min(number, walk.expected()), reason));
                })
                .map(walk -> new RegisterCheck(register, walk.expected() - 1, walk.broken() == null, walk.broken()));
    }

    /** The first receipt of a register links to the SHA-256 of the register's id. */
    static String firstHash(String register) {
        return ReceiptKeys.hex(ReceiptKeys.sha256(ReceiptKeys.utf8(register)));
    }

    @Override
    public Mono<List<OrderView.Receipt>> of(UUID orderId) {
        return db.sql("SELECT register, number, kind, signature FROM receipts WHERE order_id = :order ORDER BY issued_at, number")
                .bind("order", orderId)
                .map(row -> {
                    String code = row.get("register", String.class) + "-" + row.get("number", Long.class) + "."
                            + SignatureText.of(row.get("signature", byte[].class));
                    return new OrderView.Receipt(code, "/r/" + code, row.get("kind", String.class), row.get("register", String.class),
                            row.get("number", Long.class));
                })
                .list();
    }
}
