package org.socialworkshop.pos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.catalog.ProductId;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.catalog.VariantInfo;
import org.socialworkshop.inventory.Inventory;
import org.socialworkshop.ordering.CounterOrders;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.receipts.CounterReceipts;
import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.receipts.ReceiptRefused;
import org.socialworkshop.receipts.Receipts;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.shared.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Sales at the counter (docs/adr/0017, step 4). The tablet sends what was sold, how it was paid and the receipt it
 * numbered, chained and signed; the server prices the sale from the catalog, reads the receipt against it
 * ({@link CounterReceipts}) and stores, in one transaction under the open shift: the receipt, the stock that left,
 * the order (paid and handed over) and the sale, known by the id the tablet gave it. Sending a sale again answers what
 * was stored and stores nothing twice.
 */
@Service
class Sales {

    /** How long before a sale made offline a price may have been the item's. */
    static final Duration OFFLINE_PRICES = Duration.ofDays(7);

    private final Database db;
    private final Catalog catalog;
    private final Inventory inventory;
    private final CounterOrders orders;
    private final CounterReceipts counterReceipts;
    private final Receipts receipts;
    private final Shifts shifts;
    private final AuditLog audit;

    Sales(Database db, Catalog catalog, Inventory inventory, CounterOrders orders, CounterReceipts counterReceipts, Receipts receipts,
            Shifts shifts, AuditLog audit) {
        this.db = db;
        this.catalog = catalog;
        this.inventory = inventory;
        this.orders = orders;
        this.counterReceipts = counterReceipts;
        this.receipts = receipts;
        this.shifts = shifts;
        this.audit = audit;
    }

    record Line(VariantId variant, int quantity) {
    }

    /** Cash handed over: {@code amount} pays the sale, {@code given} − {@code amount} goes back as change. */
    record Cash(Money amount, Money given) {
    }

    /**
     * A sale as the tablet sends it: its id, the lines, the cash, the receipt's canonical bytes and signature, and
     * whether it was made offline (its receipt handed over before the server saw it).
     */
    record Sale(UUID clientId, List<Line> lines, Cash cash, byte[] payload, byte[] signature, boolean offline) {
    }

    /** A register's series after a sale: where the tablet numbers and chains the next receipt from. */
    record Series(long lastNumber, String lastHash, String keyId) {
    }

    record Receipt(String code, String url, long number, String hash) {
    }

    /** A stored sale; {@code created} is false when it had been stored before. */
    record Sold(boolean created, UUID clientId, UUID orderId, String orderNumber, Money total, Money change, Receipt receipt,
            Series series) {
    }

    /** Sells at the counter's register, for the cashier signed in there. */
    Mono<Sold> sell(Counters.AtCounter counter, Sale sale) {
        return stored(counter, sale).switchIfEmpty(Mono.defer(() -> store(counter, sale)
                // the same sale sent twice at once: the second finds the series moved on, or the id taken, by the first
                .onErrorResume(error -> error instanceof DuplicateKeyException || error instanceof ReceiptRefused,
                        error -> stored(counter, sale).switchIfEmpty(Mono.error(error)))));
    }

    private Mono<Sold> store(Counters.AtCounter counter, Sale sale) {
        return catalog.variants(sale.lines().stream().map(Line::variant).toList()).flatMap(infos -> {
            List<String> notSold = sale.lines().stream().map(Line::variant)
                    .filter(variant -> infos.get(variant) == null || !infos.get(variant).sellableOn(Channel.POS))
                    .map(variant -> variant.value().toString()).distinct().toList();
            if (!notSold.isEmpty()) {
                return Mono.error(PosProblem.notSoldHere(notSold));
            }
            List<VariantInfo> sold = sale.lines().stream().map(line -> infos.get(line.variant())).toList();
            return (sale.offline() ? pricedOffline(sale, sold) : pricedNow(sale, sold)).flatMap(priced -> store(counter, sale, sold, priced));
        });
    }

    /** The sale as the server reads it: receipt lines, unit prices, seller and makers. */
    private record Priced(List<ReceiptContent.Line> lines, List<Money> unitPrices, ReceiptContent.Seller seller, List<String> makers) {

