package org.socialworkshop.receipts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.catalog.ProductId;
import org.socialworkshop.makers.MakerId;
import org.socialworkshop.makers.Makers;
import org.socialworkshop.ordering.OrderPaid;
import org.socialworkshop.ordering.OrderPaymentReceived;
import org.socialworkshop.ordering.OrderRecords;
import org.socialworkshop.ordering.OrderRefunded;
import org.socialworkshop.ordering.SoldOrder;
import org.socialworkshop.payments.PaymentStatus;
import org.socialworkshop.payments.Payments;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.database.Statement;
import org.socialworkshop.receipts.ReceiptContent.Kind;
import org.socialworkshop.receipts.ReceiptContent.Line;
import org.socialworkshop.receipts.ReceiptContent.MakerName;
import org.socialworkshop.receipts.ReceiptContent.Tax;
import org.socialworkshop.receipts.ReceiptContent.Tender;
import org.socialworkshop.shared.Money;
import org.socialworkshop.shop.Shop;
import org.socialworkshop.shop.ShopIdentity;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issues receipts: one per paid order and one per refund, each identified by a source key so that an event
 * delivered twice issues once. The register's row is locked while the next number is taken, the receipt signed
 * and stored, and the register moved on, all in one transaction: numbers have no gaps and the hash chain no
 * forks, with any number of instances.
 */
@Service
public class Receipts {

    private final Database db;
    private final ReceiptKeys keys;
    private final ReceiptCodec codec;
    private final ShopIdentity shop;
    private final OrderRecords orders;
    private final Catalog catalog;
    private final Makers makers;
    private final Payments payments;

    Receipts(Database db, ReceiptKeys keys, ReceiptCodec codec, ShopIdentity shop, OrderRecords orders, Catalog catalog,
            Makers makers, Payments payments) {
        this.payments = payments;
        this.db = db;
        this.keys = keys;
        this.codec = codec;
        this.shop = shop;
        this.orders = orders;
        this.catalog = catalog;
        this.makers = makers;
    }

    /** What a receipt says before it is numbered, chained and signed. */
    record Draft(Kind kind, UUID orderId, String orderNumber, @Nullable String refundOf, List<Line> lines, Money total,
            List<Tender> tenders, List<MakerName> makers) {
    }

