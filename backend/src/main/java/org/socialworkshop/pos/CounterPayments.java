package org.socialworkshop.pos;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.socialworkshop.payments.CounterMethod;
import org.socialworkshop.payments.CounterPayment;
import org.socialworkshop.payments.CounterPaymentRequest;
import org.socialworkshop.payments.CounterPaymentState;
import org.socialworkshop.payments.Payments;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Card and wallet tenders at the counter (docs/adr/0017, step 8). Before a sale is completed, each of its card or wallet
 * parts is a payment taken while the buyer stands there: on the register's card reader, or by a wallet's QR code the
 * buyer scans. The tablet follows it to its end (or cancels it), then completes the sale naming the payments it took,
 * which {@link Sales} checks. Every payment of one sale pays one order, whose id is given when the first starts. A
 * payment is known by the id the tablet gave it, so starting it again (an answer lost) takes nothing twice.
 */
@Service
class CounterPayments {

    private final Database db;
    private final Payments payments;
    private final Shifts shifts;
    private final AuditLog audit;

    CounterPayments(Database db, Payments payments, Shifts shifts, AuditLog audit) {
        this.db = db;
        this.payments = payments;
        this.shifts = shifts;
        this.audit = audit;
    }

    /** A payment to take for the sale {@code saleId}: how, and how much of it. */
    record Start(UUID paymentId, UUID saleId, CounterMethod method, Money amount) {
    }

    /**
     * Starts taking a payment at the counter's register, for the cashier signed in there; {@code site} is the shop's
     * address, where a wallet sends the buyer's phone afterwards.
     */
    Mono<CounterPayment> start(Counters.AtCounter counter, String cashier, Start start, URI site) {
        PosRegisters.Register register = counter.register();
        String reader = register.cardReader();
        boolean demo = !"stripe".equals(payments.providerName());
        if (start.method() == CounterMethod.CARD && reader == null && !demo) {
            return Mono.error(PosProblem.noCardReader());
        }
        return db.inTransaction(() -> shifts.shareOpen(register.id()).flatMap(shift -> db.sql(
                                "SELECT EXISTS (SELECT FROM pos_sales WHERE client_id = :client) AS stored")
                        .bind("client", start.saleId()).map(row -> Boolean.TRUE.equals(row.get("stored", Boolean.class))).one()
                        .flatMap(stored -> stored ? Mono.error(PosProblem.saleStored()) : orderOf(start, register.id()))
                        .flatMap(orderId -> {
                            CounterPaymentRequest request = request(start, orderId, register, demo ? null : reader, site);
                            return payments.recordAtCounter(request)
                                    .then(db.sql("""
                                                    INSERT INTO pos_payments (payment_id, client_id, order_id, register_id, shift_id, method,
                                                                              amount_minor, started_by)
                                                    VALUES (:payment, :client, :order, :register, :shift, :method, :amount, :by)
                                                    ON CONFLICT (payment_id) DO NOTHING""")
                                            .bind("payment", start.paymentId()).bind("client", start.saleId()).bind("order", orderId)
                                            .bind("register", register.id()).bind("shift", shift).bind("method", start.method().name())
                                            .bind("amount", start.amount().minor()).bind("by", cashier)
                                            .update())
                                    .thenReturn(request);
                        })))
                .onErrorMap(DuplicateKeyException.class, taken -> PosProblem.paymentConflict())
                .flatMap(payments::startAtCounter)
                .flatMap(payment -> audit.record("pos.payment-started", "order:" + payment.orderId(), Map.of(
                                "payment", payment.id().toString(), "method", payment.method().name(), "amount", payment.amount().minor(),
                                "status", payment.status().name()))
                        .thenReturn(payment));
    }

    /**
     * The order the sale's payments pay: that of its earlier payments, if any. The same payment started again must be
     * the same (sale, register, tender, amount); a 409 problem otherwise.
     */
    private Mono<UUID> orderOf(Start start, String register) {
        return db.sql("""
                        SELECT payment_id, client_id, order_id, register_id, method, amount_minor FROM pos_payments
                        WHERE payment_id = :payment OR client_id = :client""")
                .bind("payment", start.paymentId()).bind("client", start.saleId())
                .map(row -> new Earlier(row.get("payment_id", UUID.class), row.get("client_id", UUID.class), row.get("order_id", UUID.class),
                        row.get("register_id", String.class), row.get("method", String.class), row.get("amount_minor", Long.class)))
                .list()
                .flatMap(earlier -> {
                    for (Earlier payment : earlier) {
                        boolean same = payment.paymentId().equals(start.paymentId());
                        if (!payment.register().equals(register) || same && (!payment.saleId().equals(start.saleId())
                                || !payment.method().equals(start.method().name()) || payment.amount() != start.amount().minor())) {
                            return Mono.error(PosProblem.paymentConflict());
                        }
                    }
                    return Mono.just(earlier.isEmpty() ? UUID.randomUUID() : earlier.get(0).orderId());
                });
    }

    private record Earlier(UUID paymentId, UUID saleId, UUID orderId, String register, String method, long amount) {
    }

    private static CounterPaymentRequest request(Start start, UUID orderId, PosRegisters.Register register, String reader, URI site) {
        return new CounterPaymentRequest(start.paymentId(), orderId, start.method(), start.amount(),
                start.method() == CounterMethod.CARD ? reader : null,
                register.nameEn() + " (" + register.id() + ")", site, "payment:" + start.paymentId() + ":counter");
    }