        Money total() {
            return lines.stream().map(ReceiptContent.Line::amount).reduce(Money::plus).orElseThrow();
        }
    }

    /** A sale made online: everything as the catalog says now. */
    private Mono<Priced> pricedNow(Sale sale, List<VariantInfo> sold) {
        List<ProductId> products = sold.stream().map(VariantInfo::productId).toList();
        return receipts.creditedMakers(products).map(credited -> new Priced(
                lines(sale, sold, sold.stream().map(VariantInfo::price).toList(), null),
                sold.stream().map(VariantInfo::price).toList(), counterReceipts.seller(), Receipts.makersOf(products, credited)));
    }

    /**
     * A sale made offline: its receipt is in the buyer's hand, printed from the catalog the tablet had. Its names,
     * seller and makers stand as signed; a unit price stands when the item had it at some time in the
     * {@link #OFFLINE_PRICES} before the sale (else the catalog's now is expected, and the receipt is refused as
     * differing there); tax rates, amounts and totals are the server's.
     */
    private Mono<Priced> pricedOffline(Sale sale, List<VariantInfo> sold) {
        CounterReceipts.Claimed claimed = counterReceipts.claimed(sale.payload());
        if (claimed.lines().size() != sold.size()) {
            return pricedNow(sale, sold);
        }
        return catalog.pricesBetween(sold.stream().map(VariantInfo::id).toList(), claimed.issuedAt().minus(OFFLINE_PRICES),
                claimed.issuedAt()).map(had -> {
                    List<Money> prices = new ArrayList<>();
                    for (int index = 0; index < sold.size(); index++) {
                        VariantInfo info = sold.get(index);
                        Money shown = claimed.lines().get(index).unitPrice();
                        boolean held = shown.currency().equals(info.price().currency())
                                && had.getOrDefault(info.id(), Set.of()).contains(shown.minor());
                        prices.add(held ? shown : info.price());
                    }
                    return new Priced(lines(sale, sold, prices, claimed.lines()), prices, claimed.seller(), claimed.makers());
                });
    }

    /** The receipt's lines: names from the catalog, or as the tablet signed them ({@code claimed}, offline). */
    private static List<ReceiptContent.Line> lines(Sale sale, List<VariantInfo> sold, List<Money> prices,
            @Nullable List<ReceiptContent.Line> claimed) {
        List<ReceiptContent.Line> lines = new ArrayList<>();
        for (int index = 0; index < sold.size(); index++) {
            VariantInfo info = sold.get(index);
            ReceiptContent.Line named = claimed == null ? null : claimed.get(index);
            lines.add(ReceiptContent.Line.of(named == null ? info.productNameZh() : named.name(),
                    named == null ? info.productNameEn() : named.nameEn(), named == null ? info.variantNameZh() : named.variant(),
                    sale.lines().get(index).quantity(), prices.get(index), info.taxRate()));
        }
        return lines;
    }

