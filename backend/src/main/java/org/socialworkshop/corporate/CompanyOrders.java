package org.socialworkshop.corporate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.ordering.CorporateOrders;
import org.socialworkshop.ordering.OrderView;
import org.socialworkshop.ordering.ReceiptLinks;
import org.socialworkshop.payments.InvoiceRequest;
import org.socialworkshop.payments.PaymentStatus;
import org.socialworkshop.payments.Payments;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Companies' orders from accepted quotes (issue 13, item 4, first part): where each stands (waiting for payment until
 * its due date on the company's terms, overdue, paid), a bank transfer recorded by staff (a payment like any other: the
 * order is paid and its receipt issued on the {@code CORPORATE} register by the usual events), and the 发票 issued.
 */
@Service
public class CompanyOrders {

    private final Database db;
    private final Companies companies;
    private final CorporateOrders orders;
    private final Payments payments;
    private final ReceiptLinks receipts;
    private final AuditLog audit;
    private final Clock clock;

    CompanyOrders(Database db, Companies companies, CorporateOrders orders, Payments payments, ReceiptLinks receipts, AuditLog audit,
            Clock clock) {
        this.db = db;
        this.receipts = receipts;
        this.clock = clock;
        this.companies = companies;
        this.orders = orders;
        this.payments = payments;
        this.audit = audit;
    }

    public enum Kind {
        NORMAL, SPECIAL
    }

    /** The 发票 issued for an order. */
    public record Fapiao(String number, Kind kind, LocalDate issuedOn) {
    }

    /**
     * A company's order as its buyers and the coordinators see it: what is owed when ({@code instalments}, with what of
     * each is paid), and, for one order (null in lists), its payments (transfers and invoices, an invoice with the page
     * it is paid on) and its receipts.
     */
    public record View(UUID orderId, String orderNumber, UUID quoteId, String quoteNumber, String companyName, String poNumber,
            String status, Money total, Money paid, OffsetDateTime payBy, @Nullable LocalDate nextDue, boolean overdue,
            @Nullable OffsetDateTime paidAt, @Nullable Fapiao fapiao, List<Instalments.Instalment> instalments,
            @Nullable List<Payment> payments, @Nullable List<OrderView.Receipt> receipts) {
    }

    /**
     * A payment of a company's order: a bank transfer ({@code BANK_TRANSFER}, provider {@code bank}) or an invoice
     * ({@code INVOICE}, provider {@code stripe} or {@code demo}) for instalment {@code instalment}, with the page it is paid
     * on while open ({@code pageUrl}), why its last attempt failed, and whether the provider found it overdue.
     */
    public record Payment(UUID paymentId, String method, String provider, Money amount, String status, @Nullable String reference,
            @Nullable Integer instalment, @Nullable String pageUrl, @Nullable String failure, boolean overdueAtProvider,
            OffsetDateTime createdAt) {
    }

    /** The signed-in buyer's company's orders, newest first. */
    public Mono<List<View>> ofBuyer() {
        return companies.buyersCompany().flatMap(company -> views("q.company_id = :company", Map.of("company", company)));
    }

    /**
     * One order of the signed-in buyer's company: 404 {@code unknown-order} for any other, so every buyer endpoint about
     * an order starts here and another company's order is not even addressable.
     */
    public Mono<View> ofBuyer(UUID orderId) {
        return companies.buyersCompany().flatMap(company -> views("q.company_id = :company AND q.order_id = :order",
                        Map.of("company", company, "order", orderId)))
                .flatMap(this::only);
    }

    /** One company's orders, newest first (for coordinators; a buyer's come from the session). */
    Mono<List<View>> ofCompany(UUID company) {
        return views("q.company_id = :company", Map.of("company", company));
    }

    /** Every company's orders, newest first. */
    public Mono<List<View>> all() {
        return views("true", Map.of());
    }

    /** One company's order, for coordinators: 404 {@code unknown-order} when no accepted quote made it. */
    public Mono<View> one(UUID orderId) {
        return views("q.order_id = :order", Map.of("order", orderId)).flatMap(this::only);
    }

