package org.socialworkshop.pos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.ordering.OrderRecords;
import org.socialworkshop.ordering.Refunds;
import org.socialworkshop.ordering.SoldOrder;
import org.socialworkshop.payments.Payments;
import org.socialworkshop.payments.ProviderRefund;
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
 * Returns at the counter (docs/adr/0017, step 9; ADR 0019): units of the lines of a sale receipt given back, optionally
 * back to stock, with a refund receipt the tablet numbers, chains and signs in its register's series. The server finds
 * the original, decides what is refunded ({@link ReturnLines}) and how it goes back, and rebuilds the refund receipt from
 * it ({@link CounterReceipts}).
 *
 * <p>Paid back in cash: in one transaction under the register's open shift (its row locked: the drawer pays the cash out)
 * and the order's row, the refund ({@link Refunds}), its receipt and the return, known by the id the tablet gave it.
 * Paid back to the card, wallet or online payment the sale was paid with ({@link Tender#ORIGINAL}): at most one such
 * payment takes it (the first on the receipt with money left), anything beyond what is left of it is cash from the
 * drawer. The money goes back through the provider before the receipt is stored, so that happens in three steps: the
 * refund held (pending, counted as made) with the return {@code REFUNDING}; the provider's refund, under a key of the
 * return's own; then the receipt, the refund settled and the return {@code DONE} in one transaction. A refusal by the
 * provider undoes the first step; a failure after it leaves the return {@code REFUNDING}, and the tablet sending it again
 * finishes it (the provider's refund is not made twice). Sending a finished return again answers what was stored.
 */
@Service
class Returns {

    private static final String REASON = "Returned at the counter";

    private final Database db;
    private final CounterReceipts counterReceipts;
    private final OrderRecords orders;
    private final Refunds refunds;
    private final Payments payments;
    private final Shifts shifts;
    private final AuditLog audit;

    Returns(Database db, CounterReceipts counterReceipts, OrderRecords orders, Refunds refunds, Payments payments, Shifts shifts,
            AuditLog audit) {
        this.db = db;
        this.counterReceipts = counterReceipts;
        this.orders = orders;
        this.refunds = refunds;
        this.payments = payments;
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
     * How the sale was paid (the tender types on its receipt); whether money can go back to that tender now
     * ({@code original}: it was paid in cash, or {@code backTo} has money left); and where a return to the original
     * tender goes, when the sale was paid by card, wallet or online: that tender as the sale receipt names it, with what
     * is left of its payment (beyond that, cash).
     */
    record Tenders(List<String> paidWith, boolean original, ReceiptContent.@Nullable Tender backTo) {
    }

    /**
     * A stored return; {@code created} is false when it had been stored before; {@code tender} how the money was asked to
     * go back ({@code CASH} or {@code ORIGINAL}); {@code cashPaidOut} what left the drawer, {@code toOriginal} what went
     * back to the card, wallet or online payment.
     */
    record Returned(boolean created, UUID clientId, UUID refundId, UUID orderId, Money amount, String tender, Money cashPaidOut,
            Money toOriginal, Sales.Receipt receipt, Sales.Series series) {
    }

    /** The sale receipt with this code or number and what may still be returned of it. */
    Mono<Found> lookup(String code) {
        return original(code).map(original -> {
            List<String> paidWith = original.receipt().content().tenders().stream().map(ReceiptContent.Tender::type).distinct().toList();
            Provider backTo = original.backTo();
            boolean cashOnly = paidWith.stream().allMatch("CASH"::equals);
            return new Found(original.receipt().code(), original.receipt().number(), original.order().id(),
                    original.order().number(), original.receipt().content().issuedAt(),
                    original.order().total(), original.order().refunded(),
                    original.lines().stream().map(line -> ReturnLines.returnable(line, original.refundable().left(line.order().lineId()),
                            original.refundable().restockable().contains(line.order().lineId()))).toList(),
                    new Tenders(paidWith, cashOnly || backTo != null,
                            backTo == null ? null : withAmount(backTo.tender(), backTo.left())));
        });
    }

    /** A payment of the sale at a provider, as its receipt names it, and what is left of it to give back. */
    private record Provider(UUID paymentId, ReceiptContent.Tender tender, Money left) {
    }

    /**
     * The original as found: its receipt, its order and what may be refunded of it, the lines paired, and its tenders
     * paid at a provider in the receipt's order.
     */
    private record Original(CounterReceipts.Original receipt, SoldOrder order, Refunds.Refundable refundable,
            List<ReturnLines.Paired> lines, List<Provider> providers) {

        /** Where a return to the original tender goes: the first payment at a provider with money left. */
        @Nullable
        Provider backTo() {
            return providers.stream().filter(provider -> provider.left().minor() > 0).findFirst().orElse(null);
        }

        boolean paidAtProvider() {
            return receipt.content().tenders().stream().anyMatch(tender -> !"CASH".equals(tender.type()));
        }
    }

    private Mono<Original> original(String code) {
        return counterReceipts.original(code)
                .switchIfEmpty(Mono.error(PosProblem::unknownReceipt))
                .flatMap(receipt -> receipt.content().kind() != ReceiptContent.Kind.SALE ? Mono.error(PosProblem.notASale())
                        : Mono.zip(orders.sold(receipt.orderId()), refunds.refundable(receipt.orderId()),
                                        payments.takenByProvider(receipt.orderId()))
                                .switchIfEmpty(Mono.error(PosProblem::unknownReceipt))
                                .map(found -> new Original(receipt, found.getT1(), found.getT2(),
                                        ReturnLines.paired(found.getT1(), receipt.content()), providers(receipt, found.getT3()))));
    }

    /** The receipt's tenders paid at a provider, each with the payment that took it. */
    private static List<Provider> providers(CounterReceipts.Original receipt, List<Payments.Refundable> taken) {
        List<Provider> providers = new ArrayList<>();
        for (ReceiptContent.Tender tender : receipt.content().tenders()) {
            if (!"CASH".equals(tender.type())) {
                taken.stream().filter(payment -> payment.paid(tender.reference())).findFirst()
                        .ifPresent(payment -> providers.add(new Provider(payment.paymentId(), tender, payment.left())));
            }
        }
        return providers;
    }

    /** Makes the return at the counter's register, for the cashier signed in there. */
    Mono<Returned> make(Counters.AtCounter counter, Return wanted) {
        return storedRow(wanted.clientId())
                .flatMap(previous -> previous.done() ? answered(counter, wanted, previous) : resume(counter, wanted, previous))
                .switchIfEmpty(Mono.defer(() -> original(wanted.original()).flatMap(original -> make(counter, wanted, original))))
                // the same return sent twice at once: one finds the id taken, or the series moved on, by the other
                .onErrorResume(error -> error instanceof DuplicateKeyException || error instanceof ReceiptRefused,
                        error -> storedRow(wanted.clientId()).filter(Previous::done)
                                .flatMap(previous -> answered(counter, wanted, previous))
                                .switchIfEmpty(Mono.error(error)));
    }

    /**
     * What a return will do, decided before anything is locked: the refund, its receipt, the units per line; the payment
     * at a provider that takes {@code toOriginal} of it (none: all of it in cash), and the cash.
     */
    private record Planned(UUID refundId, Map<UUID, Integer> units, Money amount, @Nullable UUID paymentId, Money toOriginal,
            Money cash, CounterReceipts.Refund receipt, Refunds.Request request) {
    }

    private Mono<Returned> make(Counters.AtCounter counter, Return wanted, Original original) {
        Set<UUID> lineIds = original.lines().stream().map(line -> line.order().lineId()).collect(Collectors.toSet());
        List<String> foreign = wanted.lines().stream().map(Wanted::lineId).filter(id -> !lineIds.contains(id)).map(UUID::toString).toList();
        if (!foreign.isEmpty()) {
            return Mono.error(PosProblem.notOnTheReceipt(foreign));
        }
        Provider backTo = wanted.tender() == Tender.ORIGINAL ? original.backTo() : null;
        if (wanted.tender() == Tender.ORIGINAL && backTo == null && original.paidAtProvider()) {
            return Mono.error(PosProblem.originalTenderSpent());
        }
        Planned planned = plan(counter, wanted, original, UUID.randomUUID(), backTo, null);
        // The receipt first, as for a sale: nothing is locked for a receipt that says something else.
        ReceiptContent checked = counterReceipts.check(planned.receipt(), wanted.payload());
        if (planned.paymentId() == null) {
            return CurrentUser.name().flatMap(cashier -> db.inTransaction(() -> locked(counter, wanted, original, planned)
                    .flatMap(shift -> shift.already() ? answered(counter, wanted)
                            : store(counter, wanted, original, planned, shift.id(), cashier, true))));
        }
        // Nothing goes back through the provider for a receipt that would be refused afterwards.
        return counterReceipts.verify(checked, wanted.payload(), wanted.signature())
                .then(CurrentUser.name())
                .flatMap(cashier -> db.inTransaction(() -> locked(counter, wanted, original, planned)
                                .flatMap(shift -> shift.already() ? Mono.just(false)
                                        : hold(counter, wanted, original, planned, shift.id(), cashier).thenReturn(true)))
                        .flatMap(held -> held ? giveBack(counter, wanted, original, planned, cashier) : answered(counter, wanted)));
    }

    /** The register's open shift, locked, and the order, locked and checked for what the return takes of it. */
    private record Locked(UUID id, boolean already) {
    }

    private Mono<Locked> locked(Counters.AtCounter counter, Return wanted, Original original, Planned planned) {
        return shifts.lockOpen(counter.register().id())
                .flatMap(shift -> storedRow(wanted.clientId()).hasElement().flatMap(already -> already ? Mono.just(new Locked(shift.id(), true))
                        : refunds.lockRefundable(original.order().id()).flatMap(now -> {
                            if (planned.units().entrySet().stream().anyMatch(unit -> unit.getValue() > now.left(unit.getKey()))) {
                                return Mono.error(PosProblem.beyondWhatIsLeft(left(original, now)));
                            }
                            if (planned.cash().minor() > shift.expectedCash().minor()) {
                                return Mono.error(PosProblem.cashBeyondTheDrawer());
                            }
                            return Mono.just(new Locked(shift.id(), false));
                        })));
    }

    /** The answer for a return stored meanwhile under this client id (sent twice at once). */
    private Mono<Returned> answered(Counters.AtCounter counter, Return wanted) {
        return storedRow(wanted.clientId()).flatMap(previous -> previous.done() ? answered(counter, wanted, previous)
                : resume(counter, wanted, previous));
    }

    /**
     * The refund receipt's lines (in the sale receipt's order, whatever order the tablet sent them in), its tenders and
     * the refund. {@code backTo} takes what is left of its payment, or {@code toOriginal} when it is given (a return
     * resumed: what was held for it then).
     */
    private Planned plan(Counters.AtCounter counter, Return wanted, Original original, UUID refundId, @Nullable Provider backTo,
            @Nullable Money toOriginal) {
        Map<UUID, Integer> units = wanted.lines().stream().collect(Collectors.toMap(Wanted::lineId, Wanted::quantity));
        List<ReceiptContent.Line> lines = original.lines().stream().filter(line -> units.containsKey(line.order().lineId()))
                .map(line -> ReturnLines.refunded(line, units.get(line.order().lineId()))).toList();
        Money amount = lines.stream().map(ReceiptContent.Line::amount).reduce(Money::plus).orElseThrow();
        Money zero = Money.zero(amount.currency());
        Money back = backTo == null ? zero : toOriginal != null ? toOriginal
                : amount.minor() <= backTo.left().minor() ? amount : backTo.left();
        Money cash = amount.minus(back);
        List<ReceiptContent.Tender> tenders = new ArrayList<>();
        if (backTo != null) {
            tenders.add(withAmount(backTo.tender(), back));
        }
        if (cash.minor() > 0) {
            tenders.add(new ReceiptContent.Tender("CASH", null, cash, null, null, null));
        }
        CounterReceipts.Refund receipt = new CounterReceipts.Refund(counter.register().id(), counter.keyId(), original.order().id(),
                refundId, original.order().number(), original.receipt().number(), counterReceipts.seller(), lines, tenders);
        Set<UUID> restock = wanted.lines().stream().filter(Wanted::restock).map(Wanted::lineId).collect(Collectors.toSet());
        Refunds.Request request = new Refunds.Request(null, units, false, wanted.reason() == null ? REASON : wanted.reason(),
                backTo == null ? Refunds.Method.CASH : Refunds.Method.ORIGINAL, restock);
        return new Planned(refundId, units, amount, backTo == null ? null : backTo.paymentId(), back, cash, receipt, request);
    }

    /** A tender of the sale receipt as the refund receipt names it: the same type, provider and reference, this amount. */
    private static ReceiptContent.Tender withAmount(ReceiptContent.Tender tender, Money amount) {
        return new ReceiptContent.Tender(tender.type(), tender.provider(), amount, null, null, tender.reference());
    }

    /** Stores the refund receipt, the refund and the return; inside the return's transaction, the shift and order locked. */
    private Mono<Returned> store(Counters.AtCounter counter, Return wanted, Original original, Planned planned, UUID shift,
            String cashier, boolean created) {
        Money amount = planned.amount();
        return counterReceipts.store(planned.receipt(), wanted.payload(), wanted.signature())
                .flatMap(stored -> (planned.paymentId() == null
                        ? refunds.refund(original.order().id(), planned.refundId(), planned.request())
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
                        : refunds.settle(original.order().id(), planned.refundId())
                                .then(db.sql("UPDATE pos_returns SET status = 'DONE', recorded_at = now() WHERE client_id = :client AND status = 'REFUNDING'")
                                        .bind("client", wanted.clientId()).update()))
                        .then(audit.record("pos.returned", "order:" + original.order().number(), Map.of("register", counter.register().id(),
                                "refund", planned.refundId().toString(), "receipt", stored.code(), "amount", amount.minor(),
                                "cash", planned.cash().minor(), "toOriginal", planned.toOriginal().minor())))
                        .thenReturn(new Returned(created, wanted.clientId(), planned.refundId(), original.order().id(), amount,
                                planned.paymentId() == null ? "CASH" : "ORIGINAL", planned.cash(), planned.toOriginal(), Sales.receipt(stored),
                                new Sales.Series(stored.number(), stored.hash(), counter.keyId()))));
    }

    /** Holds the refund and records the return as REFUNDING, in the transaction that locked the shift and the order. */
    private Mono<Void> hold(Counters.AtCounter counter, Return wanted, Original original, Planned planned, UUID shift, String cashier) {
        return refunds.hold(original.order().id(), planned.refundId(), planned.request())
                .then(db.sql("""
                                INSERT INTO pos_returns (client_id, refund_id, order_id, register_id, shift_id, device_id, cashier, tender,
                                                         amount_minor, cash_paid, status, payment_id, provider_amount, request_hash)
                                VALUES (:client, :refund, :order, :register, :shift, :device, :cashier, 'ORIGINAL', :amount, :cash,
                                        'REFUNDING', :payment, :toOriginal, :request)""")
                        .bind("client", wanted.clientId()).bind("refund", planned.refundId()).bind("order", original.order().id())
                        .bind("register", counter.register().id()).bind("shift", shift).bind("device", counter.device().id())
                        .bind("cashier", cashier).bind("amount", planned.amount().minor()).bind("cash", planned.cash().minor())
                        .bind("payment", Objects.requireNonNull(planned.paymentId())).bind("toOriginal", planned.toOriginal().minor())
                        .bind("request", requestHash(wanted))
                        .update())
                .then();
    }

    /**
     * Gives the money back through the provider, under the held refund's key (a return resumed is not given twice),
     * then stores the receipt and finishes the return. A refusal releases the held refund and the return.
     */
    private Mono<Returned> giveBack(Counters.AtCounter counter, Return wanted, Original original, Planned planned, String cashier) {
        Mono<Void> release = db.inTransaction(() -> refunds.release(planned.refundId())
                .then(db.sql("DELETE FROM pos_returns WHERE client_id = :client AND status = 'REFUNDING'")
                        .bind("client", wanted.clientId()).update())
                .then());
        return payments.refundPayment(Objects.requireNonNull(planned.paymentId()), planned.toOriginal(), planned.request().reason(),
                        "pos-return:" + planned.refundId())
                .onErrorResume(failure -> release.then(Mono.error(failure)))
                .flatMap(refunded -> refunded.status() == ProviderRefund.Status.FAILED
                        ? release.then(Mono.error(PosProblem.originalTenderRefused()))
                        : db.inTransaction(() -> shifts.lockOpen(counter.register().id())
                                .flatMap(shift -> store(counter, wanted, original, planned, shift.id(), cashier, true))));
    }

    /** A return left REFUNDING (its answer lost, or a failure after the provider's refund), sent again: finished now. */
    private Mono<Returned> resume(Counters.AtCounter counter, Return wanted, Previous previous) {
        if (!previous.register().equals(counter.register().id()) || !requestHash(wanted).equals(previous.requestHash())) {
            return Mono.error(PosProblem.returnConflict());
        }
        return original(wanted.original()).flatMap(original -> {
            Provider backTo = original.providers().stream().filter(provider -> provider.paymentId().equals(previous.paymentId()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("The payment " + previous.paymentId() + " is not the sale's"));
            Planned planned = plan(counter, wanted, original, previous.refundId(), backTo, previous.toOriginal());
            counterReceipts.check(planned.receipt(), wanted.payload());
            return CurrentUser.name().flatMap(cashier -> giveBack(counter, wanted, original, planned, cashier));
        }).map(returned -> new Returned(false, returned.clientId(), returned.refundId(), returned.orderId(), returned.amount(),
                returned.tender(), returned.cashPaidOut(), returned.toOriginal(), returned.receipt(), returned.series()));
    }

    /** What the return asks for, as a hash: the same return sent again asks for the same. */
    private static String requestHash(Return wanted) {
        String asked = wanted.original() + "|" + wanted.tender() + "|" + wanted.lines().stream()
                .sorted((a, b) -> a.lineId().compareTo(b.lineId()))
                .map(line -> line.lineId() + ":" + line.quantity() + ":" + line.restock())
                .collect(Collectors.joining(","));
        return SignedDocuments.sha256Hex(asked.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** What may still be returned of each line of the original, as a refusal names it. */
    private static List<Map<String, Object>> left(Original original, Refunds.Refundable now) {
        List<Map<String, Object>> left = new ArrayList<>();
        original.lines().forEach(line -> left.add(Map.of("lineId", line.order().lineId().toString(), "name", line.receipt().name(),
                "returnable", now.left(line.order().lineId()))));
        return left;
    }

    private record Previous(UUID refundId, UUID orderId, String register, Money amount, Money cash, String tender, boolean done,
            @Nullable UUID paymentId, Money toOriginal, @Nullable String requestHash) {
    }

    private Mono<Previous> storedRow(UUID clientId) {
        return db.sql("""
                        SELECT refund_id, order_id, register_id, amount_minor, cash_paid, tender, status, payment_id, provider_amount,
                               request_hash
                        FROM pos_returns WHERE client_id = :client""")
                .bind("client", clientId)
                .map(row -> new Previous(row.get("refund_id", UUID.class), row.get("order_id", UUID.class),
                        row.get("register_id", String.class), Money.fen(row.get("amount_minor", Long.class)),
                        Money.fen(row.get("cash_paid", Long.class)), row.get("tender", String.class),
                        "DONE".equals(row.get("status", String.class)), row.get("payment_id", UUID.class),
                        Money.fen(row.get("provider_amount", Long.class)), row.get("request_hash", String.class)))
                .one();
    }

    /**
     * The finished return stored before under this client id: from this register and with the same receipt, or a 409
     * problem (an id reused for another return).
     */
    private Mono<Returned> answered(Counters.AtCounter counter, Return wanted, Previous previous) {
        return counterReceipts.storedRefund(previous.refundId()).flatMap(stored -> {
            if (!previous.register().equals(counter.register().id())
                    || !stored.hash().equals(SignedDocuments.sha256Hex(wanted.payload()))) {
                return Mono.error(PosProblem.returnConflict());
            }
            return counterReceipts.position(previous.register()).map(position -> new Returned(false, wanted.clientId(),
                    previous.refundId(), previous.orderId(), previous.amount(), previous.tender(), previous.cash(),
                    previous.toOriginal(), Sales.receipt(stored), new Sales.Series(position.lastNumber(), position.lastHash(),
                            counter.keyId())));
        });
    }
}
