package org.socialworkshop.pos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.ordering.OrderRecords;
import org.socialworkshop.ordering.Refunds;
import org.socialworkshop.ordering.SoldOrder;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.receipts.CounterReceipts;
import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.receipts.ReceiptRefused;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.shared.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Returns at the counter (docs/adr/0017, step 9): units of the lines of a sale receipt given back, paid back in cash,
 * optionally back to stock, with a refund receipt the tablet numbers, chains and signs in its register's series. The
 * server finds the original, decides what is refunded ({@link ReturnLines}) and rebuilds the refund receipt from it
 * ({@link CounterReceipts}); in one transaction under the register's open shift (its row locked: the drawer pays the
 * cash out) and the order's row: the refund ({@link Refunds}), its receipt and the return, known by the id the tablet
 * gave it. Sending a return again answers what was stored.
 */
@Service
class Returns {

    private static final String REASON = "Returned at the counter";

    private final Database db;
    private final CounterReceipts counterReceipts;
    private final OrderRecords orders;
    private final Refunds refunds;
    private final Shifts shifts;
    private final AuditLog audit;

    Returns(Database db, CounterReceipts counterReceipts, OrderRecords orders, Refunds refunds, Shifts shifts, AuditLog audit) {
        this.db = db;
        this.counterReceipts = counterReceipts;
        this.orders = orders;
        this.refunds = refunds;
        this.shifts = shifts;
        this.audit = audit;
    }

    /** How the money goes back: in cash from the drawer, or as the sale was paid (cash for a sale paid in cash). */
    enum Tender {
        CASH, ORIGINAL
    }

    /** Units of a line of the sale given back, and whether they go back to stock. */
    record Wanted(UUID lineId, int quantity, boolean restock) {
    }

    /** A return as the tablet sends it: its id, the original receipt's code (or number), the lines, the tender, its receipt. */
    record Return(UUID clientId, String original, List<Wanted> lines, Tender tender, @Nullable String reason, byte[] payload,
            byte[] signature) {
    }

    /** The original sale as a return sees it: its receipt, and what may still be returned of its lines. */
    record Found(String code, String number, UUID orderId, String orderNumber, Instant issuedAt, Money total, Money refunded,
            List<ReturnLines.Returnable> lines, Tenders tenders) {
    }

    /**
     * How the sale was paid (the tender types on its receipt), and whether money can go back to that tender at the
     * counter now ({@code original}: it was paid in cash, or a provider's refunds are not wired to the counter yet).
     */
    record Tenders(List<String> paidWith, boolean original) {
    }

    /**
     * A stored return; {@code created} is false when it had been stored before; {@code tender} how the money went back
     * ({@code CASH}), {@code cashPaidOut} what left the drawer.
     */
    record Returned(boolean created, UUID clientId, UUID refundId, UUID orderId, Money amount, String tender, Money cashPaidOut,
            Sales.Receipt receipt, Sales.Series series) {
    }

    /** The sale receipt with this code or number and what may still be returned of it. */
    Mono<Found> lookup(String code) {
        return original(code).map(original -> new Found(original.receipt().code(), original.receipt().number(), original.order().id(),
                original.order().number(), original.receipt().content().issuedAt(),
                original.order().total(), original.order().refunded(),
                original.lines().stream().map(line -> ReturnLines.returnable(line, original.refundable().left(line.order().lineId()),
                        original.refundable().restockable().contains(line.order().lineId()))).toList(),
                new Tenders(original.receipt().content().tenders().stream().map(ReceiptContent.Tender::type).distinct().toList(),
                        !original.refundable().paidAtProvider())));
    }

    /** The original as found: its receipt, its order and what may be refunded of it, the lines paired. */
    private record Original(CounterReceipts.Original receipt, SoldOrder order, Refunds.Refundable refundable,
            List<ReturnLines.Paired> lines) {
    }

