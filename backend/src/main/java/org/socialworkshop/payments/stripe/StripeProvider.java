package org.socialworkshop.payments.stripe;

import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.terminal.ReaderProcessPaymentIntentParams;
import com.stripe.service.checkout.SessionService;
import com.stripe.service.terminal.ReaderService;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.payments.CounterMethod;
import org.socialworkshop.payments.CounterPaymentRequest;
import org.socialworkshop.payments.CounterPaymentState;
import org.socialworkshop.payments.InvoiceRequest;
import org.socialworkshop.payments.PaymentProvider;
import org.socialworkshop.payments.PaymentRequest;
import org.socialworkshop.payments.PaymentSession;
import org.socialworkshop.payments.ProviderRefund;
import org.socialworkshop.payments.RefundRequest;
import org.socialworkshop.payments.SessionState;
import org.socialworkshop.shared.Money;
import reactor.core.publisher.Mono;

/**
 * Payments through Stripe Checkout: a hosted page per attempt, looked up and expired by its session id, and
 * refunds against the PaymentIntent. At the counter: a {@code card_present} PaymentIntent handed to the register's
 * Terminal reader (server-driven), or a wallet's PaymentIntent whose {@code next_action} is the QR code to show.
 *
 * <p>Every call runs on {@code boundedElastic} within {@link StripeSettings#callLimit()}; every POST carries the
 * caller's stable idempotency key, so a call repeated after a lost answer is carried out once. stripe-java's own
 * retries are off: each would wait a full timeout more, beyond the request deadline, and the callers retry with
 * the same key anyway (the buyer after a 503, the outbox with backoff).
 */
public final class StripeProvider implements PaymentProvider {

    private static final int METADATA_VALUE_LIMIT = 500;

    private final StripeClient stripe;
    private final StripeCalls calls;

