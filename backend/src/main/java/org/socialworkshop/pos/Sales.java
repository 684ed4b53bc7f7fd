package org.socialworkshop.pos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.inventory.Inventory;
import org.socialworkshop.payments.CounterMethod;
import org.socialworkshop.ordering.CounterOrders;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.database.Statement;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.receipts.CounterReceipts;
import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.receipts.ReceiptRefused;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.shared.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sales at the counter (docs/adr/0017, steps 4–6). The tablet sends what was sold, how it was paid and the receipt it
 * numbered, chained and signed; the server prices the sale ({@link CounterPricing}), reads the receipt against it
 * ({@link CounterReceipts}) and stores, in one transaction under the open shift: the receipt, the stock that left,
 * the order (paid and handed over) and the sale, known by the id the tablet gave it. Sending a sale again answers what
 * was stored and stores nothing twice.
 */
@Service
class Sales {

    private final Database db;
    private final CounterPricing pricing;
    private final Inventory inventory;
    private final CounterOrders orders;
    private final CounterReceipts counterReceipts;
    private final Shifts shifts;
    private final Tickets tickets;
    private final CounterPayments counterPayments;
    private final AuditLog audit;

    Sales(Database db, CounterPricing pricing, Inventory inventory, CounterOrders orders, CounterReceipts counterReceipts, Shifts shifts,
            Tickets tickets, CounterPayments counterPayments, AuditLog audit) {
        this.db = db;
        this.pricing = pricing;
        this.inventory = inventory;
        this.orders = orders;
        this.counterReceipts = counterReceipts;
        this.shifts = shifts;
        this.tickets = tickets;
        this.counterPayments = counterPayments;
        this.audit = audit;
    }

    /**
     * How part of the sale was paid: cash handed over ({@code given} − {@code amount} goes back as change), or a card
     * or wallet payment taken for this sale ({@code payment}).
     */
    sealed interface Tender permits Cash, Paid {

        Money amount();
    }

    record Cash(Money amount, Money given) implements Tender {
    }

    record Paid(CounterMethod method, Money amount, UUID payment) implements Tender {
    }

    /**
     * A sale as the tablet sends it: its id, the lines, the price list chosen (if any), its tenders (at most one in
     * cash), the pickup number given to the customer (if any), the receipt's canonical bytes and signature, and whether
     * it was made offline (its receipt handed over before the server saw it).
     */
    record Sale(UUID clientId, List<CounterPricing.Wanted> lines, @Nullable String priceList, List<Tender> tenders,
            @Nullable Integer pickupNumber, byte[] payload, byte[] signature, boolean offline) {

        Sale {
            tenders = List.copyOf(tenders);
        }

        @Nullable Cash cash() {
            return tenders.stream().filter(Cash.class::isInstance).map(Cash.class::cast).findFirst().orElse(null);
        }

        List<CounterPayments.Tendered> paid() {
            return tenders.stream().filter(Paid.class::isInstance).map(Paid.class::cast)
                    .map(paid -> new CounterPayments.Tendered(paid.payment(), paid.method(), paid.amount())).toList();
        }
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
        return earlier(sale.clientId()).flatMap(earlier -> earlier.sale() != null ? answer(counter, sale, earlier.sale())
                : store(counter, sale, earlier.payments())
                        // the same sale sent twice at once: the second finds the series moved on, or the id taken, by the first
                        .onErrorResume(error -> error instanceof DuplicateKeyException || error instanceof ReceiptRefused,
                                error -> stored(counter, sale).switchIfEmpty(Mono.error(error))));
    }

    /** What was stored under a sale's client id before it came (now): the sale itself, and the payments taken for it. */
    private record Earlier(@Nullable Previous sale, List<CounterPayments.Started> payments) {
    }

    /** The sale stored under this client id, and the card and wallet payments started for it, in one query. */
    private Mono<Earlier> earlier(UUID clientId) {
        return db.sql("""
                        SELECT order_id, register_id, total_minor, change_given, NULL::uuid AS payment_id, NULL::boolean AS voided
                        FROM pos_sales WHERE client_id = :client
                        UNION ALL
                        SELECT NULL, register_id, NULL, NULL, payment_id, voided FROM pos_payments WHERE client_id = :client""")
                .bind("client", clientId)
                .map(row -> row.get("payment_id", UUID.class) == null ? previous(row)
                        : new CounterPayments.Started(row.get("payment_id", UUID.class), row.get("register_id", String.class),
                                Boolean.TRUE.equals(row.get("voided", Boolean.class))))
                .list()
                .map(rows -> new Earlier(rows.stream().filter(Previous.class::isInstance).map(Previous.class::cast).findFirst().orElse(null),
                        rows.stream().filter(CounterPayments.Started.class::isInstance).map(CounterPayments.Started.class::cast).toList()));
    }

