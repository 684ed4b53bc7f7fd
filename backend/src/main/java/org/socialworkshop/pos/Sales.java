package org.socialworkshop.pos;

import java.util.List;
import java.util.UUID;

import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.catalog.ProductId;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.catalog.VariantInfo;
import org.socialworkshop.inventory.Inventory;
import org.socialworkshop.ordering.CounterOrders;
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

    private final Database db;
    private final Catalog catalog;
    private final Inventory inventory;
    private final CounterOrders orders;
    private final CounterReceipts counterReceipts;
    private final Receipts receipts;
    private final Shifts shifts;

    Sales(Database db, Catalog catalog, Inventory inventory, CounterOrders orders, CounterReceipts counterReceipts, Receipts receipts,
            Shifts shifts) {
        this.db = db;
        this.catalog = catalog;
        this.inventory = inventory;
        this.orders = orders;
        this.counterReceipts = counterReceipts;
        this.receipts = receipts;
        this.shifts = shifts;
    }

    record Line(VariantId variant, int quantity) {
    }

    /** Cash handed over: {@code amount} pays the sale, {@code given} − {@code amount} goes back as change. */
    record Cash(Money amount, Money given) {
    }

    /** A sale as the tablet sends it: its id, the lines, the cash, and the receipt's canonical bytes and signature. */
    record Sale(UUID clientId, List<Line> lines, Cash cash, byte[] payload, byte[] signature) {
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
            Money total = sale.lines().stream().map(line -> infos.get(line.variant()).price().times(line.quantity()))
                    .reduce(Money::plus).orElseThrow();
            Cash cash = sale.cash();
            if (!cash.amount().equals(total)) {
                return Mono.error(PosProblem.tenderNotTotal());
            }
            if (cash.given().minor() < cash.amount().minor()) {
                return Mono.error(PosProblem.notEnoughCash());
            }
            Money change = cash.given().minus(cash.amount());
            List<ProductId> products = sold.stream().map(VariantInfo::productId).toList();
            return receipts.creditedMakers(products).flatMap(credited -> {
                UUID orderId = UUID.randomUUID();
                String register = counter.register().id();
                List<ReceiptContent.Line> lines = sale.lines().stream().map(line -> {
                    VariantInfo info = infos.get(line.variant());
                    return ReceiptContent.Line.of(info.productNameZh(), info.productNameEn(), info.variantNameZh(), line.quantity(),
                            info.price(), info.taxRate());
                }).toList();
                CounterReceipts.Sale receipt = new CounterReceipts.Sale(register, counter.keyId(), orderId, lines,
                        List.of(new ReceiptContent.Tender("CASH", null, total, cash.given(), change, null)),
                        Receipts.makersOf(products, credited));
                long number = counterReceipts.number(sale.payload());
                List<Inventory.Wanted> counted = sale.lines().stream().filter(line -> infos.get(line.variant()).stockTracked())
                        .map(line -> new Inventory.Wanted(line.variant(), line.quantity())).toList();
                return CurrentUser.name().flatMap(cashier -> db.inTransaction(() -> shifts.shareOpen(register)
                        .flatMap(shift -> counterReceipts.store(receipt, sale.payload(), sale.signature())
                                .flatMap(stored -> inventory.sellAtCounter(counted, "order:" + orderId)
                                        .flatMap(locations -> orders.record(orderId, register, number, sale.lines().stream()
                                                        .map(line -> new CounterOrders.Sold(infos.get(line.variant()), line.quantity(),
                                                                locations.get(line.variant())))
                                                        .toList(),
                                                List.of(new CounterOrders.Tender("CASH", total, cash.given(), change))))
                                        .flatMap(orderNumber -> db.sql("""
                                                        INSERT INTO pos_sales (client_id, order_id, register_id, shift_id, device_id, cashier,
                                                                               total_minor, cash_kept, change_given)
                                                        VALUES (:client, :order, :register, :shift, :device, :cashier, :total, :kept, :change)""")
                                                .bind("client", sale.clientId()).bind("order", orderId).bind("register", register)
                                                .bind("shift", shift).bind("device", counter.device().id()).bind("cashier", cashier)
                                                .bind("total", total.minor()).bind("kept", total.minor()).bind("change", change.minor())
                                                .update()
                                                .thenReturn(new Sold(true, sale.clientId(), orderId, orderNumber, total, change,
                                                        receipt(stored), new Series(stored.number(), stored.hash(), counter.keyId()))))))));
            });
        });
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