    public StripeProvider(StripeSettings settings) {
        if (!settings.configured()) {
            throw new IllegalArgumentException("Stripe needs a secret key (stripe.secret-key)");
        }
        this.stripe = StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setApiBase(settings.apiBase())
                .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
                .setMaxNetworkRetries(0)
                .build();
        this.calls = new StripeCalls(settings.callLimit());
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public Mono<PaymentSession> open(PaymentRequest request) {
        return calls.call("open a checkout session", StripeRefused::request,
                        () -> sessions().create(CheckoutParams.of(request, Instant.now()),
                                idempotent(request.idempotencyKey())))
                .map(session -> new PaymentSession(session.getId(), URI.create(session.getUrl())));
    }

    @Override
    public Mono<SessionState> lookup(String sessionId) {
        return calls.call("look up a checkout session", StripeRefused::request, () -> sessions().retrieve(sessionId))
                .map(StripeProvider::state);
    }

    @Override
    public Mono<SessionState> close(String sessionId) {
        return calls.call("close a checkout session", StripeRefused::request, () -> expireOrRetrieve(sessionId))
                .map(StripeProvider::state);
    }

    /**
     * A Stripe Invoice with {@code collection_method=send_invoice}: a customer for the company's invoice title and
     * address, the invoice with our payment id in its metadata, one item for the amount, finalised (which makes the hosted
     * page) and sent by Stripe's e-mail. Each step under its own key derived from the request's, so a repeat after a lost
     * answer resumes without a second customer, item or invoice.
     */
    @Override
    public Mono<PaymentSession> invoice(InvoiceRequest request) {
        String key = request.idempotencyKey();
        String currency = request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT);
        return calls.call("send an invoice", StripeRefused::request, () -> {
            Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder()
                    .setName(truncated(request.customerName())).setEmail(request.customerEmail())
                    .putMetadata("order_id", request.orderId().toString()).build(), idempotent(key + ":customer"));
            Invoice invoice = stripe.v1().invoices().create(InvoiceCreateParams.builder()
                    .setCustomer(customer.getId())
                    .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE)
                    .setDaysUntilDue((long) request.daysUntilDue())
                    .setCurrency(currency)
                    .setDescription(truncated(request.description()))
                    .setAutoAdvance(false)
                    .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.EXCLUDE)
                    .putMetadata("payment_id", request.paymentId().toString())
                    .putMetadata("order_id", request.orderId().toString())
                    .putMetadata("order_number", request.orderNumber())
                    .build(), idempotent(key + ":invoice"));
            stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                    .setCustomer(customer.getId()).setInvoice(invoice.getId())
                    .setAmount(request.amount().minor()).setCurrency(currency)
                    .setDescription(truncated(request.description()))
                    .build(), idempotent(key + ":item"));
            stripe.v1().invoices().finalizeInvoice(invoice.getId(), idempotent(key + ":finalize"));
            Invoice sent = stripe.v1().invoices().sendInvoice(invoice.getId(), idempotent(key + ":send"));
            return new PaymentSession(sent.getId(), URI.create(sent.getHostedInvoiceUrl()));
        });
    }

    @Override
    public Mono<ProviderRefund> refund(RefundRequest request) {
        RefundCreateParams.Builder params = RefundCreateParams.builder()
                .setPaymentIntent(request.paymentReference())
                .setAmount(request.amount().minor())
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER);
        if (!request.reason().isBlank()) {
            params.putMetadata("reason", truncated(request.reason()));
        }
        return calls.call("refund a payment", (what, reason) -> StripeRefused.refund(reason),
                        () -> stripe.v1().refunds().create(params.build(), idempotent(request.idempotencyKey())))
                .map(refund -> new ProviderRefund(refund.getId(), status(refund)));
    }

    @Override
    public Mono<CounterPaymentState> startAtCounter(CounterPaymentRequest request) {
        return calls.call("start a payment at the counter", StripeRefused::request, () -> {
            PaymentIntent intent = stripe.v1().paymentIntents().create(CounterIntents.params(request),
                    idempotent(request.idempotencyKey() + ":intent"));
            if (request.method() != CounterMethod.CARD) {
                return CounterIntents.state(intent, null);
            }
            String reader = Objects.requireNonNull(request.reader(), "a card payment is handed to a reader");
            try {
                return CounterIntents.state(intent, readers().processPaymentIntent(reader,
                        ReaderProcessPaymentIntentParams.builder().setPaymentIntent(intent.getId()).build(),
                        idempotent(request.idempotencyKey() + ":reader")));
            } catch (InvalidRequestException refused) {
                if (refused.getCode() == null || !refused.getCode().startsWith("terminal_reader_")) {
                    throw refused;
                }
                // The reader never took it (offline, busy, not answering): cancelled, so that nothing can pay it later.
                stripe.v1().paymentIntents().cancel(intent.getId(), idempotent(request.idempotencyKey() + ":unused"));
                return new CounterPaymentState(intent.getId(), CounterPaymentState.Status.FAILED, null, refused.getCode(),
                        refused.getStripeError() == null ? null : refused.getStripeError().getMessage());
            }
        });
    }

    @Override
    public Mono<CounterPaymentState> counterPayment(String sessionId, @Nullable String reader) {
        return calls.call("look up a payment at the counter", StripeRefused::request, () -> {
            PaymentIntent intent = stripe.v1().paymentIntents().retrieve(sessionId);
            boolean waitingForCard = reader != null && "requires_payment_method".equals(intent.getStatus());
            return CounterIntents.state(intent, waitingForCard ? readers().retrieve(reader) : null);
        });
    }

    @Override
    public Mono<CounterPaymentState> cancelAtCounter(String sessionId, @Nullable String reader, String idempotencyKey) {
        return calls.call("cancel a payment at the counter", StripeRefused::request, () -> {
            if (reader != null) {
                try {
                    readers().cancelAction(reader, idempotent(idempotencyKey + ":reader"));
                } catch (InvalidRequestException nothingToCancel) {
                    // the reader has moved on (paid, declined, or never took it): the intent decides
                }
            }
            try {
                return CounterIntents.state(stripe.v1().paymentIntents().cancel(sessionId, idempotent(idempotencyKey + ":intent")), null);
            } catch (InvalidRequestException refused) {
                if (refused.getStatusCode() == null || refused.getStatusCode() != 400) {
                    throw refused;
                }
                // paid (or cancelled) before we asked: that is the answer
                return CounterIntents.state(stripe.v1().paymentIntents().retrieve(sessionId), null);
            }
        });
    }

    private ReaderService readers() {
        return stripe.v1().terminal().readers();
    }

    /**
     * Stripe refuses to expire a session that is already complete or expired (400); then its current state is
     * the answer, which may well be paid.
     */
    private Session expireOrRetrieve(String sessionId) throws StripeException {
        try {
            return sessions().expire(sessionId, idempotent("payment-session:" + sessionId + ":close"));
        } catch (InvalidRequestException refused) {
            if (refused.getStatusCode() == null || refused.getStatusCode() != 400) {
                throw refused;
            }
            return sessions().retrieve(sessionId);
        }
    }

    static SessionState state(Session session) {
        String reference = session.getPaymentIntent();
        return switch (session.getStatus()) {
            case "complete" -> "paid".equals(session.getPaymentStatus())
                    ? new SessionState(session.getId(), SessionState.Status.PAID, reference, amountTotal(session))
                    : new SessionState(session.getId(), SessionState.Status.PROCESSING, reference, null);
            case "expired" -> new SessionState(session.getId(), SessionState.Status.EXPIRED, reference, null);
            default -> new SessionState(session.getId(), SessionState.Status.OPEN, reference, null);
        };
    }

    private static Money amountTotal(Session session) {
        return new Money(session.getAmountTotal(), Currency.getInstance(session.getCurrency().toUpperCase(Locale.ROOT)));
    }

    static ProviderRefund.Status status(Refund refund) {
        return switch (refund.getStatus()) {
            case "succeeded" -> ProviderRefund.Status.SUCCEEDED;
            case "failed", "canceled" -> ProviderRefund.Status.FAILED;
            default -> ProviderRefund.Status.PENDING;
        };
    }

    private SessionService sessions() {
        return stripe.v1().checkout().sessions();
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    /** Stripe takes metadata values of up to 500 characters; a surrogate pair is never split. */
    private static String truncated(String text) {
        if (text.length() <= METADATA_VALUE_LIMIT) {
            return text;
        }
        int end = METADATA_VALUE_LIMIT;
        return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end);
    }
}