    private Mono<Original> original(String code) {
        return counterReceipts.original(code)
                .switchIfEmpty(Mono.error(PosProblem::unknownReceipt))
                .flatMap(receipt -> receipt.content().kind() != ReceiptContent.Kind.SALE ? Mono.error(PosProblem.notASale())
                        : Mono.zip(orders.sold(receipt.orderId()), refunds.refundable(receipt.orderId()))
                                .switchIfEmpty(Mono.error(PosProblem::unknownReceipt))
                                .map(found -> new Original(receipt, found.getT1(), found.getT2(),
                                        ReturnLines.paired(found.getT1(), receipt.content()))));
    }

    /** Makes the return at the counter's register, for the cashier signed in there. */
    Mono<Returned> make(Counters.AtCounter counter, Return wanted) {
        return stored(counter, wanted).switchIfEmpty(Mono.defer(() -> original(wanted.original())
                .flatMap(original -> make(counter, wanted, original))
                // the same return sent twice at once: the second finds the id taken, or the series moved on, by the first
                .onErrorResume(error -> error instanceof DuplicateKeyException || error instanceof ReceiptRefused,
                        error -> stored(counter, wanted).switchIfEmpty(Mono.error(error)))));
    }

    /** What a return will do, decided before anything is locked: the refund, its receipt, the units per line. */
    private record Planned(UUID refundId, Map<UUID, Integer> units, Money amount, CounterReceipts.Refund receipt,
            Refunds.Request request) {
    }

    private Mono<Returned> make(Counters.AtCounter counter, Return wanted, Original original) {
        Set<UUID> lineIds = original.lines().stream().map(line -> line.order().lineId()).collect(Collectors.toSet());
        List<String> foreign = wanted.lines().stream().map(Wanted::lineId).filter(id -> !lineIds.contains(id)).map(UUID::toString).toList();
        if (!foreign.isEmpty()) {
            return Mono.error(PosProblem.notOnTheReceipt(foreign));
        }
        if (wanted.tender() == Tender.ORIGINAL && original.refundable().paidAtProvider()) {
            return Mono.error(PosProblem.originalTenderNotYet());
        }
        Planned planned = plan(counter, wanted, original);
        // The receipt first, as for a sale: nothing is locked for a receipt that says something else.
        counterReceipts.check(planned.receipt(), wanted.payload());
        return CurrentUser.name().flatMap(cashier -> db.inTransaction(() -> shifts.lockOpen(counter.register().id())
                .flatMap(shift -> storedRow(wanted.clientId()).hasElement().flatMap(already -> already
                        ? stored(counter, wanted)
                        : refunds.lockRefundable(original.order().id()).flatMap(now -> {
                            if (planned.units().entrySet().stream().anyMatch(unit -> unit.getValue() > now.left(unit.getKey()))) {
                                return Mono.error(PosProblem.beyondWhatIsLeft(left(original, now)));
                            }
                            if (planned.amount().minor() > shift.expectedCash().minor()) {
                                return Mono.error(PosProblem.cashBeyondTheDrawer());
                            }
                            return store(counter, wanted, original, planned, shift.id(), cashier);
                        })))));
    }

    /** The refund receipt's lines (in the sale receipt's order, whatever order the tablet sent them in) and the refund. */
    private Planned plan(Counters.AtCounter counter, Return wanted, Original original) {
        Map<UUID, Integer> units = wanted.lines().stream().collect(Collectors.toMap(Wanted::lineId, Wanted::quantity));
        List<ReceiptContent.Line> lines = original.lines().stream().filter(line -> units.containsKey(line.order().lineId()))
                .map(line -> ReturnLines.refunded(line, units.get(line.order().lineId()))).toList();
        UUID refundId = UUID.randomUUID();
        Money amount = lines.stream().map(ReceiptContent.Line::amount).reduce(Money::plus).orElseThrow();
        CounterReceipts.Refund receipt = new CounterReceipts.Refund(counter.register().id(), counter.keyId(), original.order().id(),
                refundId, original.order().number(), original.receipt().number(), counterReceipts.seller(), lines,
                new ReceiptContent.Tender("CASH", null, amount, null, null, null));
        Set<UUID> restock = wanted.lines().stream().filter(Wanted::restock).map(Wanted::lineId).collect(Collectors.toSet());
        Refunds.Request request = new Refunds.Request(null, units, false, wanted.reason() == null ? REASON : wanted.reason(),
                Refunds.Method.CASH, restock);
        return new Planned(refundId, units, amount, receipt, request);
    }

