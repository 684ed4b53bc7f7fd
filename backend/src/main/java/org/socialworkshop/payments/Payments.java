package org.socialworkshop.payments;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.outbox.Outbox;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payments module's facade. Opening a payment page and refunding talk to the provider; everything the
 * provider tells us (webhooks, the demo page, a buyer's return) ends in {@link #captured}, {@link #failed} or a
 * refund reconciliation, each a conditional update that publishes its event at most once per payment.
 */
@Service
public class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private static final String COLUMNS = "id, order_id, attempt, provider, session_id, redirect_url, amount_minor, currency, status, reference";

    private final Database db;
    private final Outbox outbox;
    private final PaymentProvider provider;
    private final JsonMapper json;

    Payments(Database db, Outbox outbox, PaymentProvider provider, JsonMapper json) {
        this.db = db;
        this.outbox = outbox;
        this.provider = provider;
        this.json = json;
    }

    /** The provider in use: {@code "stripe"} or {@code "demo"}. */
    public String providerName() {
        return provider.name();
    }

    /**
     * Opens a payment page at the provider. Nothing is stored: the caller records the attempt with
     * {@link #record} in the transaction that keeps the order, so a failed checkout leaves nothing behind.
     */
    public Mono<PaymentSession> open(PaymentRequest request) {
        return provider.open(request);
    }

    /** Stores an opened attempt; call inside the caller's transaction. */
    public Mono<PaymentAttempt> record(PaymentRequest request, int attempt, PaymentSession session) {
        return db.sql("""
                        INSERT INTO payments (id, order_id, attempt, provider, session_id, redirect_url, amount_minor, currency, status)
                        VALUES (:id, :order, :attempt, :provider, :session, :url, :amount, :currency, 'OPEN')
                        RETURNING\s""" + COLUMNS)
                .bind("id", request.paymentId()).bind("order", request.orderId()).bind("attempt", attempt)
                .bind("provider", provider.name()).bind("session", session.sessionId())
                .bind("url", session.redirectUrl().toString())
                .bind("amount", request.total().minor()).bind("currency", request.total().currency().getCurrencyCode())
                .map(Payments::attempt)
                .one();
    }

    /** The order's most recent attempt to pay, if any. */
    public Mono<PaymentAttempt> latest(UUID orderId) {
        return db.sql("SELECT " + COLUMNS + " FROM payments WHERE order_id = :order ORDER BY attempt DESC LIMIT 1")
                .bind("order", orderId)
                .map(Payments::attempt)
                .first();
    }

    /**
     * Asks the provider where the order's open attempt stands and records what it says (the buyer came back
     * before the webhook did). Completes with the attempt as it is afterwards.
     */
    public Mono<PaymentAttempt> confirm(UUID orderId) {
        return latest(orderId).flatMap(attempt -> attempt.status() == PaymentStatus.SUCCEEDED
                ? Mono.just(attempt)
                : provider.lookup(attempt.sessionId()).flatMap(state -> settle(attempt, state)));
    }

    /**
     * Closes the order's latest attempt at the provider so it can no longer be paid (before cancelling the order,
     * or before a new attempt). If it turns out to be paid, the payment is recorded and the attempt says so.
     */
    public Mono<PaymentAttempt> close(UUID orderId) {
        return latest(orderId).flatMap(attempt -> attempt.status() == PaymentStatus.SUCCEEDED
                ? Mono.just(attempt)
                : provider.close(attempt.sessionId()).flatMap(state -> settle(attempt, state)));
    }

    private Mono<PaymentAttempt> settle(PaymentAttempt attempt, SessionState state) {
        Mono<?> recorded = switch (state.status()) {
            case PAID -> captured(attempt.id(), state.paymentReference(), state.amountPaid() == null ? attempt.amount() : state.amountPaid());
            case EXPIRED -> failed(attempt.id(), PaymentStatus.EXPIRED);
            case OPEN, PROCESSING -> Mono.empty();
        };
        return recorded.then(latest(attempt.orderId()));
    }

    /**
     * Money that arrived by bank transfer for an order, recorded by staff: a succeeded payment of provider {@code bank}
     * under the bank's reference, and {@link PaymentCaptured} for the order, once: the same reference for the same order
     * again records nothing (false). The caller serialises transfers of one order.
     */
    public Mono<Boolean> recordTransfer(UUID orderId, Money amount, String reference) {
        return transferRecorded(orderId, reference).flatMap(known -> known ? Mono.just(false) : insertTransfer(orderId, amount, reference));
    }

    /**
     * Sends an invoice for (part of) an order through the provider and records it as an open payment (method
     * {@code INVOICE}, the invoice as its session); events about the invoice then settle it as any payment. Call inside
     * the caller's transaction, which serialises invoices of one order.
     */
    public Mono<PaymentAttempt> sendInvoice(InvoiceRequest request) {
        return provider.invoice(request).flatMap(invoice -> db.sql("""
                        INSERT INTO payments (id, order_id, attempt, provider, session_id, redirect_url, amount_minor, currency, status, method)
                        SELECT :id, :order, coalesce(max(attempt), 0) + 1, :provider, :session, :url, :amount, :currency, 'OPEN', 'INVOICE'
                        FROM payments WHERE order_id = :order
                        RETURNING\s""" + COLUMNS)
                .bind("id", request.paymentId()).bind("order", request.orderId()).bind("provider", provider.name())
                .bind("session", invoice.sessionId()).bind("url", invoice.redirectUrl().toString())
                .bind("amount", request.amount().minor()).bind("currency", request.amount().currency().getCurrencyCode())
                .map(Payments::attempt)
                .one());
    }

    /** A payment of an order as its buyer and staff see it: how, how much, where it stands, and the provider's news. */
    public record OrderPayment(UUID paymentId, String provider, String method, Money amount, PaymentStatus status,
            @Nullable String reference, @Nullable String pageUrl, @Nullable String failureMessage, boolean overdue,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** Every payment of an order but abandoned checkout pages, in the order they were made. */
    public Mono<List<OrderPayment>> ofOrder(UUID orderId) {
        return db.sql("""
                        SELECT id, provider, method, amount_minor, currency, status, coalesce(reference, session_id) AS reference,
                               redirect_url, failure_message, overdue_since IS NOT NULL AS overdue, created_at, updated_at
                        FROM payments WHERE order_id = :order AND (status = 'SUCCEEDED' OR method <> 'CHECKOUT')
                        ORDER BY attempt""")
                .bind("order", orderId)
                .map(row -> new OrderPayment(row.get("id", UUID.class), row.get("provider", String.class), row.get("method", String.class),
                        new Money(row.get("amount_minor", Long.class), Currency.getInstance(row.get("currency", String.class).trim())),
                        PaymentStatus.valueOf(row.get("status", String.class)), row.get("reference", String.class),
                        row.get("redirect_url", String.class) == null || row.get("redirect_url", String.class).isEmpty() ? null
                                : row.get("redirect_url", String.class),
                        row.get("failure_message", String.class), Boolean.TRUE.equals(row.get("overdue", Boolean.class)),
                        row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class)))
                .list();
    }

    /** What arrived for an order so far: the sum of its succeeded payments (refunds are the order's business). */
    public Mono<Money> paidSoFar(UUID orderId, Currency currency) {
        return db.sql("SELECT coalesce(sum(amount_minor), 0) AS paid FROM payments WHERE order_id = :order AND status = 'SUCCEEDED'")
                .bind("order", orderId).map(row -> new Money(row.get("paid", Number.class).longValue(), currency)).one();
    }

    /** What arrived so far for each of these orders that had anything (CNY). */
    public Mono<Map<UUID, Money>> paidSoFar(Collection<UUID> orderIds) {
        return db.sql("""
                        SELECT order_id, sum(amount_minor) AS paid FROM payments
                        WHERE order_id = ANY(:ids) AND status = 'SUCCEEDED' GROUP BY order_id""")
                .bind("ids", orderIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("order_id", UUID.class), Money.fen(row.get("paid", Number.class).longValue())))
                .stream()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Whether a bank transfer with this reference was recorded for the order. */
    public Mono<Boolean> transferRecorded(UUID orderId, String reference) {
        return db.sql("SELECT EXISTS (SELECT FROM payments WHERE session_id = :session) AS known")
                .bind("session", "bank:" + orderId + ":" + reference).map(row -> Boolean.TRUE.equals(row.get("known", Boolean.class))).one();
    }

    private Mono<Boolean> insertTransfer(UUID orderId, Money amount, String reference) {
        UUID id = UUID.randomUUID();
        return db.inTransaction(() -> db.sql("""
                        INSERT INTO payments (id, order_id, attempt, provider, session_id, redirect_url, amount_minor, currency, status,
                                              method, reference)
                        SELECT :id, :order, coalesce(max(attempt), 0) + 1, 'bank', :session, '', :amount, :currency, 'SUCCEEDED',
                               'BANK_TRANSFER', :reference
                        FROM payments WHERE order_id = :order
                        ON CONFLICT (session_id) DO NOTHING""")
                .bind("id", id).bind("order", orderId).bind("session", "bank:" + orderId + ":" + reference)
                .bind("amount", amount.minor()).bind("currency", amount.currency().getCurrencyCode()).bind("reference", reference)
                .update()
                .flatMap(inserted -> inserted == 0 ? Mono.just(false)
                        : outbox.publish(new PaymentCaptured(id, orderId, "bank", amount, reference)).thenReturn(true)));
    }

    /**
     * Records that money arrived; publishes {@link PaymentCaptured} the first time only, for a checkout's or an invoice's payment (a
     * counter payment is followed by the tablet, and its order is stored with the sale it pays).
     */
    Mono<Boolean> captured(UUID paymentId, @Nullable String reference, Money amount) {
        return db.inTransaction(() -> db.sql("""
                        UPDATE payments SET status = 'SUCCEEDED', reference = coalesce(:reference, reference), updated_at = now()
                        WHERE id = :id AND status <> 'SUCCEEDED'
                        RETURNING method,\s""" + COLUMNS)
                .bind("id", paymentId).bindNullable("reference", reference, String.class)
                .map(row -> new Changed(attempt(row), row.get("method", String.class)))
                .first()
                .flatMap(paid -> paid.atCounter() ? Mono.just(true) : outbox.publish(new PaymentCaptured(paid.attempt().id(),
                        paid.attempt().orderId(), paid.attempt().provider(), amount,
                        paid.attempt().reference() == null ? paid.attempt().sessionId() : paid.attempt().reference())).thenReturn(true))
                .defaultIfEmpty(false));
    }

    /** Records that an open attempt failed or expired; publishes {@link PaymentFailed} the first time only (checkouts). */
    Mono<Boolean> failed(UUID paymentId, PaymentStatus outcome) {
        return failed(paymentId, outcome, null, null);
    }

    private Mono<Boolean> failed(UUID paymentId, PaymentStatus outcome, @Nullable String code, @Nullable String message) {
        return db.inTransaction(() -> db.sql("""
                        UPDATE payments SET status = :outcome, failure_code = :code, failure_message = :message, updated_at = now()
                        WHERE id = :id AND status = 'OPEN'
                        RETURNING method,\s""" + COLUMNS)
                .bind("id", paymentId).bind("outcome", outcome.name())
                .bindNullable("code", code, String.class).bindNullable("message", message, String.class)
                .map(row -> new Changed(attempt(row), row.get("method", String.class)))
                .first()
                .flatMap(closed -> closed.atCounter() ? Mono.just(true) : outbox.publish(new PaymentFailed(closed.attempt().id(),
                        closed.attempt().orderId(), closed.attempt().provider(), outcome.name())).thenReturn(true))
                .defaultIfEmpty(false));
    }

    /**
     * An attempt to pay an invoice failed (a declined card on its page): the invoice stays open and payable, and says so
     * until it is paid; {@link PaymentFailed} tells the order's side, once per failed attempt's event.
     */
    private Mono<Void> attemptFailed(UUID paymentId, @Nullable String code, @Nullable String message) {
        return db.inTransaction(() -> db.sql("""
                        UPDATE payments SET failure_code = :code, failure_message = :message, updated_at = now()
                        WHERE id = :id AND status = 'OPEN'
                        RETURNING\s""" + COLUMNS)
                .bind("id", paymentId).bind("code", code == null ? "payment_failed" : code)
                .bind("message", message == null ? "The payment of the invoice failed." : message)
                .map(Payments::attempt)
                .first()
                .flatMap(open -> outbox.publish(new PaymentFailed(open.id(), open.orderId(), open.provider(), "FAILED")))
                .then());
    }

    /** The provider says an invoice is past its due date and still unpaid: kept, for people (the order's terms decide). */
    private Mono<Void> overdue(UUID paymentId) {
        return db.sql("UPDATE payments SET overdue_since = coalesce(overdue_since, now()), updated_at = now() WHERE id = :id AND status = 'OPEN'")
                .bind("id", paymentId).update().then();
    }

    private record Changed(PaymentAttempt attempt, String method) {

        /** A counter payment, followed by its tablet; a checkout's or an invoice's payment pays its order by the events. */
        boolean atCounter() {
            return !"CHECKOUT".equals(method) && !"INVOICE".equals(method);
        }
    }

    /**
     * Gives back money of the order's captured payment through the provider. The amount is checked against what
     * is left of the payment under a row lock, so concurrent refunds can never exceed it; {@code key} makes a
     * repeated call one refund.
     */
    public Mono<ProviderRefund> refund(UUID orderId, Money amount, String reason, String key) {
        return refund("order_id = :id", orderId, amount, reason, key);
    }

    /**
     * The order's payments taken by a provider, with what was given back of each so far (refunds in flight counted,
     * failed ones not), in the order they were made: where a refund to the original tender can go (not a bank transfer,
     * which no provider gives back, nor an invoice, which the buyer may have paid by a transfer to the provider).
     */
    public Mono<List<Refundable>> takenByProvider(UUID orderId) {
        return db.sql("""
                        SELECT p.id, p.reference, p.session_id, p.amount_minor, p.currency,
                               coalesce(sum(r.amount_minor) FILTER (WHERE r.status <> 'FAILED'), 0) AS refunded
                        FROM payments p LEFT JOIN payment_refunds r ON r.payment_id = p.id
                        WHERE p.order_id = :order AND p.status = 'SUCCEEDED' AND p.provider <> 'bank' AND p.method <> 'INVOICE'
                        GROUP BY p.id ORDER BY min(p.created_at), p.id""")
                .bind("order", orderId)
                .map(row -> {
                    Currency currency = Currency.getInstance(row.get("currency", String.class).trim());
                    return new Refundable(row.get("id", UUID.class), row.get("reference", String.class), row.get("session_id", String.class),
                            new Money(row.get("amount_minor", Long.class), currency),
                            new Money(row.get("refunded", Number.class).longValue(), currency));
                })
                .list();
    }

    /** A payment the provider took: its references (the receipt names one of them) and what was given back of it. */
    public record Refundable(UUID paymentId, @Nullable String reference, @Nullable String sessionId, Money amount, Money refunded) {

        public Money left() {
            return amount.minus(refunded);
        }

        /** Whether a receipt's tender with this reference was paid by this payment. */
        public boolean paid(@Nullable String tenderReference) {
            return tenderReference != null && (tenderReference.equals(reference) || tenderReference.equals(sessionId));
        }
    }

    /** As {@link #refund(UUID, Money, String, String)}, of one payment (a counter sale may be paid by several). */
    public Mono<ProviderRefund> refundPayment(UUID paymentId, Money amount, String reason, String key) {
        return refund("id = :id", paymentId, amount, reason, key);
    }

    private Mono<ProviderRefund> refund(String which, UUID id, Money amount, String reason, String key) {
        UUID refundId = UUID.randomUUID();
        return db.inTransaction(() -> db.sql("SELECT " + COLUMNS + " FROM payments WHERE " + which + " AND status = 'SUCCEEDED' "
                                + "ORDER BY attempt DESC LIMIT 1 FOR UPDATE")
                        .bind("id", id).map(Payments::attempt).first()
                        .switchIfEmpty(Mono.error(PaymentProblem::notPaid))
                        .flatMap(payment -> existingRefund(key)
                                .map(existing -> new Pending(payment, existing, false))
                                .switchIfEmpty(refundable(payment.id()).flatMap(left -> {
                                    long remaining = payment.amount().minor() - left;
                                    if (amount.minor() > remaining) {
                                        return Mono.error(PaymentProblem.refundTooLarge(amount.minor(), remaining));
                                    }
                                    return db.sql("""
                                                    INSERT INTO payment_refunds (id, payment_id, amount_minor, status, external, idempotency_key)
                                                    VALUES (:id, :payment, :amount, 'PENDING', false, :key)""")
                                            .bind("id", refundId).bind("payment", payment.id()).bind("amount", amount.minor())
                                            .bind("key", key).update()
                                            .thenReturn(new Pending(payment, new ProviderRefund(refundId.toString(), ProviderRefund.Status.PENDING), true));
                                }))))
                .flatMap(pending -> {
                    if (!pending.fresh() && pending.refund().status() != ProviderRefund.Status.PENDING) {
                        return Mono.just(pending.refund());
                    }
                    String reference = pending.payment().reference() == null ? pending.payment().sessionId() : pending.payment().reference();
                    return provider.refund(new RefundRequest(reference, amount, reason, key))
                            .flatMap(done -> settleRefund(key, done).thenReturn(done))
                            .onErrorResume(failure -> settleRefund(key, new ProviderRefund("", ProviderRefund.Status.FAILED))
                                    .then(Mono.error(failure)));
                });
    }

    private record Pending(PaymentAttempt payment, ProviderRefund refund, boolean fresh) {
    }

    private Mono<ProviderRefund> existingRefund(String key) {
        return db.sql("SELECT id, status, provider_refund_id FROM payment_refunds WHERE idempotency_key = :key")
                .bind("key", key)
                .map(row -> new ProviderRefund(row.get("provider_refund_id", String.class) == null
                        ? row.get("id", UUID.class).toString() : row.get("provider_refund_id", String.class),
                        ProviderRefund.Status.valueOf(row.get("status", String.class))))
                .first();
    }

    private Mono<Long> refundable(UUID paymentId) {
        return db.sql("SELECT coalesce(sum(amount_minor), 0) AS refunded FROM payment_refunds WHERE payment_id = :id AND status <> 'FAILED'")
                .bind("id", paymentId)
                .map(row -> row.get("refunded", Number.class).longValue())
                .one();
    }

    private Mono<Void> settleRefund(String key, ProviderRefund result) {
        return db.inTransaction(() -> db.sql("""
                        UPDATE payment_refunds SET status = :status, provider_refund_id = nullif(:refundId, '')
                        WHERE idempotency_key = :key AND status = 'PENDING'""")
                .bind("status", result.status().name()).bind("refundId", result.refundId()).bind("key", key)
                .update()
                .then());
    }

    private static final String COUNTER_COLUMNS = COLUMNS + ", method, card_reader, failure_code, failure_message, "
            + "(SELECT count(*) FROM payment_refunds r WHERE r.payment_id = payments.id AND r.status <> 'FAILED') > 0 AS refunded";
    private static final String PENDING = "pending:";

    /**
     * Records a payment about to be taken at the counter, not yet at the provider; call inside the caller's
     * transaction, then {@link #startAtCounter}. Recording the same payment again changes nothing.
     */
    public Mono<Void> recordAtCounter(CounterPaymentRequest request) {
        return db.sql("""
                        INSERT INTO payments (id, order_id, attempt, provider, session_id, redirect_url, amount_minor, currency, status,
                                              method, card_reader)
                        SELECT :id, :order, coalesce(max(attempt), 0) + 1, :provider, :session, '', :amount, :currency, 'OPEN',
                               :method, :reader
                        FROM payments WHERE order_id = :order
                        ON CONFLICT (id) DO NOTHING""")
                .bind("id", request.paymentId()).bind("order", request.orderId()).bind("provider", provider.name())
                .bind("session", PENDING + request.paymentId()).bind("amount", request.amount().minor())
                .bind("currency", request.amount().currency().getCurrencyCode()).bind("method", request.method().name())
                .bindNullable("reader", request.reader(), String.class)
                .update()
                .then();
    }

    /**
     * Takes a recorded counter payment to its provider (again, with the same idempotency key, when an earlier try got
     * no answer) and records what it says; a payment already there is only looked up.
     */
    public Mono<CounterPayment> startAtCounter(CounterPaymentRequest request) {
        return counterPayment(request.paymentId()).flatMap(stored -> !stored.reference().startsWith(PENDING)
                ? atCounter(request.paymentId())
                : provider.startAtCounter(request)
                        .flatMap(state -> db.sql("""
                                        UPDATE payments SET session_id = :session, reference = :session, redirect_url = :qr, updated_at = now()
                                        WHERE id = :id AND session_id = :pending""")
                                .bind("session", state.sessionId()).bind("qr", state.qr() == null ? "" : state.qr())
                                .bind("id", request.paymentId()).bind("pending", PENDING + request.paymentId())
                                .update()
                                .then(settle(request.paymentId(), state)))
                        .then(counterPayment(request.paymentId())));
    }

    /** A counter payment as it stands: asked of the provider while it waits for the buyer. */
    public Mono<CounterPayment> atCounter(UUID paymentId) {
        return atCounterWithReader(paymentId).flatMap(found -> {
            CounterPayment stored = found.payment();
            return stored.status() != CounterPaymentState.Status.WAITING || stored.reference().startsWith(PENDING)
                    ? Mono.just(stored)
                    : provider.counterPayment(stored.reference(), found.reader())
                            .flatMap(state -> settle(paymentId, state))
                            .then(counterPayment(paymentId));
        });
    }

    /**
     * Stops a counter payment still waiting for the buyer; completes with how it ended, which is
     * {@code SUCCEEDED} when the buyer paid first. A payment the provider never got is only marked cancelled.
     */
    public Mono<CounterPayment> cancelAtCounter(UUID paymentId) {
        return atCounterWithReader(paymentId).flatMap(found -> {
            CounterPayment stored = found.payment();
            if (stored.status() != CounterPaymentState.Status.WAITING) {
                return Mono.just(stored);
            }
            Mono<?> cancelled = stored.reference().startsWith(PENDING)
                    ? failed(paymentId, PaymentStatus.EXPIRED, "canceled", null)
                    : provider.cancelAtCounter(stored.reference(), found.reader(), "payment:" + paymentId + ":cancel")
                            .flatMap(state -> settle(paymentId, state));
            return cancelled.then(counterPayment(paymentId));
        });
    }

    private Mono<Boolean> settle(UUID paymentId, CounterPaymentState state) {
        return switch (state.status()) {
            case WAITING -> Mono.just(false);
            case SUCCEEDED -> counterPayment(paymentId).flatMap(stored -> captured(paymentId, state.sessionId(), stored.amount()));
            case FAILED -> failed(paymentId, PaymentStatus.FAILED, state.failureCode(), state.failureMessage());
            case CANCELLED -> failed(paymentId, PaymentStatus.EXPIRED, state.failureCode() == null ? "canceled" : state.failureCode(),
                    state.failureMessage());
        };
    }

    /** A counter payment as recorded, with the card reader it was handed to (none for a wallet or in demo mode). */
    private record AtCounter(CounterPayment payment, @Nullable String reader) {
    }

    /** A payment taken at the counter, as recorded; a 404 problem when there is none with this id. */
    public Mono<CounterPayment> counterPayment(UUID paymentId) {
        return atCounterWithReader(paymentId).map(AtCounter::payment);
    }

    private Mono<AtCounter> atCounterWithReader(UUID paymentId) {
        return db.sql("SELECT " + COUNTER_COLUMNS + " FROM payments WHERE id = :id AND method IN ('CARD', 'WECHAT_PAY', 'ALIPAY')")
                .bind("id", paymentId)
                .map(row -> {
                    PaymentAttempt attempt = attempt(row);
                    CounterPaymentState.Status status = switch (attempt.status()) {
                        case OPEN -> CounterPaymentState.Status.WAITING;
                        case SUCCEEDED -> CounterPaymentState.Status.SUCCEEDED;
                        case FAILED -> CounterPaymentState.Status.FAILED;
                        case EXPIRED -> CounterPaymentState.Status.CANCELLED;
                    };
                    String qr = attempt.redirectUrl().isEmpty() || status != CounterPaymentState.Status.WAITING ? null : attempt.redirectUrl();
                    boolean demo = DemoProvider.NAME.equals(attempt.provider()) && !attempt.sessionId().startsWith(PENDING);
                    return new AtCounter(new CounterPayment(attempt.id(), attempt.orderId(), CounterMethod.valueOf(row.get("method", String.class)),
                            attempt.amount(), attempt.provider(), status, qr, row.get("failure_code", String.class),
                            row.get("failure_message", String.class), attempt.reference() == null ? attempt.sessionId() : attempt.reference(),
                            demo ? attempt.sessionId() : null, Boolean.TRUE.equals(row.get("refunded", Boolean.class))),
                            row.get("card_reader", String.class));
                })
                .first()
                .switchIfEmpty(Mono.error(PaymentProblem::unknownSession));
    }

    /**
     * Stores a verified provider event unless its id was seen before, and queues it for processing; completes with
     * whether it was new. Fast: the provider gets its answer without waiting for the processing.
     */
    public Mono<Boolean> receive(ProviderEvent event) {
        return db.inTransaction(() -> db.sql("""
                        INSERT INTO provider_events (id, provider, type, event) VALUES (:id, :provider, :type, CAST(:event AS jsonb))
                        ON CONFLICT (id) DO NOTHING""")
                .bind("id", event.id()).bind("provider", provider.name()).bind("type", event.type())
                .bind("event", json.writeValueAsString(event))
                .update()
                .flatMap(stored -> stored == 0
                        ? Mono.just(false)
                        : outbox.publish(new ProviderEventReceived(event.id())).thenReturn(true)));
    }

    /** Applies a stored event; safe to repeat and in any order. */
    Mono<Void> apply(String eventId) {
        return db.sql("SELECT event::text AS event FROM provider_events WHERE id = :id")
                .bind("id", eventId)
                .map(row -> json.readValue(row.get("event", String.class), ProviderEvent.class))
                .one()
                .flatMap(this::apply);
    }

    private Mono<Void> apply(ProviderEvent event) {
        return find(event).flatMap(payment -> switch (event.type()) {
                    case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> event.paid()
                            ? captured(payment.id(), event.paymentReference(), amountOf(event, payment)).then()
                            : Mono.<Void>empty();
                    case "payment_intent.succeeded" -> captured(payment.id(), event.paymentReference(), amountOf(event, payment)).then();
                    case "payment_intent.payment_failed", "checkout.session.async_payment_failed" ->
                            failed(payment.id(), PaymentStatus.FAILED, event.failureCode(), event.failureMessage()).then();
                    case "checkout.session.expired" -> failed(payment.id(), PaymentStatus.EXPIRED).then();
                    case "charge.refunded" -> reconcileRefunds(payment, event);
                    case "invoice.paid" -> captured(payment.id(), event.paymentReference(), amountOf(event, payment)).then();
                    case "invoice.payment_failed" -> attemptFailed(payment.id(), event.failureCode(), event.failureMessage());
                    case "invoice.overdue" -> overdue(payment.id());
                    case "invoice.voided", "invoice.marked_uncollectible" -> failed(payment.id(), PaymentStatus.EXPIRED, "voided", null).then();
                    default -> Mono.<Void>empty();
                })
                .switchIfEmpty(Mono.fromRunnable(() -> log.debug("Provider event {} ({}) needs nothing here", event.id(), event.type())));
    }

    private static Money amountOf(ProviderEvent event, PaymentAttempt payment) {
        return event.amount() == null ? payment.amount() : event.amount();
    }

    /** The payment an event is about: by our id in the metadata, else by session, else by PaymentIntent. */
    private Mono<PaymentAttempt> find(ProviderEvent event) {
        if (event.paymentId() == null && event.sessionId() == null && event.paymentReference() == null) {
            return Mono.empty();
        }
        return db.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id OR session_id = :session OR reference = :reference LIMIT 1")
                .bindNullable("id", event.paymentId(), UUID.class)
                .bindNullable("session", event.sessionId(), String.class)
                .bindNullable("reference", event.paymentReference(), String.class)
                .map(Payments::attempt)
                .first()
                .switchIfEmpty(Mono.fromRunnable(() -> log.info("Provider event {} ({}) is not about a payment of ours",
                        event.id(), event.type())));
    }

    /**
     * A charge's refunded total is compared with the refunds recorded here (and those in flight); whatever is
     * more was refunded at the provider directly, and is recorded once under a key made of the charge's total.
     * A refunded charge was paid, so a payment not yet recorded as captured is recorded first.
     */
    private Mono<Void> reconcileRefunds(PaymentAttempt payment, ProviderEvent event) {
        Money refundedThere = event.amountRefunded();
        if (refundedThere == null) {
            return Mono.empty();
        }
        return db.inTransaction(() -> db.sql("SELECT status FROM payments WHERE id = :id FOR UPDATE")
                .bind("id", payment.id()).map(row -> row.get("status", String.class)).one()
                .flatMap(status -> PaymentStatus.SUCCEEDED.name().equals(status)
                        ? Mono.just(true)
                        : captured(payment.id(), event.paymentReference(), payment.amount()))
                .then(refundable(payment.id()))
                .flatMap(known -> {
                    long external = refundedThere.minor() - known;
                    if (external <= 0) {
                        return Mono.empty();
                    }
                    String key = "external:" + payment.id() + ":" + refundedThere.minor();
                    return db.sql("""
                                    INSERT INTO payment_refunds (id, payment_id, amount_minor, status, external, idempotency_key)
                                    VALUES (:id, :payment, :amount, 'SUCCEEDED', true, :key) ON CONFLICT (idempotency_key) DO NOTHING""")
                            .bind("id", UUID.randomUUID()).bind("payment", payment.id()).bind("amount", external).bind("key", key)
                            .update()
                            .filter(inserted -> inserted > 0)
                            .flatMap(inserted -> outbox.publish(new PaymentRefundedExternally(payment.id(), payment.orderId(),
                                    payment.provider(), new Money(external, payment.amount().currency()), key)));
                })
                .then());
    }

    private static PaymentAttempt attempt(Readable row) {
        return new PaymentAttempt(row.get("id", UUID.class), row.get("order_id", UUID.class), row.get("attempt", Integer.class),
                row.get("provider", String.class), row.get("session_id", String.class), row.get("redirect_url", String.class),
                new Money(row.get("amount_minor", Long.class), Currency.getInstance(row.get("currency", String.class).trim())),
                PaymentStatus.valueOf(row.get("status", String.class)), row.get("reference", String.class));
    }
}
