package org.socialworkshop.payments;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Currency;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.payments.stripe.StripeConfigured;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Money;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The provider used when no Stripe key is configured, so the shop works out of the box: no real money moves.
 * It keeps its sessions in its own table (as Stripe keeps its own), and the demo page completes or fails them by
 * sending the same events Stripe would send, through {@link Payments#receive}. Everything after that (the
 * outbox, the order, the receipt) is the path Stripe payments take.
 */
@Component
@Conditional(DemoProvider.WithoutStripe.class)
class DemoProvider implements PaymentProvider {

    static final String NAME = "demo";
    private static final String INVOICE = "demo_in_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DECLINED = "card_declined";
    private static final String DECLINED_WHY = "Declined in demo mode (no real money).";

    private final Database db;
    private final Payments payments;

    DemoProvider(Database db, @Lazy Payments payments) {
        this.db = db;
        this.payments = payments;
    }

    record DemoSession(String sessionId, UUID paymentId, String orderNumber, Money amount, PaymentStatus status,
            String reference, String returnUrl, OffsetDateTime expiresAt) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<PaymentSession> open(PaymentRequest request) {
        String suffix = randomSuffix();
        String sessionId = "demo_cs_" + suffix;
        return db.sql("""
                        INSERT INTO demo_sessions (id, payment_id, order_number, amount_minor, currency, status, reference,
                                                   return_url, expires_at)
                        VALUES (:id, :payment, :number, :amount, :currency, 'OPEN', :reference, :returnUrl, :expires)""")
                .bind("id", sessionId).bind("payment", request.paymentId()).bind("number", request.orderNumber())
                .bind("amount", request.total().minor()).bind("currency", request.total().currency().getCurrencyCode())
                .bind("reference", "demo_pi_" + suffix).bind("returnUrl", request.returnUrl().toString())
                .bind("expires", request.expiresAt().atOffset(ZoneOffset.UTC))
                .update()
                .thenReturn(new PaymentSession(sessionId, URI.create("/shop/demo-payment.html?session=" + sessionId)));
    }

    /**
     * A demo invoice: a session like a checkout's, paid or failed on the same labelled demo page, which says it is an
     * invoice; it can be paid after its due date (an overdue invoice is still owed) for a year.
     */
    @Override
    public Mono<PaymentSession> invoice(InvoiceRequest request) {
        String sessionId = INVOICE + randomSuffix();
        return db.sql("""
                        INSERT INTO demo_sessions (id, payment_id, order_number, amount_minor, currency, status, reference,
                                                   return_url, expires_at)
                        VALUES (:id, :payment, :number, :amount, :currency, 'OPEN', :id, :returnUrl,
                                now() + make_interval(days => :days + 365))""")
                .bind("id", sessionId).bind("payment", request.paymentId()).bind("number", request.orderNumber())
                .bind("amount", request.amount().minor()).bind("currency", request.amount().currency().getCurrencyCode())
                .bind("returnUrl", request.returnUrl().toString()).bind("days", request.daysUntilDue())
                .update()
                .thenReturn(new PaymentSession(sessionId, URI.create("/shop/demo-payment.html?session=" + sessionId)));
    }

    @Override
    public Mono<SessionState> lookup(String sessionId) {
        return find(sessionId).map(DemoProvider::state);
    }

    @Override
    public Mono<SessionState> close(String sessionId) {
        return db.sql("UPDATE demo_sessions SET status = 'EXPIRED' WHERE id = :id AND status = 'OPEN'")
                .bind("id", sessionId).update()
                .then(lookup(sessionId));
    }

    @Override
    public Mono<ProviderRefund> refund(RefundRequest request) {
        return db.sql("""
                        UPDATE demo_sessions SET refunded_minor = refunded_minor + :amount
                        WHERE reference = :reference AND status = 'SUCCEEDED' AND refunded_minor + :amount <= amount_minor""")
                .bind("amount", request.amount().minor()).bind("reference", request.paymentReference())
                .update()
                .map(updated -> updated == 1
                        ? new ProviderRefund("demo_re_" + randomSuffix(), ProviderRefund.Status.SUCCEEDED)
                        : new ProviderRefund("", ProviderRefund.Status.FAILED));
    }

    /**
     * A counter payment in demo mode: a session like a checkout's, paid or declined on the tablet's labelled stand-in
     * reader (a card) or on the demo payment page its QR code opens on the buyer's phone (a wallet).
     */
    @Override
    public Mono<CounterPaymentState> startAtCounter(CounterPaymentRequest request) {
        String suffix = randomSuffix();
        String sessionId = "demo_pi_" + suffix;
        String qr = request.method() == CounterMethod.CARD ? null
                : request.returnUrl().resolve("/shop/demo-payment.html?session=" + sessionId).toString();
        return db.sql("""
                        INSERT INTO demo_sessions (id, payment_id, order_number, amount_minor, currency, status, reference,
                                                   return_url, expires_at)
                        VALUES (:id, :payment, :number, :amount, :currency, 'OPEN', :id, :returnUrl, now() + interval '15 minutes')""")
                .bind("id", sessionId).bind("payment", request.paymentId()).bind("number", request.description())
                .bind("amount", request.amount().minor()).bind("currency", request.amount().currency().getCurrencyCode())
                .bind("returnUrl", request.returnUrl().toString())
                .update()
                .thenReturn(CounterPaymentState.waiting(sessionId, qr));
    }