    private Mono<Sold> store(Counters.AtCounter counter, Sale sale, List<CounterPayments.Started> started) {
        Objects.requireNonNull(counter.cashier(), "a cashier is signed in at the counter");
        return pricing.price(sale.lines(), sale.priceList(), sale.offline(), sale.payload(), counter.discountUpTo())
                .flatMap(priced -> counterPayments.check(counter, started, sale.paid())
                        .flatMap(taken -> store(counter, sale, priced, taken)));
    }

    private Mono<Sold> store(Counters.AtCounter counter, Sale sale, CounterPricing.Priced priced, List<CounterPayments.Taken> taken) {
        Money total = priced.total();
        @Nullable Cash cash = sale.cash();
        Money zero = Money.fen(0);
        Money cashAmount = cash == null ? zero : cash.amount();
        Money change = cash == null ? zero : cash.given().minus(cash.amount());
        // the order the sale's card and wallet payments pay, when it had any
        UUID orderId = taken.isEmpty() ? UUID.randomUUID() : taken.get(0).orderId();
        String register = counter.register().id();
        CounterReceipts.Sale receipt = new CounterReceipts.Sale(register, counter.keyId(), orderId, priced.seller(),
                priced.lines().stream().map(CounterPricing.Line::receipt).toList(), receiptTenders(sale, taken), priced.makers(),
                sale.pickupNumber());
        // The receipt first: when the catalog changed, it says where, which helps the tablet more than a wrong total.
        long number = counterReceipts.check(receipt, sale.payload()).number();
        if (!sale.tenders().stream().map(Tender::amount).reduce(zero, Money::plus).equals(total)) {
            return Mono.error(PosProblem.tenderNotTotal());
        }
        if (change.minor() < 0) {
            return Mono.error(PosProblem.notEnoughCash());
        }
        // Goods made at a station wait for their tickets to be collected before the order is handed over.
        Tickets.Made made = tickets.made(priced.lines());
        boolean ticketed = made.any();
        List<Inventory.Wanted> counted = priced.lines().stream().filter(line -> line.variant().stockTracked())
                .map(line -> new Inventory.Wanted(line.variant().id(), line.quantity())).toList();
        return CurrentUser.name().flatMap(cashier -> db.inTransaction(() -> shifts.shareOpen(register)
                .flatMap(shift -> counterReceipts.store(receipt, sale.payload(), sale.signature())
                        .flatMap(stored -> inventory.sellAtCounter(counted, "order:" + orderId)
                                .flatMap(locations -> counterPayments.markSold(taken).then(orders.record(orderId, register, number,
                                        priced.lines().stream().map(line -> sold(line, locations.get(line.variant().id()))).toList(),
                                        orderTenders(sale, taken), !ticketed)))
                                .flatMap(orderNumber -> Flux.fromIterable(priced.toAudit())
                                        .concatMap(entry -> audit.record(String.valueOf(entry.get("event")), "order:" + orderNumber, entry))
                                        .then(recorded(new Recorded(sale, orderId, orderNumber, register, shift, counter.device().id(), cashier,
                                                total, cashAmount, change), made))
                                        .thenReturn(new Sold(true, sale.clientId(), orderId, orderNumber, total, change,
                                                receipt(stored), new Series(stored.number(), stored.hash(), counter.keyId()))))))));
    }

    /** What the sale's own row keeps. */
    private record Recorded(Sale sale, UUID orderId, String orderNumber, String register, UUID shift, UUID device, String cashier,
            Money total, Money cashKept, Money change) {
    }

    /** The sale's row, with the tickets it sends the stations (if any) in the same statement. */
    private Mono<Long> recorded(Recorded sold, Tickets.Made made) {
        Statement statement = db.sql((made.any() ? Tickets.WRITTEN : "") + """
                        INSERT INTO pos_sales (client_id, order_id, register_id, shift_id, device_id, cashier,
                                               total_minor, cash_kept, change_given, price_list, pickup_number)
                        VALUES (:client, :order, :register, :shift, :device, :cashier, :total, :kept, :change, :priceList, :pickup)""")
                .bind("client", sold.sale().clientId()).bind("order", sold.orderId()).bind("register", sold.register())
                .bind("shift", sold.shift()).bind("device", sold.device()).bind("cashier", sold.cashier())
                .bind("total", sold.total().minor()).bind("kept", sold.cashKept().minor()).bind("change", sold.change().minor())
                .bindNullable("priceList", sold.sale().priceList(), String.class)
                .bindNullable("pickup", sold.sale().pickupNumber(), Integer.class);
        return (made.any() ? made.bind(statement.bind("number", sold.orderNumber())) : statement).update();
    }