    /** Stores the refund receipt, the refund and the return; inside the return's transaction, the shift and order locked. */
    private Mono<Returned> store(Counters.AtCounter counter, Return wanted, Original original, Planned planned, UUID shift, String cashier) {
        Money amount = planned.amount();
        return counterReceipts.store(planned.receipt(), wanted.payload(), wanted.signature())
                .flatMap(stored -> refunds.refund(original.order().id(), planned.refundId(), planned.request())
                        .flatMap(refunded -> refunded.amount().equals(amount) ? Mono.just(refunded)
                                : Mono.error(new IllegalStateException("The refund " + refunded.amount() + " is not its receipt's total " + amount)))
                        .then(db.sql("""
                                        INSERT INTO pos_returns (client_id, refund_id, order_id, register_id, shift_id, device_id, cashier,
                                                                 tender, amount_minor, cash_paid)
                                        VALUES (:client, :refund, :order, :register, :shift, :device, :cashier, 'CASH', :amount, :amount)""")
                                .bind("client", wanted.clientId()).bind("refund", planned.refundId()).bind("order", original.order().id())
                                .bind("register", counter.register().id()).bind("shift", shift).bind("device", counter.device().id())
                                .bind("cashier", cashier).bind("amount", amount.minor())
                                .update())
                        .then(audit.record("pos.returned", "order:" + original.order().number(), Map.of("register", counter.register().id(),
                                "refund", planned.refundId().toString(), "receipt", stored.code(), "amount", amount.minor())))
                        .thenReturn(new Returned(true, wanted.clientId(), planned.refundId(), original.order().id(), amount, "CASH", amount,
                                Sales.receipt(stored), new Sales.Series(stored.number(), stored.hash(), counter.keyId()))));
    }

    /** What may still be returned of each line of the original, as a refusal names it. */
    private static List<Map<String, Object>> left(Original original, Refunds.Refundable now) {
        List<Map<String, Object>> left = new ArrayList<>();
        original.lines().forEach(line -> left.add(Map.of("lineId", line.order().lineId().toString(), "name", line.receipt().name(),
                "returnable", now.left(line.order().lineId()))));
        return left;
    }

    private record Previous(UUID refundId, UUID orderId, String register, Money amount, Money cash, String tender) {
    }

    private Mono<Previous> storedRow(UUID clientId) {
        return db.sql("SELECT refund_id, order_id, register_id, amount_minor, cash_paid, tender FROM pos_returns WHERE client_id = :client")
                .bind("client", clientId)
                .map(row -> new Previous(row.get("refund_id", UUID.class), row.get("order_id", UUID.class),
                        row.get("register_id", String.class), Money.fen(row.get("amount_minor", Long.class)),
                        Money.fen(row.get("cash_paid", Long.class)), row.get("tender", String.class)))
                .one();
    }

    /**
     * The return stored before under this client id, if any: from this register and with the same receipt, or a 409
     * problem (an id reused for another return).
     */
    private Mono<Returned> stored(Counters.AtCounter counter, Return wanted) {
        return storedRow(wanted.clientId()).flatMap(previous -> counterReceipts.storedRefund(previous.refundId()).flatMap(stored -> {
            if (!previous.register().equals(counter.register().id())
                    || !stored.hash().equals(SignedDocuments.sha256Hex(wanted.payload()))) {
                return Mono.error(PosProblem.returnConflict());
            }
            return counterReceipts.position(previous.register()).map(position -> new Returned(false, wanted.clientId(),
                    previous.refundId(), previous.orderId(), previous.amount(), previous.tender(), previous.cash(), Sales.receipt(stored),
                    new Sales.Series(position.lastNumber(), position.lastHash(), counter.keyId())));
        }));
    }
}
