package org.socialworkshop.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * What the fake Stripe knows: Checkout Sessions, the PaymentIntents (with one charge each) paying them, and
 * refunds. Every method is synchronized; objects come out as Stripe's JSON, built afresh from the current state.
 */
final class FakeStripeState {

    private static final long THIRTY_MINUTES = 30 * 60;
    private static final long ONE_DAY = 24 * 60 * 60;

    private final String baseUrl;
    /** Shared by every fake in the JVM: the tests share one database, where Stripe's ids are unique as at Stripe. */
    private static final AtomicLong IDS = new AtomicLong();
    private final Map<String, FakeCheckoutSession> sessions = new LinkedHashMap<>();
    private final Map<String, FakePaymentIntent> intents = new LinkedHashMap<>();
    private final Map<String, FakeTerminalReader> readers = new LinkedHashMap<>();
    private final Map<String, FakeInvoice> invoices = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> customers = new LinkedHashMap<>();

    FakeStripeState(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    synchronized Map<String, Object> createSession(Map<String, String> form) {
        if (!"payment".equals(form.get("mode"))) {
            throw StripeApiError.invalid("mode", "Only mode=payment is supported by this fake.");
        }
        List<Map<String, String>> items = StripeForm.list(form, "line_items");
        if (items.isEmpty()) {
            throw StripeApiError.invalid("line_items", "You must specify `line_items` in `payment` mode.");
        }
        long now = Instant.now().getEpochSecond();
        long expiresAt = form.containsKey("expires_at") ? Long.parseLong(form.get("expires_at")) : now + ONE_DAY;
        if (expiresAt < now + THIRTY_MINUTES || expiresAt > now + ONE_DAY) {
            throw StripeApiError.invalid("expires_at", "The `expires_at` timestamp must be between 30 minutes "
                    + "and 24 hours from Checkout Session creation.");
        }
        FakeCheckoutSession session = new FakeCheckoutSession("cs_test_" + next(), now, expiresAt, form,
                currency(items), amountTotal(items));
        sessions.put(session.id, session);
        return session.json(baseUrl);
    }

    synchronized Map<String, Object> session(String id) {
        return session(id, 404).json(baseUrl);
    }

    synchronized Map<String, Object> expire(String id) {
        FakeCheckoutSession session = session(id, 404);
        if (!session.status.equals("open")) {
            throw StripeApiError.invalid(null, "Only Checkout Sessions with a status in [\"open\"] can be expired. "
                    + "This Checkout Session has a status of \"" + session.status + "\".");
        }
        session.status = "expired";
        return session.json(baseUrl);
    }

    synchronized Map<String, Object> refund(Map<String, String> form) {
        String intentId = form.getOrDefault("payment_intent", "");
        FakePaymentIntent intent = intents.get(intentId);
        if (intent == null) {
            throw StripeApiError.missing(400, "payment_intent", intentId, "payment_intent");
        }
        if (!intent.status.equals("succeeded")) {
            throw StripeApiError.invalid("payment_intent", "This PaymentIntent (" + intentId
                    + ") does not have a successful charge to refund.");
        }
        long left = intent.amountReceived - intent.amountRefunded;
        long amount = form.containsKey("amount") ? Long.parseLong(form.get("amount")) : left;
        if (amount <= 0) {
            throw StripeApiError.invalid("amount", "Invalid positive integer");
        }
        if (amount > left) {
            throw StripeApiError.invalid("amount", "Refund amount (" + amount + ") is greater than unrefunded "
                    + "amount on charge (" + left + ")");
        }
        return refundOf(intent, amount, form.get("reason"), StripeForm.hash(form, "metadata"));
    }

    /** A declined card: the session stays open for another try, its PaymentIntent records the error. */
    synchronized String failPayment(String sessionId) {
        FakePaymentIntent intent = intentOf(openSession(sessionId));
        intent.status = "requires_payment_method";
        intent.lastError = "Your card was declined.";
        return intent.id;
    }

    /** A payment method that confirms later: the session is complete but unpaid until {@link #pay}. */
    synchronized String startDelayedPayment(String sessionId) {
        FakeCheckoutSession session = openSession(sessionId);
        FakePaymentIntent intent = intentOf(session);
        intent.status = "processing";
        intent.lastError = null;
        session.status = "complete";
        return intent.id;
    }

    synchronized String pay(String sessionId) {
        FakeCheckoutSession session = session(sessionId, 404);
        boolean delayed = session.status.equals("complete") && session.paymentStatus.equals("unpaid");
        if (!session.status.equals("open") && !delayed) {
            throw new IllegalStateException("Session " + sessionId + " is " + session.status + ", cannot be paid");
        }
        FakePaymentIntent intent = intentOf(session);
        intent.status = "succeeded";
        intent.amountReceived = intent.amount;
        intent.lastError = null;
        session.status = "complete";
        session.paymentStatus = "paid";
        return intent.id;
    }

    synchronized void expireNow(String sessionId) {
        expire(sessionId);
    }

    synchronized String refundInDashboard(String intentId, long amount) {
        return (String) refund(Map.of("payment_intent", intentId, "amount", Long.toString(amount))).get("id");
    }

    synchronized Map<String, Object> sessionJson(String id) {
        return session(id, 404).json(baseUrl);
    }

    synchronized Map<String, Object> intentJson(String id) {
        return intent(id).json(baseUrl);
    }

    /** A PaymentIntent created directly (the counter's card reader and wallets), confirmed at once for wallets. */
    synchronized Map<String, Object> createIntent(Map<String, String> form) {
        List<String> methods = StripeForm.values(form, "payment_method_types");
        if (methods.size() != 1 || !List.of("card_present", "wechat_pay", "alipay").contains(methods.get(0))) {
            throw StripeApiError.invalid("payment_method_types", "This fake takes one of card_present, wechat_pay, alipay.");
        }
        String method = methods.get(0);
        long amount = Long.parseLong(form.getOrDefault("amount", "0"));
        if (amount <= 0) {
            throw StripeApiError.invalid("amount", "This value must be greater than or equal to 1.");
        }
        FakePaymentIntent intent = new FakePaymentIntent("pi_test_" + next(), "ch_test_" + next(), amount,
                form.getOrDefault("currency", ""), StripeForm.hash(form, "metadata"), method);
        if (!method.equals("card_present")) {
            if (!"true".equals(form.get("confirm")) || !method.equals(form.get("payment_method_data[type]"))) {
                throw StripeApiError.invalid("confirm", "This fake confirms wallet payments at creation, with payment_method_data.");
            }
            if (method.equals("wechat_pay") && !"web".equals(form.get("payment_method_options[wechat_pay][client]"))) {
                throw StripeApiError.invalid("payment_method_options[wechat_pay][client]", "Missing required param.");
            }
            if (method.equals("alipay") && form.get("return_url") == null) {
                throw StripeApiError.invalid("return_url", "A return_url must be specified to confirm an Alipay payment.");
            }
            intent.returnUrl = form.get("return_url");
            intent.status = "requires_action";
        }
        intents.put(intent.id, intent);
        return intent.json(baseUrl);
    }

    synchronized Map<String, Object> retrieveIntent(String id) {
        FakePaymentIntent intent = intents.get(id);
        if (intent == null) {
            throw StripeApiError.missing(404, "payment_intent", id, "intent");
        }
        return intent.json(baseUrl);
    }

    synchronized Map<String, Object> cancelIntent(String id) {
        FakePaymentIntent intent = intents.get(id);
        if (intent == null) {
            throw StripeApiError.missing(404, "payment_intent", id, "intent");
        }
        if (intent.status.equals("succeeded") || intent.status.equals("canceled")) {
            throw StripeApiError.invalid(null, "You cannot cancel this PaymentIntent because it has a status of "
                    + intent.status + ". Only a PaymentIntent with one of the following statuses may be canceled: "
                    + "requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.");
        }
        intent.status = "canceled";
        intent.cancellationReason = "requested_by_customer";
        readers.values().stream().filter(reader -> id.equals(reader.intentId) && reader.busy())
                .forEach(reader -> reader.fail("canceled", "The payment was canceled."));
        return intent.json(baseUrl);
    }

    synchronized FakeTerminalReader reader(String id) {
        return readers.computeIfAbsent(id, FakeTerminalReader::new);
    }

    synchronized Map<String, Object> readerJson(String id) {
        return knownReader(id).json();
    }

    /** Hands a PaymentIntent to a reader, which then waits for a card. */
    synchronized Map<String, Object> processPaymentIntent(String readerId, Map<String, String> form) {
        FakeTerminalReader reader = knownReader(readerId);
        if (reader.timesOut) {
            throw new StripeApiError(400, "invalid_request_error", "terminal_reader_timeout", null,
                    "There was a timeout when sending this command to the reader.");
        }
        if (reader.busy()) {
            throw new StripeApiError(400, "invalid_request_error", "terminal_reader_busy", null,
                    "Reader is currently busy processing another request.");
        }
        String intentId = form.getOrDefault("payment_intent", "");
        FakePaymentIntent intent = intents.get(intentId);
        if (intent == null) {
            throw StripeApiError.missing(400, "payment_intent", intentId, "payment_intent");
        }
        if (!intent.method.equals("card_present") || !intent.status.equals("requires_payment_method")) {
            throw StripeApiError.invalid("payment_intent", "This PaymentIntent cannot be processed on a reader.");
        }
        reader.start(intentId);
        return reader.json();
    }

    synchronized Map<String, Object> cancelAction(String readerId) {
        FakeTerminalReader reader = knownReader(readerId);
        if (!reader.busy()) {
            throw StripeApiError.invalid(null, "This reader has no in-progress action to cancel.");
        }
        reader.fail("canceled", "The action was canceled.");
        return reader.json();
    }

    /**
     * The buyer taps a card on the reader: {@code 4000000000000002} is declined (the action fails, the PaymentIntent
     * waits for another card), any other number pays. Returns the PaymentIntent id.
     */
    synchronized String presentCard(String readerId, String number) {
        FakeTerminalReader reader = knownReader(readerId);
        if (!reader.busy() || reader.intentId == null) {
            throw new IllegalStateException("Reader " + readerId + " is not waiting for a card");
        }
        FakePaymentIntent intent = intent(reader.intentId);
        if (number.equals("4000000000000002")) {
            intent.lastError = "Your card was declined.";
            reader.fail("card_declined", "Your card was declined.");
        } else {
            intent.status = "succeeded";
            intent.amountReceived = intent.amount;
            intent.lastError = null;
            reader.actionStatus = "succeeded";
        }
        return intent.id;
    }

    /** The buyer scans a wallet payment's QR code and pays in the wallet's app. */
    synchronized void payWallet(String intentId) {
        FakePaymentIntent intent = intent(intentId);
        if (!intent.status.equals("requires_action")) {
            throw new IllegalStateException("Payment " + intentId + " is " + intent.status + ", not waiting for a wallet");
        }
        intent.status = "succeeded";
        intent.amountReceived = intent.amount;
    }

    synchronized List<Map<String, Object>> intentsJson() {
        return intents.values().stream().map(intent -> intent.json(baseUrl)).toList();
    }

    private FakeTerminalReader knownReader(String id) {
        FakeTerminalReader reader = readers.get(id);
        if (reader == null) {
            throw StripeApiError.missing(404, "terminal.reader", id, "reader");
        }
        return reader;
    }

    synchronized Map<String, Object> chargeJson(String intentOrChargeId) {
        FakePaymentIntent intent = intents.values().stream()
                .filter(candidate -> candidate.id.equals(intentOrChargeId) || candidate.chargeId.equals(intentOrChargeId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No payment intent or charge " + intentOrChargeId));
        return intent.chargeJson();
    }

    synchronized List<FakeStripe.Session> sessions() {
        return sessions.values().stream().map(FakeCheckoutSession::view).toList();
    }

    private FakeCheckoutSession openSession(String id) {
        FakeCheckoutSession session = session(id, 404);
        if (!session.status.equals("open")) {
            throw new IllegalStateException("Session " + id + " is " + session.status + ", not open");
        }
        return session;
    }

    synchronized Map<String, Object> createCustomer(Map<String, String> form) {
        String id = "cus_test_" + next();
        customers.put(id, form);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "customer");
        json.put("name", form.get("name"));
        json.put("email", form.get("email"));
        json.put("metadata", StripeForm.hash(form, "metadata"));
        return json;
    }

    synchronized Map<String, Object> createInvoice(Map<String, String> form) {
        if (!customers.containsKey(form.get("customer"))) {
            throw StripeApiError.missing(400, "customer", String.valueOf(form.get("customer")), "customer");
        }
        if ("send_invoice".equals(form.get("collection_method")) && !form.containsKey("days_until_due")) {
            throw StripeApiError.invalid("days_until_due", "Invoices with collection_method=send_invoice need days_until_due.");
        }
        FakeInvoice invoice = new FakeInvoice("in_test_" + next(), Instant.now().getEpochSecond(), form);
        invoices.put(invoice.id, invoice);
        return invoice.json(baseUrl);
    }

    synchronized Map<String, Object> createInvoiceItem(Map<String, String> form) {
        FakeInvoice invoice = invoice(String.valueOf(form.get("invoice")), 400);
        if (!invoice.status.equals("draft")) {
            throw StripeApiError.invalid("invoice", "You can only add invoice items to draft invoices.");
        }
        if (!String.valueOf(invoice.form.get("customer")).equals(form.get("customer"))) {
            throw StripeApiError.invalid("customer", "The invoice item's customer is not the invoice's.");
        }
        long amount = Long.parseLong(form.get("amount"));
        invoice.items.add(amount);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", "ii_test_" + next());
        json.put("object", "invoiceitem");
        json.put("amount", amount);
        json.put("currency", form.get("currency"));
        json.put("invoice", invoice.id);
        return json;
    }

    synchronized Map<String, Object> finalizeInvoice(String id) {
        FakeInvoice invoice = invoice(id, 404);
        if (!invoice.status.equals("draft")) {
            throw StripeApiError.invalid(null, "This invoice is already finalized.");
        }
        invoice.status = "open";
        return invoice.json(baseUrl);
    }

    synchronized Map<String, Object> sendInvoice(String id) {
        FakeInvoice invoice = invoice(id, 404);
        if (!invoice.status.equals("open")) {
            throw StripeApiError.invalid(null, "You can only send open invoices.");
        }
        invoice.sent = true;
        return invoice.json(baseUrl);
    }

    synchronized Map<String, Object> invoiceJson(String id) {
        return invoice(id, 404).json(baseUrl);
    }

    synchronized String payInvoice(String id) {
        FakeInvoice invoice = invoice(id, 404);
        if (!invoice.status.equals("open")) {
            throw new IllegalStateException("Invoice " + id + " is " + invoice.status + ", not open");
        }
        FakePaymentIntent intent = new FakePaymentIntent("pi_test_" + next(), "ch_test_" + next(), invoice.amountDue(),
                invoice.form.get("currency"), Map.of());
        intent.status = "succeeded";
        intents.put(intent.id, intent);
        invoice.paymentIntent = intent.id;
        invoice.status = "paid";
        return intent.id;
    }

    synchronized List<FakeStripe.Invoice> invoices() {
        return invoices.values().stream().map(invoice -> new FakeStripe.Invoice(invoice.id, invoice.status, invoice.sent,
                invoice.amountDue(), String.valueOf(invoice.form.get("currency")), String.valueOf(invoice.form.get("collection_method")),
                invoice.form.containsKey("days_until_due") ? Integer.parseInt(invoice.form.get("days_until_due")) : null,
                StripeForm.hash(invoice.form, "metadata"), customers.getOrDefault(invoice.form.get("customer"), Map.of()).get("email")))
                .toList();
    }

    private FakeInvoice invoice(String id, int statusIfMissing) {
        FakeInvoice invoice = invoices.get(id);
        if (invoice == null) {
            throw StripeApiError.missing(statusIfMissing, "invoice", id, "invoice");
        }
        return invoice;
    }

    private FakeCheckoutSession session(String id, int statusIfMissing) {
        FakeCheckoutSession session = sessions.get(id);
        if (session == null) {
            throw StripeApiError.missing(statusIfMissing, "checkout.session", id, "session");
        }
        return session;
    }

    private FakePaymentIntent intent(String id) {
        FakePaymentIntent intent = intents.get(id);
        if (intent == null) {
            throw new IllegalArgumentException("No payment intent " + id);
        }
        return intent;
    }

    /** The session's PaymentIntent, made at the buyer's first attempt to pay, with the session's intent metadata. */
    private FakePaymentIntent intentOf(FakeCheckoutSession session) {
        if (session.paymentIntent == null) {
            FakePaymentIntent intent = new FakePaymentIntent("pi_test_" + next(), "ch_test_" + next(),
                    session.amountTotal, session.currency,
                    StripeForm.hash(session.form, "payment_intent_data[metadata]"));
            intents.put(intent.id, intent);
            session.paymentIntent = intent.id;
        }
        return intents.get(session.paymentIntent);
    }

    private Map<String, Object> refundOf(FakePaymentIntent intent, long amount, @Nullable String reason,
            Map<String, String> metadata) {
        intent.amountRefunded += amount;
        Map<String, Object> refund = new LinkedHashMap<>();
        refund.put("id", "re_test_" + next());
        refund.put("object", "refund");
        refund.put("amount", amount);
        refund.put("charge", intent.chargeId);
        refund.put("created", Instant.now().getEpochSecond());
        refund.put("currency", intent.currency);
        refund.put("metadata", metadata);
        refund.put("payment_intent", intent.id);
        refund.put("reason", reason);
        refund.put("status", "succeeded");
        return refund;
    }

    private long next() {
        return IDS.incrementAndGet();
    }

    private static String currency(List<Map<String, String>> items) {
        List<String> currencies = items.stream().map(item -> item.get("[price_data][currency]")).distinct().toList();
        if (currencies.size() != 1 || currencies.get(0) == null) {
            throw StripeApiError.invalid("line_items", "All line items must have one and the same currency.");
        }
        return currencies.get(0);
    }

    private static long amountTotal(List<Map<String, String>> items) {
        long total = 0;
        for (Map<String, String> item : items) {
            String unitAmount = item.get("[price_data][unit_amount]");
            String quantity = item.get("[quantity]");
            if (unitAmount == null || quantity == null || item.get("[price_data][product_data][name]") == null) {
                throw StripeApiError.invalid("line_items", "Each line item needs price_data (currency, unit_amount, "
                        + "product_data[name]) and a quantity.");
            }
            total += Long.parseLong(unitAmount) * Long.parseLong(quantity);
        }
        return total;
    }
}