    /** The sale's tenders as its receipt names them, in the order the tablet gave them. */
    private static List<ReceiptContent.Tender> receiptTenders(Sale sale, List<CounterPayments.Taken> taken) {
        return sale.tenders().stream().map(tender -> {
            if (tender instanceof Cash cash) {
                return new ReceiptContent.Tender("CASH", null, cash.amount(), cash.given(), cash.given().minus(cash.amount()), null);
            }
            Paid paid = (Paid) tender;
            CounterPayments.Taken payment = taken(taken, paid);
            return new ReceiptContent.Tender(paid.method().name(), payment.provider(), paid.amount(), null, null, payment.reference());
        }).toList();
    }

    private static List<CounterOrders.Tender> orderTenders(Sale sale, List<CounterPayments.Taken> taken) {
        return sale.tenders().stream().map(tender -> {
            if (tender instanceof Cash cash) {
                return new CounterOrders.Tender("CASH", cash.amount(), cash.given(), cash.given().minus(cash.amount()), null);
            }
            Paid paid = (Paid) tender;
            return new CounterOrders.Tender(paid.method().name(), paid.amount(), null, null, taken(taken, paid).reference());
        }).toList();
    }

    private static CounterPayments.Taken taken(List<CounterPayments.Taken> taken, Paid paid) {
        return taken.stream().filter(payment -> payment.paymentId().equals(paid.payment())).findFirst()
                .orElseThrow(() -> new IllegalStateException("checked before: every paid tender is a payment taken"));
    }

    /** A priced line as the order stores it. */
    private static CounterOrders.Sold sold(CounterPricing.Line line, @Nullable String location) {
        List<Map<String, Object>> options = new ArrayList<>();
        line.options().forEach(option -> options.add(Map.of("id", option.id(), "nameZh", option.nameZh(), "nameEn", option.nameEn(),
                "price", option.price())));
        CounterPricing.Discount discount = line.discount();
        return new CounterOrders.Sold(line.variant(), line.quantity(), line.unitPrice(), location, options.isEmpty() ? null : options,
                discount == null ? null : discount.amount(), discount == null ? null : discount.reason(), line.note());
    }

    /**
     * The sale stored before under this client id, if any: from this register and with the same receipt, or a 409
     * problem (an id reused for another sale).
     */
    private Mono<Sold> stored(Counters.AtCounter counter, Sale sale) {
        return db.sql("SELECT order_id, register_id, total_minor, change_given FROM pos_sales WHERE client_id = :client")
                .bind("client", sale.clientId())
                .map(Sales::previous)
                .one()
                .flatMap(previous -> answer(counter, sale, previous));
    }

    /** The answer for a sale sent again: what was stored, when it is the same sale from the same register. */
    private Mono<Sold> answer(Counters.AtCounter counter, Sale sale, Previous previous) {
        return counterReceipts.stored(previous.orderId()).flatMap(stored -> {
            if (!previous.register().equals(counter.register().id())
                    || !stored.hash().equals(SignedDocuments.sha256Hex(sale.payload()))) {
                return Mono.error(PosProblem.saleConflict());
            }
            return counterReceipts.position(previous.register()).map(position -> new Sold(false, sale.clientId(),
                    previous.orderId(), CounterOrders.number(previous.register(), stored.number()),
                    previous.total(), previous.change(), receipt(stored),
                    new Series(position.lastNumber(), position.lastHash(), counter.keyId())));
        });
    }

    private record Previous(UUID orderId, String register, Money total, Money change) {
    }

    private static Previous previous(io.r2dbc.spi.Readable row) {
        return new Previous(row.get("order_id", UUID.class), row.get("register_id", String.class),
                Money.fen(row.get("total_minor", Long.class)), Money.fen(row.get("change_given", Long.class)));
    }

    static Receipt receipt(CounterReceipts.Stored stored) {
        return new Receipt(stored.code(), "/r/" + stored.code(), stored.number(), stored.hash());
    }

    /** Where the register's series stands, for a tablet that starts (or lost track). */
    Mono<Series> series(Counters.AtCounter counter) {
        return counterReceipts.position(counter.register().id())
                .map(position -> new Series(position.lastNumber(), position.lastHash(), counter.keyId()));
    }
}