    /** The sale receipt of a paid order (once per order). */
    Mono<SignedReceipt> issueSale(OrderPaid paid) {
        if (paid.channel() == Channel.POS) {
            // signed by the register's tablet and stored with the sale (CounterReceipts)
            return sale(paid.orderId()).switchIfEmpty(Mono.error(() -> new IllegalStateException(
                    "The counter sale " + paid.orderNumber() + " has no receipt; it is stored with the sale")));
        }
        return orders.sold(paid.orderId())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("No order " + paid.orderId())))
                .flatMap(order -> Mono.zip(makerNames(order), saleTenders(paid, order.total()))
                        .map(found -> new Draft(Kind.SALE, order.id(), order.number(), null,
                                order.lines().stream().map(line -> line(line, line.quantity())).toList(), order.total(),
                                found.getT2(), found.getT1())))
                .flatMap(draft -> issue("sale:" + paid.orderId(), register(paid.channel()), draft));
    }

    /**
     * How a sale was paid. A company's order may have been paid in parts: each part that has its payment receipt
     * already is named by that receipt ({@code PREPAID}, {@code CORPORATE-12}), the others by how they were paid, and
     * the parts add up to the total (anything paid beyond it is the coordinators' to give back, not the sale's).
     */
    private Mono<List<Tender>> saleTenders(OrderPaid paid, Money total) {
        if (paid.channel() != Channel.CORPORATE) {
            return Mono.just(List.of(saleTender(paid.provider(), paid.paymentReference(), total)));
        }
        return payments.ofOrder(paid.orderId()).flatMapMany(Flux::fromIterable)
                .filter(payment -> payment.status() == PaymentStatus.SUCCEEDED)
                .concatMap(payment -> existing(paymentKey(payment.paymentId()))
                        .map(receipt -> new Tender("PREPAID", null, payment.amount(), null, null,
                                receipt.content().register() + "-" + receipt.content().number()))
                        .defaultIfEmpty(saleTender(payment.provider(), payment.reference() == null ? "" : payment.reference(), payment.amount())))
                .collectList()
                .map(parts -> {
                    List<Tender> tenders = new ArrayList<>();
                    Money left = total;
                    for (Tender part : parts) {
                        if (left.minor() <= 0) {
                            break;
                        }
                        Money amount = part.amount().minor() > left.minor() ? left : part.amount();
                        tenders.add(new Tender(part.type(), part.provider(), amount, null, null, part.reference()));
                        left = left.minus(amount);
                    }
                    return tenders.isEmpty() ? List.of(saleTender(paid.provider(), paid.paymentReference(), total)) : tenders;
                });
    }

    /**
     * The payment receipt of part of a company's order paid before the rest (once per payment): one line naming the
     * order and the part, taxed at the order's main rate for information; the sale receipt, when the rest arrives, is
     * the sale's and names this one.
     */
    Mono<SignedReceipt> issuePayment(OrderPaymentReceived received) {
        return orders.sold(received.orderId())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("No order " + received.orderId())))
                .flatMap(order -> {
                    SoldOrder.Line main = order.lines().stream().max((a, b) -> Long.compare(a.amount().minor(), b.amount().minor())).orElseThrow();
                    String paid = received.paidSoFar().yuan();
                    String total = received.total().yuan();
                    Line part = new Line("订单 " + order.number() + " 部分付款（累计 " + paid + "，共 " + total + "）",
                            "Part payment for order " + order.number() + " (" + paid + " of " + total + " paid)", "", 1,
                            received.amount(), received.amount(), Line.rate(main.taxRate()), null, null, "");
                    Draft draft = new Draft(Kind.PAYMENT, order.id(), order.number(), null, List.of(part), received.amount(),
                            List.of(saleTender(received.provider(), received.paymentReference(), received.amount())), List.of());
                    return issue(paymentKey(received.paymentId()), register(received.channel()), draft);
                });
    }

    /** The source key of a payment receipt. */
    static String paymentKey(UUID paymentId) {
        return "payment:" + paymentId;
    }

    /**
     * The refund receipt of a refund (once per refund), referring to the order's sale receipt. A return at the counter
     * has its receipt already, signed by the tablet and stored with the refund in one transaction: that one is the
     * refund's, and none is issued in the server's series.
     */
    Mono<SignedReceipt> issueRefund(OrderRefunded refunded) {
        return refund(refunded.refundId()).switchIfEmpty(Mono.defer(() -> issueServerRefund(refunded)));
    }

    private Mono<SignedReceipt> issueServerRefund(OrderRefunded refunded) {
        return Mono.zip(orders.sold(refunded.orderId()), sale(refunded.orderId()))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("The sale receipt of order " + refunded.orderNumber()
                        + " is not issued yet; the refund receipt waits for it")))
                .flatMap(found -> refundedMakers(found.getT1(), refunded).flatMap(makers -> {
                    SoldOrder order = found.getT1();
                    SignedReceipt sale = found.getT2();
                    Draft draft = new Draft(Kind.REFUND, order.id(), order.number(), sale.content().register() + "-" + sale.content().number(),
                            refundLines(order, refunded), refunded.amount(), List.of(refundTender(refunded, sale)), makers);
                    // The server signs in its own series only: a counter sale's register is its tablet's, whose chain
                    // (and whose receipts queued offline) must not be overtaken; a refund made from the staff area goes in
                    // the online shop's series, naming the sale it refunds.
                    String register = order.channel() == Channel.POS ? "ONLINE" : sale.content().register();
                    return issue(refundKey(refunded.refundId()), register, draft);
                }));
    }

    /**
     * The makers a refund receipt names: those of the refunded units' products, as a sale receipt names them; none when
     * the refund is an amount rather than units (the receipt then leaves the line out, ADR 0028).
     */
    private Mono<List<MakerName>> refundedMakers(SoldOrder order, OrderRefunded refunded) {
        List<ProductId> products = order.lines().stream()
                .filter(line -> refunded.units().getOrDefault(line.lineId(), 0) > 0 && line.productId() != null)
                .map(line -> new ProductId(line.productId())).toList();
        return creditedMakers(products).map(credited -> makersOf(products, credited));
    }

    private Mono<SignedReceipt> issue(String sourceKey, String register, Draft draft) {
        // One round trip under the register's lock: where its chain stands, whether this source has its receipt
        // already (an event delivered again), and which key signs.
        // The seller is the shop's identity now: a receipt keeps what it was signed with, whatever changes later.
        return shop.current().flatMap(identity -> db.inTransaction(() -> db.sql("""
                        SELECT last_number, last_hash, EXISTS (SELECT FROM receipts WHERE source_key = :source) AS issued,
                               (SELECT id FROM receipt_keys WHERE retired_at IS NULL AND register IS NULL) AS key_id
                        FROM receipt_registers WHERE id = :id FOR UPDATE""")
                .bind("id", register)
                .bind("source", sourceKey)
                .map(row -> new Locked(row.get("last_number", Long.class), row.get("last_hash", String.class),
                        row.get("issued", Boolean.class), row.get("key_id", String.class)))
                .one()
                .flatMap(last -> last.issued() ? existing(sourceKey) : keys.signing(last.keyId()).flatMap(key -> {
                    ReceiptContent content = new ReceiptContent(register, last.number() + 1, draft.kind(),
                            Instant.now().truncatedTo(ChronoUnit.MICROS), draft.orderNumber(), draft.refundOf(),
                            sellerOf(identity), draft.lines(), taxes(draft.lines()), draft.total(), draft.tenders(),
                            MakerName.zh(draft.makers()), last.hash(), key.id(), null, MakerName.latin(draft.makers()));
                    byte[] payload = codec.payload(content);
                    SignedReceipt signed = new SignedReceipt(content, payload, ReceiptKeys.hex(ReceiptKeys.sha256(payload)),
                            ReceiptKeys.sign(key.privateKey(), payload));
                    return store(sourceKey, draft.orderId(), signed).thenReturn(signed);
                }))));
    }

    /** A register as locked for the next receipt, with what else the issuing needs to know. */
    private record Locked(long number, String hash, boolean issued, @Nullable String keyId) {
    }

    /**
     * Where a register stood when it was locked for a receipt a tablet signed: its last number and hash, its active
     * tablet key (if any) with the public half, and whether the receipt was stored (it continued the series and named
     * that key).
     */
    record Continued(long lastNumber, String lastHash, @Nullable String keyId, byte @Nullable [] publicKey, boolean stored) {
    }

    /**
     * Locks the receipt's register and, when the receipt continues its series and names its active tablet key, stores
     * it and moves the register on to it: one statement, in the caller's transaction. The caller checks the signature
     * with the key it answers, and fails the transaction (so the receipt with it) when it does not verify.
     */
    Mono<Continued> storeContinuing(String sourceKey, UUID orderId, SignedReceipt signed) {
        return bound(db.sql("""
                        WITH locked AS MATERIALIZED (
                            SELECT r.id, r.last_number, r.last_hash, k.id AS key_id, k.public_key
                            FROM receipt_registers r LEFT JOIN receipt_keys k ON k.register = r.id AND k.retired_at IS NULL
                            WHERE r.id = :register FOR UPDATE OF r
                        ), stored AS (
                            INSERT INTO receipts (id, register, number, kind, issued_at, order_id, order_number, refund_of, source_key,
                                                  total_minor, currency, content, previous_hash, hash, key_id, signature)
                            SELECT :id, :register, :number, :kind, :issuedAt, :order, :orderNumber, :refundOf, :source, :total,
                                   :currency, CAST(:content AS jsonb), :previous, :hash, :key, :signature
                            FROM locked
                            WHERE locked.last_number = CAST(:number AS bigint) - 1 AND locked.last_hash = :previous
                              AND locked.key_id = :key
                            RETURNING register, number, hash
                        ), moved AS (
                            UPDATE receipt_registers r SET last_number = stored.number, last_hash = stored.hash
                            FROM stored WHERE r.id = stored.register
                            RETURNING r.id
                        )
                        SELECT last_number, last_hash, key_id, public_key, EXISTS (SELECT FROM moved) AS stored FROM locked"""),
                sourceKey, orderId, signed)
                .map(row -> new Continued(row.get("last_number", Long.class), row.get("last_hash", String.class),
                        row.get("key_id", String.class), row.get("public_key", byte[].class), Boolean.TRUE.equals(row.get("stored", Boolean.class))))
                .one();
    }

    /** Stores the receipt and moves its register on to it, in one statement; the register must be locked. */
    Mono<Void> store(String sourceKey, UUID orderId, SignedReceipt signed) {
        return bound(db.sql("""
                        WITH stored AS (
                            INSERT INTO receipts (id, register, number, kind, issued_at, order_id, order_number, refund_of, source_key,
                                                  total_minor, currency, content, previous_hash, hash, key_id, signature)
                            VALUES (:id, :register, :number, :kind, :issuedAt, :order, :orderNumber, :refundOf, :source, :total,
                                    :currency, CAST(:content AS jsonb), :previous, :hash, :key, :signature)
                            RETURNING register, number, hash
                        )
                        UPDATE receipt_registers r SET last_number = stored.number, last_hash = stored.hash
                        FROM stored WHERE r.id = stored.register"""), sourceKey, orderId, signed)
                .update()
                .then();
    }

    /** Binds a receipt's row as both statements that store one name it. */
    private Statement bound(Statement statement, String sourceKey, UUID orderId, SignedReceipt signed) {
        ReceiptContent content = signed.content();
        return statement
                .bind("id", UUID.randomUUID()).bind("register", content.register()).bind("number", content.number())
                .bind("kind", content.kind().name()).bind("issuedAt", content.issuedAt().atOffset(ZoneOffset.UTC))
                .bind("order", orderId).bind("orderNumber", content.orderNumber())
                .bindNullable("refundOf", content.refundOf(), String.class).bind("source", sourceKey)
                .bind("total", content.total().minor()).bind("currency", content.total().currency().getCurrencyCode())
                .bind("content", codec.body(content)).bind("previous", content.previousHash()).bind("hash", signed.hash())
                .bind("key", content.keyId()).bind("signature", signed.signature());
    }

    /** The receipt already issued for a source key, if any. */
    private Mono<SignedReceipt> existing(String sourceKey) {
        return db.sql("SELECT " + ReceiptCodec.COLUMNS + " FROM receipts WHERE source_key = :key")
                .bind("key", sourceKey).map(codec::receipt).first();
    }

    /** The sale receipt of an order. */
    Mono<SignedReceipt> sale(UUID orderId) {
        return existing("sale:" + orderId);
    }

    /** The receipt of a refund, if it has one yet. */
    Mono<SignedReceipt> refund(UUID refundId) {
        return existing(refundKey(refundId));
    }

    /** The source key of a refund's receipt, whoever signs it. */
    static String refundKey(UUID refundId) {
        return "refund:" + refundId;
    }

    private static String register(Channel channel) {
        return channel == Channel.CORPORATE ? "CORPORATE" : "ONLINE";
    }

    /** The seller as the shop's identity was last read, for work that cannot wait (counter receipts, documents). */
    ReceiptContent.Seller seller() {
        return sellerOf(shop.known());
    }

    /**
     * The seller a receipt names: the legal name, the address and the credit code, in Chinese as the tax rules want; and
     * for English readers the shop's English name and address (format 3; there is no legal name in English).
     */
    static ReceiptContent.Seller sellerOf(Shop identity) {
        return new ReceiptContent.Seller(identity.legalName(), identity.addressZh(), identity.taxId(), identity.nameEn(),
                identity.addressEn());
    }

    private static Line line(SoldOrder.Line line, int units) {
        return Line.of(line.nameZh(), line.nameEn(), line.variantZh(), line.variantEn(), units, line.unitPrice(), line.taxRate());
    }

    /**
     * The refunded units as lines when they add up to the refund; otherwise (an amount, or the rest after an amount
     * refund) one line for the amount at the order's main tax rate.
     */
    private static List<Line> refundLines(SoldOrder order, OrderRefunded refunded) {
        List<Line> lines = new ArrayList<>();
        for (SoldOrder.Line line : order.lines()) {
            int units = refunded.units().getOrDefault(line.lineId(), 0);
            if (units > 0) {
                lines.add(line(line, units));
            }
        }
        Money sum = lines.stream().map(Line::amount).reduce(Money.zero(refunded.amount().currency()), Money::plus);
        if (!lines.isEmpty() && sum.equals(refunded.amount())) {
            return lines;
        }
        SoldOrder.Line main = order.lines().stream().max((a, b) -> Long.compare(a.amount().minor(), b.amount().minor())).orElseThrow();
        return List.of(new Line("退款", "Refund", "", 1, refunded.amount(), refunded.amount(), Line.rate(main.taxRate()), null, null, ""));
    }

    /** How a payment was made: online through a provider, or by a bank transfer staff recorded (a company's order on terms). */
    private static Tender saleTender(String provider, String reference, Money amount) {
        return "bank".equals(provider) ? new Tender("BANK_TRANSFER", null, amount, null, null, reference)
                : new Tender("ONLINE", provider, amount, null, null, reference);
    }

    private static Tender refundTender(OrderRefunded refunded, SignedReceipt sale) {
        return switch (refunded.method()) {
            case "CASH" -> new Tender("CASH", null, refunded.amount(), null, null, null);
            case "BANK_TRANSFER" -> new Tender("BANK_TRANSFER", null, refunded.amount(), null, null, null);
            default -> new Tender("ONLINE", sale.content().tenders().isEmpty() ? null : sale.content().tenders().get(0).provider(),
                    refunded.amount(), null, null, null);
        };
    }

    /** Tax included per rate, rounded once per rate. */
    public static List<Tax> taxes(List<Line> lines) {
        Map<String, Money> gross = new LinkedHashMap<>();
        lines.stream().sorted((a, b) -> a.taxRate().compareTo(b.taxRate()))
                .forEach(line -> gross.merge(line.taxRate(), line.amount(), Money::plus));
        return gross.entrySet().stream().map(rate -> {
            Money tax = rate.getValue().includedTax(new BigDecimal(rate.getKey()));
            return new Tax(rate.getKey(), rate.getValue(), tax, rate.getValue().minus(tax));
        }).toList();
    }

    /** Public names of the makers of the order's products, only of those who consented, in order of the lines. */
    private Mono<List<MakerName>> makerNames(SoldOrder order) {
        List<ProductId> products = order.lines().stream().map(SoldOrder.Line::productId).filter(Objects::nonNull)
                .map(ProductId::new).toList();
        return creditedMakers(products).map(credited -> makersOf(products, credited));
    }

    /**
     * The makers a receipt names: those of each line's product in the order of the lines, each once; {@code credited}
     * as from {@link #creditedMakers}.
     */
    public static List<MakerName> makersOf(List<ProductId> lineProducts, Map<ProductId, List<MakerName>> credited) {
        return lineProducts.stream().flatMap(product -> credited.getOrDefault(product, List.of()).stream()).distinct().toList();
    }

    /**
     * Per product, the public names (in Chinese characters, the receipts' language of record, and in Latin script) of its
     * makers who consented to be named, in a fixed order; products without such makers are left out.
     */
    public Mono<Map<ProductId, List<MakerName>>> creditedMakers(Collection<ProductId> products) {
        if (products.isEmpty()) {
            return Mono.just(Map.of());
        }
        return catalog.makersOf(new LinkedHashSet<>(products)).flatMap(byProduct -> {
            Collection<MakerId> ids = byProduct.values().stream().flatMap(List::stream).collect(Collectors.toCollection(LinkedHashSet::new));
            return makers.shownPublicly(ids).map(shown -> {
                Map<ProductId, List<MakerName>> named = new LinkedHashMap<>();
                byProduct.forEach((product, makerIds) -> {
                    List<MakerName> names = makerIds.stream().map(shown::get).filter(Objects::nonNull)
                            .map(maker -> new MakerName(maker.displayName(), maker.displayNameLatin())).distinct().toList();
                    if (!names.isEmpty()) {
                        named.put(product, names);
                    }
                });
                return named;
            });
        });
    }
}