    private Mono<View> only(List<View> found) {
        if (found.isEmpty()) {
            return Mono.error(CorporateProblem.unknownOrder());
        }
        View view = found.get(0);
        return Mono.zip(payments.ofOrder(view.orderId()), invoicedInstalments(view.orderId()), receipts.of(view.orderId()))
                .map(details -> new View(view.orderId(), view.orderNumber(), view.quoteId(), view.quoteNumber(), view.companyName(),
                        view.poNumber(), view.status(), view.total(), view.paid(), view.payBy(), view.nextDue(), view.overdue(),
                        view.paidAt(), view.fapiao(), view.instalments(), details.getT1().stream()
                                .map(payment -> new Payment(payment.paymentId(), payment.method(), payment.provider(), payment.amount(),
                                        payment.status().name(), payment.reference(), details.getT2().get(payment.paymentId()),
                                        payment.status() == PaymentStatus.OPEN ? payment.pageUrl() : null, payment.failureMessage(),
                                        payment.overdue(), payment.createdAt()))
                                .toList(), details.getT3()));
    }

    private Mono<Map<UUID, Integer>> invoicedInstalments(UUID orderId) {
        return db.sql("SELECT payment_id, seq FROM corporate_invoices WHERE order_id = :order").bind("order", orderId)
                .map(row -> Map.entry(row.get("payment_id", UUID.class), row.get("seq", Integer.class)))
                .stream().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<List<View>> views(String where, Map<String, UUID> parameters) {
        var statement = db.sql("""
                        SELECT q.id, q.number, q.po_number, q.order_id, c.legal_name, f.number AS fapiao, f.kind, f.issued_on
                        FROM quotes q JOIN companies c ON c.id = q.company_id LEFT JOIN corporate_fapiao f ON f.order_id = q.order_id
                        WHERE q.order_id IS NOT NULL AND %s ORDER BY q.accepted_at DESC, q.id LIMIT 500""".formatted(where));
        for (Map.Entry<String, UUID> parameter : parameters.entrySet()) {
            statement = statement.bind(parameter.getKey(), parameter.getValue());
        }
        record Row(UUID quote, String number, String po, UUID order, String company, @Nullable Fapiao fapiao) {
        }
        return statement.map(row -> {
                    String fapiao = row.get("fapiao", String.class);
                    return new Row(row.get("id", UUID.class), row.get("number", String.class), row.get("po_number", String.class),
                            row.get("order_id", UUID.class), row.get("legal_name", String.class), fapiao == null ? null
                            : new Fapiao(fapiao, Kind.valueOf(row.get("kind", String.class)), row.get("issued_on", LocalDate.class)));
                })
                .list()
                .flatMap(rows -> {
                    List<UUID> ids = rows.stream().map(Row::order).toList();
                    return Mono.zip(orders.states(ids), payments.paidSoFar(ids), agreed(ids)).map(found -> rows.stream()
                            .filter(row -> found.getT1().containsKey(row.order()))
                            .map(row -> {
                                CorporateOrders.State state = found.getT1().get(row.order());
                                Money paid = found.getT2().getOrDefault(row.order(), Money.zero(state.total().currency()));
                                List<Instalments.Instalment> owed = Instalments.applied(found.getT3().getOrDefault(row.order(), List.of()),
                                        paid, LocalDate.now(clock.withZone(Instalments.WORKSHOP)));
                                boolean waiting = state.awaitingPayment();
                                LocalDate nextDue = waiting ? owed.stream().filter(each -> each.status() != Instalments.Status.PAID)
                                        .map(Instalments.Instalment::dueOn).findFirst().orElse(null) : null;
                                boolean overdue = waiting && owed.stream().anyMatch(each -> each.status() == Instalments.Status.OVERDUE);
                                return new View(row.order(), state.number(), row.quote(), row.number(), row.company(), row.po(), state.status(),
                                        state.total(), paid, state.payBy(), nextDue, overdue, state.paidAt(), row.fapiao(), owed, null, null);
                            }).toList());
                });
    }

    private Mono<Map<UUID, List<Instalments.Planned>>> agreed(List<UUID> orderIds) {
        return db.sql("SELECT order_id, seq, kind, amount_fen, due_on FROM corporate_instalments WHERE order_id = ANY(:ids) ORDER BY order_id, seq")
                .bind("ids", orderIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("order_id", UUID.class), new Instalments.Planned(row.get("seq", Integer.class),
                        Instalments.Kind.valueOf(row.get("kind", String.class)), Money.fen(row.get("amount_fen", Long.class)),
                        row.get("due_on", LocalDate.class))))
                .stream()
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
                .map(grouped -> {
                    Map<UUID, List<Instalments.Planned>> lists = new HashMap<>();
                    grouped.forEach((order, planned) -> lists.put(order, List.copyOf(planned)));
                    return lists;
                });
    }