    /** Where a payment of this register stands; a 404 problem for another register's, or none. */
    Mono<CounterPayment> get(Counters.AtCounter counter, UUID paymentId) {
        return own(counter, paymentId).then(payments.atCounter(paymentId));
    }

    /**
     * Cancels a payment still waiting for the buyer. One the buyer paid for a sale that was not completed (the buyer
     * changed their mind, or paid another way) is refunded, once; one that pays a stored sale is a 409 problem.
     */
    Mono<CounterPayment> cancel(Counters.AtCounter counter, UUID paymentId) {
        return own(counter, paymentId).then(payments.cancelAtCounter(paymentId)).flatMap(payment -> {
            if (payment.status() != CounterPaymentState.Status.SUCCEEDED || payment.refunded()) {
                return Mono.just(payment);
            }
            return db.sql("UPDATE pos_payments SET voided = true WHERE payment_id = :id AND NOT sold RETURNING payment_id")
                    .bind("id", paymentId).map(row -> row.get("payment_id", UUID.class)).first()
                    .switchIfEmpty(Mono.error(PosProblem.paymentInSale()))
                    .then(payments.refundPayment(paymentId, payment.amount(), "The sale at the counter was not completed",
                            "payment:" + paymentId + ":void"))
                    .then(audit.record("pos.payment-voided", "order:" + payment.orderId(), Map.of("payment", paymentId.toString(),
                            "amount", payment.amount().minor())))
                    .then(payments.counterPayment(paymentId));
        });
    }

    private Mono<Void> own(Counters.AtCounter counter, UUID paymentId) {
        return db.sql("SELECT register_id FROM pos_payments WHERE payment_id = :id").bind("id", paymentId)
                .map(row -> row.get("register_id", String.class)).first()
                .filter(register -> register.equals(counter.register().id()))
                .switchIfEmpty(Mono.error(PosProblem::unknownPayment))
                .then();
    }

    /** A card or wallet payment a sale names as one of its tenders. */
    record Tendered(UUID paymentId, CounterMethod method, Money amount) {
    }

    /** A payment of the sale, checked: what its receipt names of it. */
    record Taken(UUID paymentId, UUID orderId, CounterMethod method, Money amount, String provider, String reference) {
    }

    /** A payment started for a sale (its client id), at {@code register}; {@code voided} when it was given back. */
    record Started(UUID paymentId, String register, boolean voided) {
    }

    /**
     * The sale's card and wallet tenders, checked against the payments {@code started} for it (read by the caller with
     * what it reads of the sale): each one this register took for this sale, paid in full, not given back, of that
     * tender and amount; and none paid left out. Call before the sale's transaction; {@link #markSold} in it.
     */
    Mono<List<Taken>> check(Counters.AtCounter counter, List<Started> started, List<Tendered> tendered) {
        return Flux.fromIterable(started)
                .filter(own -> own.register().equals(counter.register().id()))
                .concatMap(own -> payments.atCounter(own.paymentId()).map(payment -> Map.entry(own, payment)))
                .collectList()
                .flatMap(found -> {
                    Map<UUID, CounterPayment> bySale = new HashMap<>();
                    found.forEach(entry -> bySale.put(entry.getKey().paymentId(), entry.getValue()));
                    List<String> leftOut = found.stream()
                            .filter(entry -> !entry.getKey().voided() && entry.getValue().status() == CounterPaymentState.Status.SUCCEEDED
                                    && !entry.getValue().refunded())
                            .map(entry -> entry.getKey().paymentId())
                            .filter(id -> tendered.stream().noneMatch(tender -> tender.paymentId().equals(id)))
                            .map(UUID::toString).toList();
                    ArrayList<Taken> taken = new ArrayList<>();
                    for (Tendered tender : tendered) {
                        CounterPayment payment = bySale.get(tender.paymentId());
                        String why = payment == null ? "this sale took no payment with this id"
                                : payment.status() != CounterPaymentState.Status.SUCCEEDED ? "it is " + payment.status().name().toLowerCase(Locale.ROOT)
                                : payment.refunded() || found.stream().anyMatch(entry -> entry.getKey().paymentId().equals(tender.paymentId())
                                        && entry.getKey().voided()) ? "it was given back"
                                : payment.method() != tender.method() ? "it was taken by " + payment.method().name()
                                : !payment.amount().equals(tender.amount()) ? "it took " + payment.amount().minor() + ", not " + tender.amount().minor()
                                : null;
                        if (why != null) {
                            return Mono.error(PosProblem.tenderNotPaid(tender.paymentId().toString(), why));
                        }
                        taken.add(new Taken(payment.id(), payment.orderId(), payment.method(), payment.amount(), payment.provider(),
                                payment.reference()));
                    }
                    if (!leftOut.isEmpty()) {
                        return Mono.error(PosProblem.paymentLeftOut(leftOut));
                    }
                    return Mono.just(List.copyOf(taken));
                });
    }

    /** Marks the sale's payments as its tenders, in the sale's transaction; refused when one was voided meanwhile. */
    Mono<Void> markSold(List<Taken> taken) {
        if (taken.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(taken).concatMap(payment -> db.sql(
                                "UPDATE pos_payments SET sold = true WHERE payment_id = :id AND NOT voided")
                        .bind("id", payment.paymentId()).update()
                        .flatMap(updated -> updated == 1 ? Mono.empty()
                                : Mono.error(PosProblem.tenderNotPaid(payment.paymentId().toString(), "it was given back"))))
                .then();
    }
}