    private Mono<Sold> store(Counters.AtCounter counter, Sale sale, List<VariantInfo> sold, Priced priced) {
        Money total = priced.total();
        Cash cash = sale.cash();
        Money change = cash.given().minus(total);
        UUID orderId = UUID.randomUUID();
        String register = counter.register().id();
        CounterReceipts.Sale receipt = new CounterReceipts.Sale(register, counter.keyId(), orderId, priced.seller(), priced.lines(),
                List.of(new ReceiptContent.Tender("CASH", null, total, cash.given(), change, null)), priced.makers());
        // The receipt first: when the catalog changed, it says where, which helps the tablet more than a wrong total.
        long number = counterReceipts.check(receipt, sale.payload()).number();
        if (!cash.amount().equals(total)) {
            return Mono.error(PosProblem.tenderNotTotal());
        }
        if (change.minor() < 0) {
            return Mono.error(PosProblem.notEnoughCash());
        }
        List<Inventory.Wanted> counted = new ArrayList<>();
        for (int index = 0; index < sold.size(); index++) {
            if (sold.get(index).stockTracked()) {
                counted.add(new Inventory.Wanted(sold.get(index).id(), sale.lines().get(index).quantity()));
            }
        }
        return CurrentUser.name().flatMap(cashier -> db.inTransaction(() -> shifts.shareOpen(register)
                .flatMap(shift -> counterReceipts.store(receipt, sale.payload(), sale.signature())
                        .flatMap(stored -> inventory.sellAtCounter(counted, "order:" + orderId)
                                .flatMap(locations -> orders.record(orderId, register, number, IntStream.range(0, sold.size())
                                                .mapToObj(index -> new CounterOrders.Sold(sold.get(index), sale.lines().get(index).quantity(),
                                                        priced.unitPrices().get(index), locations.get(sold.get(index).id())))
                                                .toList(),
                                        List.of(new CounterOrders.Tender("CASH", total, cash.given(), change))))
                                .flatMap(orderNumber -> earlierPrices(orderNumber, sold, priced)
                                        .then(db.sql("""
                                                        INSERT INTO pos_sales (client_id, order_id, register_id, shift_id, device_id, cashier,
                                                                               total_minor, cash_kept, change_given)
                                                        VALUES (:client, :order, :register, :shift, :device, :cashier, :total, :kept, :change)""")
                                                .bind("client", sale.clientId()).bind("order", orderId).bind("register", register)
                                                .bind("shift", shift).bind("device", counter.device().id()).bind("cashier", cashier)
                                                .bind("total", total.minor()).bind("kept", total.minor()).bind("change", change.minor())
                                                .update())
                                        .thenReturn(new Sold(true, sale.clientId(), orderId, orderNumber, total, change,
                                                receipt(stored), new Series(stored.number(), stored.hash(), counter.keyId()))))))));
    }

    /** Lines sold offline at a price the item no longer has: said in the audit log, for whoever checks the takings. */
    private Mono<Void> earlierPrices(String orderNumber, List<VariantInfo> sold, Priced priced) {
        List<Map<String, Object>> earlier = new ArrayList<>();
        for (int index = 0; index < sold.size(); index++) {
            VariantInfo info = sold.get(index);
            if (!priced.unitPrices().get(index).equals(info.price())) {
                earlier.add(Map.of("sku", info.sku(), "soldAt", priced.unitPrices().get(index).minor(), "priceNow", info.price().minor()));
            }
        }
        return earlier.isEmpty() ? Mono.empty()
                : audit.record("pos.sold-offline-at-earlier-price", "order:" + orderNumber, Map.of("lines", earlier));
    }

    /**
     * The sale stored before under this client id, if any: from this register and with the same receipt, or a 409
     * problem (an id reused for another sale).
     */
    private Mono<Sold> stored(Counters.AtCounter counter, Sale sale) {
        return db.sql("SELECT order_id, register_id, total_minor, change_given FROM pos_sales WHERE client_id = :client")
                .bind("client", sale.clientId())
                .map(row -> new Previous(row.get("order_id", UUID.class), row.get("register_id", String.class),
                        Money.fen(row.get("total_minor", Long.class)), Money.fen(row.get("change_given", Long.class))))
                .one()
                .flatMap(previous -> counterReceipts.stored(previous.orderId()).flatMap(stored -> {
                    if (!previous.register().equals(counter.register().id())
                            || !stored.hash().equals(SignedDocuments.sha256Hex(sale.payload()))) {
                        return Mono.error(PosProblem.saleConflict());
                    }
                    return counterReceipts.position(previous.register()).map(position -> new Sold(false, sale.clientId(),
                            previous.orderId(), CounterOrders.number(previous.register(), stored.number()),
                            previous.total(), previous.change(), receipt(stored),
                            new Series(position.lastNumber(), position.lastHash(), counter.keyId())));
                }));
    }

    private record Previous(UUID orderId, String register, Money total, Money change) {
    }

    private static Receipt receipt(CounterReceipts.Stored stored) {
        return new Receipt(stored.code(), "/r/" + stored.code(), stored.number(), stored.hash());
    }

    /** Where the register's series stands, for a tablet that starts (or lost track). */
    Mono<Series> series(Counters.AtCounter counter) {
        return counterReceipts.position(counter.register().id())
                .map(position -> new Series(position.lastNumber(), position.lastHash(), counter.keyId()));
    }
}