    @Override
    public Mono<CounterPaymentState> counterPayment(String sessionId, @Nullable String reader) {
        return find(sessionId).map(DemoProvider::counterState);
    }

    @Override
    public Mono<CounterPaymentState> cancelAtCounter(String sessionId, @Nullable String reader, String idempotencyKey) {
        return db.sql("UPDATE demo_sessions SET status = 'EXPIRED' WHERE id = :id AND status = 'OPEN'")
                .bind("id", sessionId).update()
                .then(find(sessionId))
                .map(DemoProvider::counterState);
    }

    private static CounterPaymentState counterState(DemoSession session) {
        boolean expired = session.status() == PaymentStatus.OPEN && session.expiresAt().toInstant().isBefore(Instant.now());
        return switch (expired ? PaymentStatus.EXPIRED : session.status()) {
            case OPEN -> CounterPaymentState.waiting(session.sessionId(), null);
            case SUCCEEDED -> new CounterPaymentState(session.sessionId(), CounterPaymentState.Status.SUCCEEDED, null, null, null);
            case FAILED -> new CounterPaymentState(session.sessionId(), CounterPaymentState.Status.FAILED, null, DECLINED, DECLINED_WHY);
            case EXPIRED -> new CounterPaymentState(session.sessionId(), CounterPaymentState.Status.CANCELLED, null, "canceled", null);
        };
    }

    Mono<DemoSession> find(String sessionId) {
        return db.sql("""
                        SELECT id, payment_id, order_number, amount_minor, currency, status, reference, return_url, expires_at
                        FROM demo_sessions WHERE id = :id""")
                .bind("id", sessionId)
                .map(DemoProvider::session)
                .first()
                .switchIfEmpty(Mono.error(PaymentProblem::unknownSession));
    }

    /** The buyer pressed "pay" on the demo page: the session completes and Stripe's completion event is sent. */
    Mono<DemoSession> complete(String sessionId) {
        return finish(sessionId, PaymentStatus.SUCCEEDED, invoice(sessionId) ? "invoice.paid" : "checkout.session.completed");
    }

    /**
     * The buyer pressed "fail": the attempt fails as a declined card would. An invoice stays open (its buyer may pay it
     * another way), as Stripe's does, and only says that an attempt failed.
     */
    Mono<DemoSession> fail(String sessionId) {
        if (invoice(sessionId)) {
            return find(sessionId).flatMap(session -> session.status() != PaymentStatus.OPEN ? Mono.error(PaymentProblem.sessionClosed())
                    : payments.receive(new ProviderEvent("demo_evt_" + randomSuffix(), "invoice.payment_failed", Instant.now(),
                            session.paymentId(), session.sessionId(), null, false, null, null, DECLINED, DECLINED_WHY)).thenReturn(session));
        }
        return finish(sessionId, PaymentStatus.FAILED, "payment_intent.payment_failed");
    }

    /** Whether a demo session is an invoice's. */
    static boolean invoice(String sessionId) {
        return sessionId.startsWith(INVOICE);
    }

    private Mono<DemoSession> finish(String sessionId, PaymentStatus outcome, String eventType) {
        return db.inTransaction(() -> db.sql("""
                        UPDATE demo_sessions SET status = :status WHERE id = :id AND status = 'OPEN' AND expires_at > now()
                        RETURNING id, payment_id, order_number, amount_minor, currency, status, reference, return_url, expires_at""")
                .bind("status", outcome.name()).bind("id", sessionId)
                .map(DemoProvider::session)
                .first()
                .flatMap(session -> payments.receive(new ProviderEvent("demo_evt_" + randomSuffix(), eventType, Instant.now(),
                                session.paymentId(), session.sessionId(), session.reference(),
                                outcome == PaymentStatus.SUCCEEDED, session.amount(), null,
                                outcome == PaymentStatus.FAILED ? DECLINED : null, outcome == PaymentStatus.FAILED ? DECLINED_WHY : null))
                        .thenReturn(session))
                // The same button again (a retry after a lost answer, or after a crash that followed the commit) gets
                // the same answer, and nothing is received twice; the other button, or an expired session, is closed.
                .switchIfEmpty(Mono.defer(() -> find(sessionId).flatMap(finished -> finished.status() == outcome
                        ? Mono.just(finished) : Mono.error(PaymentProblem.sessionClosed())))));
    }

    private static SessionState state(DemoSession session) {
        boolean expired = session.status() == PaymentStatus.OPEN && session.expiresAt().toInstant().isBefore(Instant.now());
        return switch (expired ? PaymentStatus.EXPIRED : session.status()) {
            case OPEN -> new SessionState(session.sessionId(), SessionState.Status.OPEN, null, null);
            case SUCCEEDED -> new SessionState(session.sessionId(), SessionState.Status.PAID, session.reference(), session.amount());
            case FAILED, EXPIRED -> new SessionState(session.sessionId(), SessionState.Status.EXPIRED, null, null);
        };
    }

    private static DemoSession session(Readable row) {
        return new DemoSession(row.get("id", String.class), row.get("payment_id", UUID.class), row.get("order_number", String.class),
                new Money(row.get("amount_minor", Long.class), Currency.getInstance(row.get("currency", String.class).trim())),
                PaymentStatus.valueOf(row.get("status", String.class)), row.get("reference", String.class),
                row.get("return_url", String.class), row.get("expires_at", OffsetDateTime.class));
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The demo provider stands in exactly when Stripe is not configured. */
    static final class WithoutStripe implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StripeConfigured.in(context.getEnvironment());
        }
    }
}