    /**
     * Records a bank transfer for a company's order: the order must be waiting for payment and the amount at most what is
     * still owed (422 otherwise). The same bank reference again records nothing and answers false, whatever the order's
     * state by then. Its receipt is issued by the outbox a moment later: a payment receipt while more is owed, the sale
     * receipt (and the order paid) when it completes the total.
     */
    public Mono<Boolean> recordTransfer(UUID orderId, Money amount, String reference) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("SELECT id FROM quotes WHERE order_id = :order FOR UPDATE")
                .bind("order", orderId).map(row -> row.get("id", UUID.class)).one()
                .switchIfEmpty(Mono.error(CorporateProblem::unknownOrder))
                .flatMap(quote -> payments.transferRecorded(orderId, reference.strip()))
                .flatMap(known -> known ? Mono.just(false) : orders.states(List.of(orderId)).flatMap(states -> {
                    CorporateOrders.State state = states.get(orderId);
                    if (state == null) {
                        return Mono.error(CorporateProblem.unknownOrder());
                    }
                    if (!state.awaitingPayment()) {
                        return Mono.error(CorporateProblem.notAwaitingPayment());
                    }
                    return payments.paidSoFar(orderId, state.total().currency()).flatMap(paid -> {
                        Money owed = state.total().minus(paid);
                        return amount.minor() > owed.minor() ? Mono.error(CorporateProblem.moreThanOwed(owed))
                                : payments.recordTransfer(orderId, amount, reference.strip());
                    })
                            .flatMap(recorded -> audit.record(actor, "corporate.transfer-recorded", "order:" + orderId,
                                    Map.of("reference", reference.strip(), "amount", amount.minor(), "new", recorded)).thenReturn(recorded));
                }))));
    }

    /**
     * Sends an invoice for what is still owed of one instalment, through the payment provider (a Stripe Invoice the buyer
     * pays on its hosted page, e-mailed to the company's contact; a labelled demo invoice without Stripe), due on the
     * instalment's day (tomorrow when that has passed). One open invoice per instalment (409 otherwise); a paid
     * instalment has none (409). Under the order's lock, and keyed by the instalment and how many invoices it had, so a
     * repeat after a lost answer finds the same invoice at the provider rather than making a second.
     */
    public Mono<Payment> sendInvoice(UUID orderId, int seq) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("""
                        SELECT q.company_id, q.po_number, (SELECT count(*) FROM corporate_invoices i WHERE i.order_id = q.order_id
                                                                                  AND i.seq = :seq) AS sent
                        FROM quotes q WHERE q.order_id = :order FOR UPDATE""")
                .bind("order", orderId).bind("seq", seq)
                .map(row -> new Invoicing(row.get("company_id", UUID.class), row.get("po_number", String.class),
                        row.get("sent", Number.class).intValue()))
                .one()
                .switchIfEmpty(Mono.error(CorporateProblem::unknownOrder))
                .flatMap(invoicing -> one(orderId).flatMap(view -> {
                    if (!"PENDING_PAYMENT".equals(view.status())) {
                        return Mono.error(CorporateProblem.notAwaitingPayment());
                    }
                    Instalments.Instalment instalment = view.instalments().stream().filter(each -> each.seq() == seq).findFirst().orElse(null);
                    if (instalment == null) {
                        return Mono.error(CorporateProblem.unknownInstalment());
                    }
                    if (instalment.left().minor() == 0) {
                        return Mono.error(CorporateProblem.instalmentPaid());
                    }
                    boolean open = Objects.requireNonNull(view.payments()).stream()
                            .anyMatch(payment -> Integer.valueOf(seq).equals(payment.instalment()) && "OPEN".equals(payment.status()));
                    if (open) {
                        return Mono.error(CorporateProblem.invoiceOpen());
                    }
                    String key = "corporate-invoice:" + orderId + ":" + seq + ":" + (invoicing.sent() + 1);
                    UUID paymentId = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
                    LocalDate today = LocalDate.now(clock.withZone(Instalments.WORKSHOP));
                    int days = (int) Math.max(1, ChronoUnit.DAYS.between(today, instalment.dueOn()));
                    return companies.one(invoicing.company()).flatMap(company -> payments.sendInvoice(new InvoiceRequest(paymentId, orderId,
                                    view.orderNumber(), describe(instalment.kind(), view.orderNumber(), invoicing.po()), instalment.left(),
                                    company.invoice().title(), company.contact().email(), days,
                                    URI.create("/corporate/order.html?id=" + orderId), key)))
                            .flatMap(sent -> db.sql("""
                                            INSERT INTO corporate_invoices (payment_id, order_id, seq, sent_by)
                                            VALUES (:payment, :order, :seq, :by)""")
                                    .bind("payment", sent.id()).bind("order", orderId).bind("seq", seq).bind("by", actor)
                                    .update()
                                    .then(audit.record(actor, "corporate.invoice-sent", "order:" + orderId, Map.of("instalment", seq,
                                            "amount", instalment.left().minor(), "provider", sent.provider(), "invoice", sent.sessionId())))
                                    .thenReturn(new Payment(sent.id(), "INVOICE", sent.provider(), sent.amount(), "OPEN", sent.sessionId(), seq,
                                            sent.redirectUrl(), null, false, OffsetDateTime.now(clock))));
                }))));
    }

    private record Invoicing(UUID company, String po, int sent) {
    }

    /** What an invoice is for, in both languages: {@code 订单 WS-2026-000123 预付款（PO-77） / Deposit for order WS-2026-000123 (PO PO-77)}. */
    static String describe(Instalments.Kind kind, String orderNumber, String po) {
        return switch (kind) {
            case DEPOSIT -> "订单 " + orderNumber + " 预付款（PO " + po + "） / Deposit for order " + orderNumber + " (PO " + po + ")";
            case BALANCE -> "订单 " + orderNumber + " 尾款（PO " + po + "） / Balance for order " + orderNumber + " (PO " + po + ")";
            case FULL -> "订单 " + orderNumber + "（PO " + po + "） / Order " + orderNumber + " (PO " + po + ")";
        };
    }

    /** Records (or corrects) the 发票 issued for a company's order. */
    public Mono<Fapiao> recordFapiao(UUID orderId, Fapiao fapiao) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("SELECT id FROM quotes WHERE order_id = :order")
                .bind("order", orderId).map(row -> row.get("id", UUID.class)).one()
                .switchIfEmpty(Mono.error(CorporateProblem::unknownOrder))
                .then(db.sql("""
                                INSERT INTO corporate_fapiao (order_id, number, kind, issued_on, recorded_by)
                                VALUES (:order, :number, :kind, :issued, :by)
                                ON CONFLICT (order_id) DO UPDATE SET number = excluded.number, kind = excluded.kind,
                                    issued_on = excluded.issued_on, recorded_by = excluded.recorded_by, recorded_at = now()""")
                        .bind("order", orderId).bind("number", fapiao.number()).bind("kind", fapiao.kind().name())
                        .bind("issued", fapiao.issuedOn()).bind("by", actor)
                        .update())
                .then(audit.record(actor, "corporate.fapiao-recorded", "order:" + orderId, Map.of("number", fapiao.number())))))
                .thenReturn(fapiao);
    }
}
